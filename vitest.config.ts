import { defineConfig } from 'vitest/config';

// One vitest run over every workspace package, so the suite prints one summary.
export default defineConfig({
  test: {
    projects: ['apps/*', 'packages/*'],
  },
});
