import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_JWT_SECRET, listEnvVars, loadConfig, loadConfigOrExit } from '../../config';
import { renderEnvExample } from '../../config/env-example';

const SECRET = 's'.repeat(40);

function errorLines(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.lines;
    throw err;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const { config } = loadConfig({});
    expect(config).toMatchObject({
      app: { nodeEnv: 'development', dataDir: '.data', logLevel: 'info' },
      server: { port: 3000 },
      auth: { tokenTtlSeconds: 900, jwtSecret: DEV_JWT_SECRET },
      redis: { prefix: 'governance' },
      temporal: { namespace: 'default', taskQueue: 'governance' },
    });
    // Unset means "embedded default chosen by npm start".
    expect(config.database.url).toBeUndefined();
    expect(config.redis.url).toBeUndefined();
    expect(config.temporal.address).toBeUndefined();
  });

  it('converts and keeps valid values; blank optional values count as unset', () => {
    const { config } = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgresql://u:p@db:5432/gov',
      REDIS_URL: 'redis://cache:6379/2',
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      TOKEN_TTL_SECONDS: '300',
      TEMPORAL_ADDRESS_UNUSED: 'x',
      JWT_SECRET: '',
    });
    expect(config.server.port).toBe(8080);
    expect(config.database.url).toBe('postgresql://u:p@db:5432/gov');
    expect(config.temporal.address).toBe('temporal.internal:7233');
    expect(config.auth.tokenTtlSeconds).toBe(300);
    expect(config.auth.jwtSecret).toBe(DEV_JWT_SECRET);
  });

  it('reports one line per bad value, naming the variable, all at once', () => {
    const lines = errorLines({
      PORT: 'abc',
      TOKEN_TTL_SECONDS: '-5',
      DATABASE_URL: 'mysql://localhost/db',
      REDIS_URL: 'localhost:6379',
      TEMPORAL_ADDRESS: 'no-port',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
    });
    expect(lines).toHaveLength(7);
    for (const name of ['PORT', 'TOKEN_TTL_SECONDS', 'DATABASE_URL', 'REDIS_URL', 'TEMPORAL_ADDRESS', 'LOG_LEVEL', 'NODE_ENV']) {
      expect(lines.filter((l) => l.startsWith(`${name}: `))).toHaveLength(1);
    }
    expect(lines.find((l) => l.startsWith('PORT:'))).toContain('got "abc"');
    expect(lines.find((l) => l.startsWith('DATABASE_URL:'))).toContain('postgresql://');
  });

  it('rejects out-of-range ports', () => {
    expect(errorLines({ PORT: '70000' })[0]).toMatch(/^PORT: must be 1–65535/);
    expect(errorLines({ PORT: '3.5' })[0]).toMatch(/^PORT: must be an integer/);
  });

  it('requires JWT_SECRET in production and warns when the development default is used', () => {
    expect(errorLines({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^JWT_SECRET: is required when NODE_ENV=production/)]);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).config.auth.jwtSecret).toBe(SECRET);
    expect(loadConfig({ NODE_ENV: 'development' }).warnings).toEqual([expect.stringContaining('JWT_SECRET is unset')]);
    expect(loadConfig({ NODE_ENV: 'development', JWT_SECRET: SECRET }).warnings).toEqual([]);
  });

  it('never echoes secrets or URL passwords in error lines', () => {
    const lines = errorLines({ JWT_SECRET: 'tooshort-secret', DEMO_PASSWORD: 'abc', DATABASE_URL: 'mysql://admin:hunter2@db/x' });
    const text = lines.join('\n');
    expect(text).toContain('JWT_SECRET: must be at least 32 characters (got 15 characters)');
    expect(text).not.toContain('tooshort-secret');
    expect(text).not.toContain('"abc"');
    expect(text).not.toContain('hunter2');
  });
});

describe('loadConfigOrExit', () => {
  it('prints a header and one line per problem, then exits with 1', () => {
    const printed: string[] = [];
    const exit = (code: number): never => {
      throw new Error(`exit ${code}`);
    };
    expect(() => loadConfigOrExit({ PORT: 'x', NODE_ENV: 'production' }, { error: (l) => printed.push(l), exit })).toThrow('exit 1');
    expect(printed[0]).toMatch(/Configuration is invalid/);
    expect(printed.slice(1)).toEqual([expect.stringMatching(/^ {2}PORT: /), expect.stringMatching(/^ {2}JWT_SECRET: /)]);
  });

  it('prints warnings and returns the configuration when valid', () => {
    const printed: string[] = [];
    const config = loadConfigOrExit({}, { error: (l) => printed.push(l), exit: () => { throw new Error('no exit expected'); } });
    expect(config.server.port).toBe(3000);
    expect(printed).toEqual([expect.stringMatching(/^warning: JWT_SECRET is unset/)]);
  });
});

describe('.env.example', () => {
  const committed = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');

  it('documents every configuration variable', () => {
    const documented = new Set([...committed.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const missing = listEnvVars()
      .map((v) => v.env)
      .filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });

  it('is up to date with the sections (regenerate: npx tsx config/env-example.ts > .env.example)', () => {
    expect(committed).toBe(renderEnvExample());
  });

  it('its example values are themselves valid', () => {
    const env = Object.fromEntries(listEnvVars().filter((v) => v.example !== undefined).map((v) => [v.env, v.example!]));
    expect(() => loadConfig({ ...env, NODE_ENV: 'production' })).not.toThrow();
  });
});
