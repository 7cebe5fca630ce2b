// Secrets the platform needs but an operator may not have set: outside
// production they are generated on the first start into DATA_DIR/secrets/,
// one file per secret (mode 0600, folder 0700), and read back by every later
// start and by every process of the platform (API, worker, engine), so all of
// them sign, verify, encrypt and decrypt with the same values. No secret is
// written in the source.
//
// Production requires them set explicitly: there the API and workers may run
// on several hosts, each with its own DATA_DIR, and a key generated on one
// host would make tokens and Temporal payloads of the others unreadable —
// silently, until the first request or the first replay.
import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Env } from './define';

/** The secrets that are generated when unset, with how to make a fresh one. */
export const GENERATED_SECRETS = {
  // 48 random bytes: 64 base64url characters, well above the 32 JWT_SECRET requires.
  JWT_SECRET: () => randomBytes(48).toString('base64url'),
  // An AES-256 key in the form TEMPORAL_PAYLOAD_KEY takes (32 bytes, base64).
  TEMPORAL_PAYLOAD_KEY: () => randomBytes(32).toString('base64'),
} as const satisfies Record<string, () => string>;

export type GeneratedSecretName = keyof typeof GENERATED_SECRETS;

export interface LoadOrCreateSecretsOptions {
  /** DATA_DIR as configured (relative paths resolve against the working directory). */
  dataDir: string;
  /** The environment; variables already set are left alone and no file is read for them. */
  env: Env;
}

export interface LoadOrCreateSecretsResult {
  /** `env` with every unset secret filled from DATA_DIR/secrets/. */
  env: Env;
  /** The folder holding the secret files. */
  dir: string;
  /** Names read from existing files. */
  loaded: GeneratedSecretName[];
  /** Names generated now (first start). */
  created: GeneratedSecretName[];
}

export class SecretFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretFileError';
  }
}

function readSecretFile(file: string): string {
  const mode = statSync(file).mode & 0o777;
  // Like ssh with a private key: a secret others can read is no longer one.
  if ((mode & 0o077) !== 0) {
    throw new SecretFileError(`${file} is readable by others (mode ${mode.toString(8)}); run \`chmod 600 ${file}\` or delete it to generate a new one.`);
  }
  const value = readFileSync(file, 'utf8').trim();
  if (value === '') throw new SecretFileError(`${file} is empty; delete it to generate a new one.`);
  return value;
}

/**
 * Creates the file only if it does not exist, complete or not at all: the
 * value goes into a private temporary file that is then hard-linked to the
 * final name, and link() fails when another process got there first — so
 * processes starting at the same moment agree on one value.
 */
function createSecretFile(file: string, value: string): boolean {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, `${value}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Fills every unset secret of GENERATED_SECRETS from DATA_DIR/secrets/<NAME>,
 * generating the file on first use. Call it once per process before
 * `loadConfig` (`loadConfigOrExit` does), with the same DATA_DIR in every
 * process of one installation. Not for NODE_ENV=production (see above).
 */
export function loadOrCreateSecrets({ dataDir, env }: LoadOrCreateSecretsOptions): LoadOrCreateSecretsResult {
  const dir = join(resolve(dataDir), 'secrets');
  const missing = (Object.keys(GENERATED_SECRETS) as GeneratedSecretName[]).filter((name) => (env[name] ?? '').trim() === '');
  const result: LoadOrCreateSecretsResult = { env: { ...env }, dir, loaded: [], created: [] };
  if (missing.length === 0) return result;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  for (const name of missing) {
    const file = join(dir, name);
    let created = false;
    try {
      statSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      created = createSecretFile(file, GENERATED_SECRETS[name]());
    }
    result.env[name] = readSecretFile(file);
    (created ? result.created : result.loaded).push(name);
  }
  return result;
}
