// `npm run bench:api`: the API hot-path bench alone, under vitest (for the test
// platform's database and Redis set-up), outside `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/bench/api-bench.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
