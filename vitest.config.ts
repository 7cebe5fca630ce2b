import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Files share one PostgreSQL database and one engine per file; two cores
    // do not gain from more parallel files than this.
    maxWorkers: 2,
    pool: 'forks',
  },
});
