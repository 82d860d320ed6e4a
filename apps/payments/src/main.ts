// Runs the payments service alone, as its own process (one Deployment per service in production).
import { runNode } from '@okno/runtime';
import { paymentsService } from './app';

await runNode({
  name: 'okno-payments',
  version: paymentsService.info.version,
  services: [paymentsService],
});
