// Secrets of a start without JWT_SECRET / TEMPORAL_PAYLOAD_KEY: generated once
// into DATA_DIR/secrets/ (0600 files in a 0700 folder) and read back by every
// later start and every other process of the installation, so a token issued
// by one API process is accepted by the next.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadConfigOrExit, type AppConfig } from '../../config';
import { demoPassword, DEMO, usernameFor } from '../../seeds/demo-org';
import { testDatabaseUrl } from '../helpers/db';
import { startApiHarness, type ApiHarness } from './harness';

let h: ApiHarness;
let dataDir: string;
beforeAll(async () => {
  h = await startApiHarness();
  dataDir = mkdtempSync(join(tmpdir(), 'cg-secrets-'));
});
afterAll(async () => {
  await h?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** What an entry point does at start: loadConfigOrExit over an environment without secrets. */
function startConfig(printed: string[] = []): AppConfig {
  return loadConfigOrExit(
    {
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DATABASE_URL: testDatabaseUrl(),
      REDIS_URL: inject('redisUrl') ?? process.env.REDIS_URL,
      REDIS_PREFIX: inject('redisPrefix') ?? process.env.REDIS_PREFIX,
    },
    { error: (line) => printed.push(line), exit: (code) => { throw new Error(`exit ${code}: ${printed.join('\n')}`); } },
  );
}

const officer = usernameFor('street_office', DEMO.street);

describe('secrets generated into DATA_DIR', () => {
  it('are created on the first start with mode 0600 and reused by the next start: its API accepts the first one\'s token', async () => {
    const printed: string[] = [];
    const first = startConfig(printed);
    expect(printed.join('\n')).toMatch(/JWT_SECRET is unset: generated/);
    const secretsDir = join(dataDir, 'secrets');
    expect(statSync(secretsDir).mode & 0o777).toBe(0o700);
    for (const name of ['JWT_SECRET', 'TEMPORAL_PAYLOAD_KEY']) {
      expect(statSync(join(secretsDir, name)).mode & 0o777).toBe(0o600);
    }
    expect(readFileSync(join(secretsDir, 'JWT_SECRET'), 'utf8').trim()).toBe(first.auth.jwtSecret);
    expect(first.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);

    const login = await request(h.appWith({ deps: { config: first } })).post('/api/auth/login').send({ username: officer, password: demoPassword() });
    expect(login.status).toBe(200);

    const again: string[] = [];
    const second = startConfig(again);
    expect(again).toEqual([]);
    expect(second.auth.jwtSecret).toBe(first.auth.jwtSecret);
    expect(second.temporal.payloadKey).toBe(first.temporal.payloadKey);
    const me = await request(h.appWith({ deps: { config: second } })).get('/api/me').set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(me.status).toBe(200);
    // The shared test configuration's (per-process random) secret is another one: the token is foreign there.
    expect((await request(h.app).get('/api/me').set('Authorization', `Bearer ${login.body.accessToken}`)).status).toBe(401);
  });

  it('refuses to start from a secret file others can read', () => {
    const file = join(dataDir, 'secrets', 'JWT_SECRET');
    startConfig();
    chmodSync(file, 0o644);
    try {
      expect(() => startConfig()).toThrow(/exit 1[\s\S]*JWT_SECRET is readable by others \(mode 644\)/);
    } finally {
      chmodSync(file, 0o600);
    }
  });

  it('are never generated with NODE_ENV=production: the start stops naming the variables', () => {
    const printed: string[] = [];
    const prodDir = mkdtempSync(join(tmpdir(), 'cg-secrets-prod-'));
    try {
      expect(() =>
        loadConfigOrExit({ NODE_ENV: 'production', DATA_DIR: prodDir }, { error: (l) => printed.push(l), exit: (code) => { throw new Error(`exit ${code}`); } }),
      ).toThrow('exit 1');
      expect(printed.join('\n')).toMatch(/JWT_SECRET: is required when NODE_ENV=production/);
      expect(printed.join('\n')).toMatch(/TEMPORAL_PAYLOAD_KEY: is required when NODE_ENV=production/);
      expect(() => statSync(join(prodDir, 'secrets'))).toThrow();
    } finally {
      rmSync(prodDir, { recursive: true, force: true });
    }
  });
});
