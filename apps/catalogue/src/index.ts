export { createCatalogueApp, catalogueInfo, catalogueService } from './app';
