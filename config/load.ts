import type { z } from 'zod';
import { parsePayloadKey, payloadKeyFingerprint } from '../temporal/payload-key';
import type { EnvVarSpec } from './define';
import { processRulesFrom, type ProcessSections } from './rules';
import { CONFIG_SECTIONS, type AppConfig } from './schema';

/** Used only outside production, so a fresh clone runs without any setup. */
export const DEV_JWT_SECRET = 'dev-only-insecure-jwt-secret-do-not-use-in-production';

/**
 * Used only outside production, so a fresh clone runs without any setup.
 * Public: it protects nothing, it only keeps the code path the same.
 */
export const DEV_TEMPORAL_PAYLOAD_KEY = Buffer.from('dev-only-temporal-payload-key-32').toString('base64');
/** Key id of DEV_TEMPORAL_PAYLOAD_KEY, readable in the history: anyone seeing it knows the data is not protected. */
export const DEV_TEMPORAL_PAYLOAD_KEY_ID = 'dev';

export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(`Invalid configuration:\n${lines.join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigResult {
  config: AppConfig;
  /** Non-fatal notes, e.g. the development JWT secret being used. */
  warnings: string[];
}

export type Env = Record<string, string | undefined>;

function describe(raw: string | undefined, secret: boolean | undefined): string {
  if (raw === undefined) return 'unset';
  if (secret) return `got ${raw.length} characters`;
  // A connection URL may carry a password.
  raw = raw.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  const shown = raw.length > 40 ? `${raw.slice(0, 37)}...` : raw;
  return `got "${shown}"`;
}

function parseVar(spec: EnvVarSpec, env: Env): { ok: true; value: unknown } | { ok: false; line: string } {
  const raw = env[spec.env];
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

  const app = out.app as { nodeEnv?: string };
  const auth = out.auth as { jwtSecret?: string };
  if (auth.jwtSecret === undefined && !lines.some((l) => l.startsWith('JWT_SECRET:'))) {
    if (app.nodeEnv === 'production') {
      lines.push('JWT_SECRET: is required when NODE_ENV=production (unset) — set a random string of at least 32 characters.');
    } else {
      auth.jwtSecret = DEV_JWT_SECRET;
      if (app.nodeEnv !== 'test') {
        warnings.push('JWT_SECRET is unset: using the built-in development secret. Tokens are forgeable; set JWT_SECRET before sharing this server.');
      }
    }
  }

  const temporal = out.temporal as { payloadKey?: string; payloadKeyId?: string };
  if (temporal.payloadKey === undefined && !lines.some((l) => l.startsWith('TEMPORAL_PAYLOAD_KEY:'))) {
    if (app.nodeEnv === 'production') {
      lines.push('TEMPORAL_PAYLOAD_KEY: is required when NODE_ENV=production (unset) — set 32 random bytes as base64 (`openssl rand -base64 32`), the same in every API and worker process.');
    } else {
      temporal.payloadKey = DEV_TEMPORAL_PAYLOAD_KEY;
      temporal.payloadKeyId ??= DEV_TEMPORAL_PAYLOAD_KEY_ID;
      if (app.nodeEnv !== 'test') {
        warnings.push('TEMPORAL_PAYLOAD_KEY is unset: using the built-in development key. Ballots and personal data in Temporal\'s history are readable by anyone with this code; set TEMPORAL_PAYLOAD_KEY before storing real data.');
      }
    }
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
 * Start-up entry: prints one line per bad value and exits non-zero, or
 * prints the warnings and returns the configuration.
 */
export function loadConfigOrExit(env: Env = process.env, io: { error: (line: string) => void; exit: (code: number) => never } = {
  error: (line) => console.error(line),
  exit: (code) => process.exit(code),
}): AppConfig {
  try {
    const { config, warnings } = loadConfig(env);
    for (const w of warnings) io.error(`warning: ${w}`);
    return config;
  } catch (err) {
    if (err instanceof ConfigError) {
      io.error('Configuration is invalid; fix these environment variables (see .env.example):');
      for (const line of err.lines) io.error(`  ${line}`);
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
