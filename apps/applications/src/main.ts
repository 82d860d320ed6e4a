// Runs the applications service alone, as its own process (one Deployment per service in production).
import { runNode } from '@okno/runtime';
import { applicationsService } from './app';

await runNode({
  name: 'okno-applications',
  version: applicationsService.info.version,
  services: [applicationsService],
  importPlugin: (name) => import(name),
  developmentPlugins: ['@okno/plugin-registry-demo'],
});
