import type { z } from 'zod';
import { parsePayloadKey, payloadKeyFingerprint } from '../temporal/payload-key';
import { parseSection, type EnvVarSpec } from './define';
import { processRulesFrom, type ProcessSections } from './rules';
import { CONFIG_SECTIONS, type AppConfig } from './schema';
import { appSection } from './sections/common';
import { GENERATED_SECRETS, loadOrCreateSecrets, SecretFileError } from './secrets';

/**
 * NODE_ENV=test without secrets (in-process test harnesses): random values
 * made once per process, so the API, worker and engine a test starts in one
 * process agree. Tests that start several processes go through
 * loadConfigOrExit, which shares them through DATA_DIR like any start.
 */
let testProcessSecrets: Env | undefined;
function testSecrets(): Env {
  testProcessSecrets ??= Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([name, make]) => [name, make()]));
  return testProcessSecrets;
}

const SECRET_HINTS: Record<string, string> = {
  JWT_SECRET: 'set a random string of at least 32 characters (`openssl rand -base64 48`).',
  TEMPORAL_PAYLOAD_KEY: 'set 32 random bytes as base64 (`openssl rand -base64 32`), the same in every API and worker process.',
};

export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(`Invalid configuration:\n${lines.join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigResult {
  config: AppConfig;
  /** Non-fatal notes, e.g. a secret generated into DATA_DIR. */
  warnings: string[];
}

export type { Env } from './define';
import type { Env } from './define';

function describe(raw: string | undefined, secret: boolean | undefined): string {
  if (raw === undefined) return 'unset';
  if (secret) return `got ${raw.length} characters`;
  // A connection URL may carry a password.
  raw = raw.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  const shown = raw.length > 40 ? `${raw.slice(0, 37)}...` : raw;
  return `got "${shown}"`;
}

/**
 * Secrets whose `.env.example` value is public: copied from the example they
 * protect nothing, so they are refused like a missing one.
 */
const EXAMPLE_REFUSED = new Set(['JWT_SECRET', 'TEMPORAL_PAYLOAD_KEY', 'TEMPORAL_PAYLOAD_PREVIOUS_KEYS']);

function parseVar(spec: EnvVarSpec, env: Env): { ok: true; value: unknown } | { ok: false; line: string } {
  const raw = env[spec.env];
  if (EXAMPLE_REFUSED.has(spec.env) && spec.example !== undefined && raw?.trim() === spec.example) {
    return { ok: false, line: `${spec.env}: is the example value of .env.example, known to everyone — generate your own, or leave it unset outside production` };
  }
  const result = (spec.schema as z.ZodType).safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const messages = [...new Set(result.error.issues.map((i) => (raw === undefined && i.code === 'invalid_type' ? 'is required' : i.message)))];
  return { ok: false, line: `${spec.env}: ${messages.join('; ')} (${describe(raw, spec.secret)}) — ${spec.doc}` };
}

/**
 * Validates the environment. Throws ConfigError carrying one line per bad or
 * missing variable, so every mistake is reported at once rather than one per restart.
 */
export function loadConfig(env: Env = process.env): LoadConfigResult {
  const lines: string[] = [];
  const warnings: string[] = [];
  const out: Record<string, Record<string, unknown>> = {};
  for (const [sectionName, section] of Object.entries(CONFIG_SECTIONS)) {
    const values: Record<string, unknown> = {};
    for (const [field, spec] of Object.entries(section as Record<string, EnvVarSpec>)) {
      const parsed = parseVar(spec, env);
      if (parsed.ok) values[field] = parsed.value;
      else lines.push(parsed.line);
    }
    out[sectionName] = values;
  }

  const app = out.app as { nodeEnv?: string; clock?: string };
  if (app.nodeEnv === 'production' && app.clock === 'virtual') {
    lines.push('CLOCK: virtual is refused with NODE_ENV=production — a movable clock would let an administrator skip deadlines of real cases; unset CLOCK');
  }
  const inbox = out.inbox as { attachmentS3Endpoint?: string; attachmentS3Bucket?: string; attachmentS3AccessKeyId?: string; attachmentS3SecretAccessKey?: string } | undefined;
  if (inbox?.attachmentS3Endpoint) {
    for (const [name, value] of [['ATTACHMENT_S3_BUCKET', inbox.attachmentS3Bucket], ['ATTACHMENT_S3_ACCESS_KEY_ID', inbox.attachmentS3AccessKeyId], ['ATTACHMENT_S3_SECRET_ACCESS_KEY', inbox.attachmentS3SecretAccessKey]] as const) {
      if (!value && !lines.some((l) => l.startsWith(`${name}:`))) lines.push(`${name}: is required when ATTACHMENT_S3_ENDPOINT is set (unset)`);
    }
  }
  const auth = out.auth as { jwtSecret?: string };
  const temporal = out.temporal as { payloadKey?: string; payloadKeyId?: string };
  const unset: Array<[string, () => void, string]> = [
    ['JWT_SECRET', () => (auth.jwtSecret = testSecrets().JWT_SECRET), auth.jwtSecret ?? ''],
    ['TEMPORAL_PAYLOAD_KEY', () => (temporal.payloadKey = testSecrets().TEMPORAL_PAYLOAD_KEY), temporal.payloadKey ?? ''],
  ];
  for (const [name, fillForTest, value] of unset) {
    if (value !== '' || lines.some((l) => l.startsWith(`${name}:`))) continue;
    if (app.nodeEnv === 'test') fillForTest();
    else if (app.nodeEnv === 'production') lines.push(`${name}: is required when NODE_ENV=production (unset) — ${SECRET_HINTS[name]}`);
    else lines.push(`${name}: is required (unset) — ${SECRET_HINTS[name]} Started through loadConfigOrExit (npm start, npm run worker), an unset one is generated into DATA_DIR/secrets/.`);
  }
  if (temporal.payloadKey !== undefined && temporal.payloadKeyId === undefined) {
    temporal.payloadKeyId = payloadKeyFingerprint(parsePayloadKey(temporal.payloadKey));
  }

  if (lines.length === 0) {
    const { rules, problems } = processRulesFrom(out as unknown as ProcessSections);
    lines.push(...problems);
    (out as Record<string, unknown>).rules = rules;
  }

  if (lines.length > 0) throw new ConfigError(lines);
  return { config: out as unknown as AppConfig, warnings };
}

/**
 * `env` with every unset generated secret (JWT_SECRET, TEMPORAL_PAYLOAD_KEY)
 * read from DATA_DIR/secrets/, created there on the first start; the notes
 * say what was created. With NODE_ENV=production, or when NODE_ENV/DATA_DIR
 * are themselves invalid, `env` comes back unchanged and loadConfig reports.
 */
export function withGeneratedSecrets(env: Env = process.env): { env: Env; notes: string[] } {
  const { values, lines } = parseSection(appSection, env);
  if (lines.length > 0 || values.nodeEnv === 'production') return { env, notes: [] };
  const secrets = loadOrCreateSecrets({ dataDir: values.dataDir, env });
  const notes = secrets.created.map(
    (name) => `${name} is unset: generated a random one into ${secrets.dir}/${name} (mode 0600), read by every later start and every process using this DATA_DIR. Set ${name} to choose your own; NODE_ENV=production requires it.`,
  );
  return { env: secrets.env, notes };
}

/**
 * Start-up entry of every process (API, worker, engine, the one-command
 * start): fills unset secrets from DATA_DIR (withGeneratedSecrets), then
 * prints one line per bad value and exits non-zero, or prints the notes and
 * warnings and returns the configuration.
 */
export function loadConfigOrExit(env: Env = process.env, io: { error: (line: string) => void; exit: (code: number) => never } = {
  error: (line) => console.error(line),
  exit: (code) => process.exit(code),
}): AppConfig {
  try {
    const prepared = withGeneratedSecrets(env);
    const { config, warnings } = loadConfig(prepared.env);
    for (const w of [...prepared.notes, ...warnings]) io.error(`warning: ${w}`);
    return config;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof SecretFileError) {
      io.error('Configuration is invalid; fix these environment variables (see .env.example):');
      for (const line of err instanceof ConfigError ? err.lines : [err.message]) io.error(`  ${line}`);
      return io.exit(1);
    }
    throw err;
  }
}

/** Every variable of every section, in declaration order (for `.env.example` and docs). */
export function listEnvVars(): Array<EnvVarSpec & { section: string; field: string }> {
  return Object.entries(CONFIG_SECTIONS).flatMap(([section, spec]) =>
    Object.entries(spec as Record<string, EnvVarSpec>).map(([field, v]) => ({ ...v, section, field })),
  );
}
