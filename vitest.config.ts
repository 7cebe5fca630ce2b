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
    // A browser or a worker on a loaded two-core machine can take seconds to
    // settle; vitest's 1 s default made polls fail that would have passed.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
  },
});
