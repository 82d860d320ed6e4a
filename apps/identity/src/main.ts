// Runs the identity service alone, as its own process (one Deployment per service in production).
import { runNode } from '@okno/runtime';
import { identityService } from './app';

await runNode({
  name: 'okno-identity',
  version: identityService.info.version,
  services: [identityService],
});
