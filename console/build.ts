// Builds the web console into console/dist. `npm run build:console` always
// builds; `ensureConsoleBuilt()` builds only when the build is missing or
// older than its sources (a stamp of the sources' hash in dist/), for
// `npm start` and the browser tests.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// console/ when run from the source; bundled into dist/start.js by the
// platform build, the same module finds console/ beside dist/.
export const CONSOLE_DIR = [new URL('.', import.meta.url), new URL('../console/', import.meta.url)]
  .map((url) => fileURLToPath(url))
  .find((dir) => existsSync(join(dir, 'vite.config.ts'))) ?? fileURLToPath(new URL('.', import.meta.url));
export const CONSOLE_DIST_DIR = join(CONSOLE_DIR, 'dist');
const STAMP_FILE = join(CONSOLE_DIST_DIR, '.build-stamp');
// The console also bundles a few pure domain/ modules (the terms' labels).
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', '../package-lock.json', '../domain'];

async function listFiles(path: string): Promise<string[]> {
  const s = await stat(path).catch(() => null);
  if (!s) return [];
  if (!s.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => listFiles(join(path, e.name))));
  return nested.flat().sort();
}

/** Hash of every file the build reads (paths and contents). */
export async function consoleSourceHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const file of await listFiles(join(CONSOLE_DIR, source))) {
      hash.update(file.slice(CONSOLE_DIR.length)).update('\0').update(await readFile(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

export async function isConsoleBuildCurrent(): Promise<boolean> {
  if (!existsSync(join(CONSOLE_DIST_DIR, 'index.html'))) return false;
  const stamp = await readFile(STAMP_FILE, 'utf8').catch(() => '');
  return stamp === (await consoleSourceHash());
}

export interface BuildConsoleOptions {
  /** Build even when the build is current. */
  force?: boolean;
  /** Vite log level; default 'warn'. */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
}

/** Builds the console when the build is missing or stale (or `force`); returns whether it built. */
export async function ensureConsoleBuilt(options: BuildConsoleOptions = {}): Promise<boolean> {
  if (!options.force && (await isConsoleBuildCurrent())) return false;
  const hash = await consoleSourceHash();
  const { build } = await import('vite');
  // A production build whatever the caller runs under (vitest sets NODE_ENV=test, which Vite would honour).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(CONSOLE_DIR, 'vite.config.ts'), mode: 'production', logLevel: options.logLevel ?? 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  await writeFile(STAMP_FILE, hash);
  return true;
}

// Run as a script (`tsx console/build.ts`, npm run build:console) — not when bundled into another entry (dist/console-build.js).
const thisFile = fileURLToPath(import.meta.url);
if (process.argv[1] && thisFile === process.argv[1] && thisFile.endsWith(join('console', 'build.ts'))) {
  const started = Date.now();
  const force = !process.argv.includes('--if-stale');
  const built = await ensureConsoleBuilt({ force, logLevel: 'info' });
  console.log(built ? `console built into ${CONSOLE_DIST_DIR} in ${Date.now() - started} ms` : 'console build is current');
}
