// Runs the catalogue service alone, as its own process (one Deployment per service in production).
import { runNode } from '@okno/runtime';
import { catalogueService } from './app';

await runNode({
  name: 'okno-catalogue',
  version: catalogueService.info.version,
  services: [catalogueService],
});
