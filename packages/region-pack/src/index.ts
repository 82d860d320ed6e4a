export * from './pack-files';
export { crossFileProblems } from './pack-problems';
export {
  formatProblem,
  readPackAlone,
  readPacks,
  type PackProblem,
  type ReadResult,
} from './read-pack';
export type { RegionPack } from './region-pack';
