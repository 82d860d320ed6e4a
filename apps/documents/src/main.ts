// Runs the documents service alone, as its own process (one Deployment per service in production).
import { runNode } from '@okno/runtime';
import { documentsService } from './app';

await runNode({
  name: 'okno-documents',
  version: documentsService.info.version,
  services: [documentsService],
});
