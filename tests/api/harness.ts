// Builds the real app for API tests: the run's migrated and seeded database
// (tests/setup/global-setup.ts), real Redis, and the in-process engine as
// Temporal. One harness per test file.
import { Redis } from 'ioredis';
import pino from 'pino';
import request from 'supertest';
import { inject } from 'vitest';
import { createApp, type AppDeps, type CreateAppOptions } from '../../api';
import { loadConfig, type AppConfig, type Env } from '../../config';
import { startEngine, type EmbeddedEngine } from '../../engine';
import { demoPassword } from '../../seeds/demo-org';
import { createTemporalClient, payloadKeyringFromConfig } from '../../temporal';
import { testDatabaseUrl, testPrisma } from '../helpers/db';

export interface ApiHarness {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  engine: EmbeddedEngine;
  /** Another app over the same dependencies, e.g. with extra route modules or other config. */
  appWith(options: CreateAppOptions & { env?: Env; deps?: Partial<AppDeps> }): ReturnType<typeof createApp>;
  /** Logs a demo user in and returns the bearer header value. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

export function testConfig(env: Env = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    // Two shared cores and parallel test files: allow slow answers.
    READY_TIMEOUT_MS: '10000',
    DATABASE_URL: testDatabaseUrl(),
    REDIS_URL: inject('redisUrl') ?? process.env.REDIS_URL,
    REDIS_PREFIX: inject('redisPrefix') ?? process.env.REDIS_PREFIX,
    ...env,
  }).config;
}

export async function startApiHarness(): Promise<ApiHarness> {
  const engine = await startEngine();
  const config = testConfig();
  // The API's client as in production: a workflow it starts is encrypted.
  const temporal = await createTemporalClient({ address: engine.address, namespace: 'default', payloadKeys: payloadKeyringFromConfig(config.temporal) });
  const redis = new Redis(config.redis.url!, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  const deps: AppDeps = { prisma: testPrisma(), temporal, config, logger: pino({ level: 'silent' }), redis };
  const app = createApp(deps);
  const tokens = new Map<string, string>();
  return {
    app,
    deps,
    engine,
    appWith({ env, deps: extra, ...options }) {
      return createApp({ ...deps, ...(env ? { config: testConfig(env) } : {}), ...extra }, options);
    },
    async login(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await request(app).post('/api/auth/login').send({ username, password: demoPassword() });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      const header = `Bearer ${res.body.accessToken}`;
      tokens.set(username, header);
      return header;
    },
    async close() {
      redis.disconnect();
      await temporal.connection.close();
      await engine.close();
    },
  };
}
