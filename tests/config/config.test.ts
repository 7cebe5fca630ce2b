import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, listEnvVars, loadConfig, loadConfigOrExit } from '../../config';
import { asEnvText, renderEnvExample } from '../../config/env-example';

const SECRET = 's'.repeat(40);
const PAYLOAD_KEY = 'ab'.repeat(32);
const SECRETS = { JWT_SECRET: SECRET, TEMPORAL_PAYLOAD_KEY: PAYLOAD_KEY };

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
    const { config } = loadConfig(SECRETS);
    expect(config).toMatchObject({
      app: { nodeEnv: 'development', dataDir: '.data', logLevel: 'info' },
      server: { port: 3000 },
      auth: { tokenTtlSeconds: 900, refreshTokenTtlSeconds: 28800, sessionMaxSeconds: 43200, jwtSecret: SECRET },
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
      TEMPORAL_PAYLOAD_KEY: PAYLOAD_KEY,
      JWT_SECRET: '',
      NODE_ENV: 'test',
    });
    expect(config.server.port).toBe(8080);
    expect(config.database.url).toBe('postgresql://u:p@db:5432/gov');
    expect(config.temporal.address).toBe('temporal.internal:7233');
    expect(config.auth.tokenTtlSeconds).toBe(300);
    // Blank JWT_SECRET under NODE_ENV=test: a random one made for this process.
    expect(config.auth.jwtSecret).toHaveLength(64);
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
      ...SECRETS,
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

  it('requires JWT_SECRET and TEMPORAL_PAYLOAD_KEY in production and warns when the development defaults are used', () => {
    expect(errorLines({ NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^JWT_SECRET: is required when NODE_ENV=production/),
      expect.stringMatching(/^TEMPORAL_PAYLOAD_KEY: is required when NODE_ENV=production/),
    ]);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, TEMPORAL_PAYLOAD_KEY: PAYLOAD_KEY }).config.auth.jwtSecret).toBe(SECRET);
    // No built-in secret outside production either: loadConfig alone refuses, loadConfigOrExit generates them into DATA_DIR.
    expect(errorLines({ NODE_ENV: 'development' })).toEqual([
      expect.stringMatching(/^JWT_SECRET: is required \(unset\).*DATA_DIR\/secrets/),
      expect.stringMatching(/^TEMPORAL_PAYLOAD_KEY: is required \(unset\).*DATA_DIR\/secrets/),
    ]);
    expect(loadConfig({ NODE_ENV: 'development', ...SECRETS }).warnings).toEqual([]);
    // NODE_ENV=test: random per process, the same on every call in it.
    const a = loadConfig({ NODE_ENV: 'test' }).config;
    const b = loadConfig({ NODE_ENV: 'test' }).config;
    expect(a.auth.jwtSecret).toBe(b.auth.jwtSecret);
    expect(a.temporal.payloadKey).toBe(b.temporal.payloadKey);
    expect(a.auth.jwtSecret).not.toMatch(/dev/);
  });

  it('takes TEMPORAL_PAYLOAD_KEY as hex or base64, names it by a fingerprint unless TEMPORAL_PAYLOAD_KEY_ID is set', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).config.temporal.payloadKeyId).toMatch(/^k-[0-9a-f]{12}$/);
    const hex = loadConfig(SECRETS).config.temporal;
    const base64 = loadConfig({ JWT_SECRET: SECRET, TEMPORAL_PAYLOAD_KEY: Buffer.from(PAYLOAD_KEY, 'hex').toString('base64') }).config.temporal;
    expect(hex.payloadKeyId).toMatch(/^k-[0-9a-f]{12}$/);
    expect(base64.payloadKeyId).toBe(hex.payloadKeyId);
    expect(loadConfig({ ...SECRETS, TEMPORAL_PAYLOAD_KEY_ID: '2026-01' }).config.temporal.payloadKeyId).toBe('2026-01');
  });

  it('rejects payload keys of the wrong size or form without echoing them', () => {
    const lines = errorLines({
      JWT_SECRET: SECRET,
      TEMPORAL_PAYLOAD_KEY: 'c2hvcnQta2V5',
      TEMPORAL_PAYLOAD_KEY_ID: 'has space',
      TEMPORAL_PAYLOAD_PREVIOUS_KEYS: `old:${PAYLOAD_KEY},bad:not*a*key`,
    });
    expect(lines).toEqual([
      expect.stringMatching(/^TEMPORAL_PAYLOAD_KEY: must be 32 bytes .*decodes to 9 bytes \(got 12 characters\)/),
      expect.stringMatching(/^TEMPORAL_PAYLOAD_KEY_ID: may contain only/),
      expect.stringMatching(/^TEMPORAL_PAYLOAD_PREVIOUS_KEYS: entry 2: must be 32 bytes/),
    ]);
    expect(lines.join('\n')).not.toContain(PAYLOAD_KEY);
    expect(lines.join('\n')).not.toContain('c2hvcnQta2V5');
  });

  it('an S3 attachment store needs its bucket and both keys, and a bucket name S3 accepts', () => {
    expect(errorLines({ ...SECRETS, ATTACHMENT_S3_ENDPOINT: 'http://minio.intranet:9000' })).toEqual([
      'ATTACHMENT_S3_BUCKET: is required when ATTACHMENT_S3_ENDPOINT is set (unset)',
      'ATTACHMENT_S3_ACCESS_KEY_ID: is required when ATTACHMENT_S3_ENDPOINT is set (unset)',
      'ATTACHMENT_S3_SECRET_ACCESS_KEY: is required when ATTACHMENT_S3_ENDPOINT is set (unset)',
    ]);
    expect(errorLines({ ...SECRETS, ATTACHMENT_S3_BUCKET: 'Bad_Bucket' }).join('\n')).toContain('ATTACHMENT_S3_BUCKET');
    const { config } = loadConfig({ ...SECRETS, ATTACHMENT_S3_ENDPOINT: 'http://minio.intranet:9000', ATTACHMENT_S3_BUCKET: 'cg-attachments', ATTACHMENT_S3_ACCESS_KEY_ID: 'k', ATTACHMENT_S3_SECRET_ACCESS_KEY: 's' });
    expect(config.inbox).toMatchObject({ attachmentS3Endpoint: 'http://minio.intranet:9000', attachmentS3Bucket: 'cg-attachments', attachmentS3Region: 'us-east-1' });
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
    expect(printed.slice(1)).toEqual([expect.stringMatching(/^ {2}PORT: /), expect.stringMatching(/^ {2}JWT_SECRET: /), expect.stringMatching(/^ {2}TEMPORAL_PAYLOAD_KEY: /)]);
  });

  it('generates unset secrets into DATA_DIR on the first start, says so once, and returns the configuration', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cg-config-'));
    try {
      const printed: string[] = [];
      const io = { error: (l: string) => printed.push(l), exit: (): never => { throw new Error('no exit expected'); } };
      const first = loadConfigOrExit({ DATA_DIR: dataDir }, io);
      expect(first.server.port).toBe(3000);
      expect(printed).toEqual([
        expect.stringMatching(/^warning: JWT_SECRET is unset: generated a random one into .*\/secrets\/JWT_SECRET \(mode 0600\)/),
        expect.stringMatching(/^warning: TEMPORAL_PAYLOAD_KEY is unset: generated/),
      ]);
      expect(statSync(join(dataDir, 'secrets', 'JWT_SECRET')).mode & 0o777).toBe(0o600);
      printed.length = 0;
      const second = loadConfigOrExit({ DATA_DIR: dataDir }, io);
      expect(printed).toEqual([]);
      expect(second.auth.jwtSecret).toBe(first.auth.jwtSecret);
      expect(second.temporal).toMatchObject({ payloadKey: first.temporal.payloadKey, payloadKeyId: first.temporal.payloadKeyId });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
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

  it('shows each default as the environment spells it: written back, it parses to the same value', () => {
    const defaults = listEnvVars()
      .map((v) => ({ v, parsed: v.schema.safeParse(undefined) }))
      .filter(({ parsed }) => parsed.success && parsed.data !== undefined);
    expect(defaults.length).toBeGreaterThan(20);
    for (const { v, parsed } of defaults) {
      const text = asEnvText(v, parsed.data);
      expect(text, v.env).not.toContain('[object');
      expect(v.schema.parse(text), v.env).toEqual(parsed.data);
    }
  });

  it('its example values are valid, except the example secrets, which are refused', () => {
    const env = Object.fromEntries(listEnvVars().filter((v) => v.example !== undefined).map((v) => [v.env, v.example!]));
    const secrets = ['JWT_SECRET', 'TEMPORAL_PAYLOAD_KEY', 'TEMPORAL_PAYLOAD_PREVIOUS_KEYS'];
    // The example secrets are public: refused as values, one line each.
    expect(errorLines({ ...env, NODE_ENV: 'production' })).toEqual(secrets.map((name) => expect.stringMatching(new RegExp(`^${name}: is the example value`))));
    const withoutExampleSecrets = Object.fromEntries(Object.entries(env).filter(([name]) => !secrets.includes(name)));
    expect(() => loadConfig({ ...withoutExampleSecrets, ...SECRETS, NODE_ENV: 'production' })).not.toThrow();
  });
});
