// `npm run bench:console`: the console bench alone, under vitest (for the test
// platform's database and Redis set-up), outside `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['console/scripts/bench.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
