export { createDocumentsApp, documentsInfo, documentsService } from './app';
