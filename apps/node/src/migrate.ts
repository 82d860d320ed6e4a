// Applies pending migrations and exits (the deployment's migration Job; `pnpm migrate`).
import { runMigrations } from '@okno/runtime';

await runMigrations('okno-migrate');
