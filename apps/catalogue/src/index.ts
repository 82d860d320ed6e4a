export { createCatalogueApp, catalogueInfo, catalogueService } from './app';
/** The demo catalogue, for other services' tests and tools. */
export { demoServices } from './demo-catalogue';
export { seedDemoAgencies, seedDemoOffices } from './demo-data';
/** The demo region's agencies, and a large catalogue made from the demo one, for benches. */
export { demoAgencies } from './demo-catalogue/agencies';
export { demoOffices } from './demo-catalogue/offices';
export { largeCatalogue } from './perf/large-catalogue';
