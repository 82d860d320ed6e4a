export { createApplicationsApp, applicationsInfo, applicationsService } from './app';
