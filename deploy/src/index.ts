export {
  initRegion,
  nextSteps,
  writeRegionFiles,
  type InitRegionOptions,
  type RegionFiles,
} from './region/init-region';
