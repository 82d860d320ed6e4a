export { createCatalogueApp, catalogueInfo, catalogueService } from './app';
/** The demo catalogue, for other services' tests and tools. */
export { demoServices } from './demo-catalogue';
export { seedDemoAgencies, seedDemoOffices } from './demo-data';
