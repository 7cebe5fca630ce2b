// `npm run bench:console`: the console bench runs under vitest (for the test
// platform's database and Redis set-up), outside `npm test`.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vitest.config';

export default mergeConfig(base, defineConfig({ test: { include: ['console/scripts/bench.ts'], testTimeout: 300_000 } }));
