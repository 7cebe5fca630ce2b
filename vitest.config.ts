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
    // Each of the two forks loads the platform's modules once and runs its
    // files one after another. Isolated, every file re-imported them
    // through tsx: 260 s of the suite's CPU went to imports alone, against
    // 23 s now (the suite took 940 s isolated, 798 s not, same machine and
    // hour). So no file may leave state another trips on: no vi.mock, no
    // env changes after global setup, one engine and platform per file. The
    // fixtures' numbered titles (tests/*/support.ts) repeat across files that
    // share the database: a test that counts rows by title uses its own.
    isolate: false,
  },
});
