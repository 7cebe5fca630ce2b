// Compiles the processes `npm start` runs into dist/, so production runs
// plain JavaScript on Node with no TypeScript loader: run at install
// (postinstall) and again by `npm start` when a source is newer than the
// last build. Plain JavaScript itself, because it must run before anything
// is compiled.
//
// Each entry is bundled by esbuild into one file directly under dist/ with
// node_modules left external. One level below the root on purpose: modules
// that find files relative to themselves (`new URL('../prisma/migrations',
// import.meta.url)` in db/, `../workflows` in worker/) are one level deep in
// the sources too, so the same relative paths hold in the bundle.
// The Temporal workflow bundle (webpack, ~2 s and a few hundred MiB) is built
// here as well, so the worker process loads it instead of running webpack.
/* global process, console, URL */
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workflowBundleOptions } from '../worker/bundle-options.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');

/** The processes, by name: dist/<name>.js is built from the source. */
export const ENTRIES = {
  start: 'platform/start.ts', // the supervisor: `npm start`
  engine: 'engine/cli.ts',
  worker: 'worker/main.ts', // the Temporal worker and the queue workers: `npm run worker`
  api: 'platform/api-main.ts',
  seed: 'platform/seed-main.ts',
  'console-build': 'platform/console-build-main.ts', // the console's rebuild when its sources changed
};

/** Where the prebuilt workflow bundle goes; worker/bundle.ts loads it when running compiled. */
export const WORKFLOW_BUNDLE = join(DIST, 'workflow-bundle.js');
const STAMP = join(DIST, '.build-stamp');

// Folders whose files can change what dist/ holds.
const SKIP = new Set(['node_modules', 'dist', 'tests', '.git', '.data', '.work', 'coverage']);
const INPUT_EXTENSIONS = /\.(ts|mjs|js|json)$/;

function newestInput(dir = ROOT) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestInput(path));
    else if (INPUT_EXTENSIONS.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing an output or a source is newer than the last build. */
export function isStale() {
  if (!existsSync(STAMP) || !existsSync(WORKFLOW_BUNDLE)) return true;
  if (Object.keys(ENTRIES).some((name) => !existsSync(join(DIST, `${name}.js`)))) return true;
  return newestInput() > statSync(STAMP).mtimeMs;
}

/**
 * Steps run by every build, in order. Another compiled artefact (the web
 * console, say) is one more entry here, and `npm start` rebuilds it when
 * its sources change like everything else.
 */
const BUILD_STEPS = [
  { name: 'processes', run: buildEntries },
  { name: 'workflow bundle', run: buildWorkflowBundle },
];

/** How each process is compiled (the engine bench compiles an engine with the same: tests/engine/cli-process.ts). */
export const ENTRY_BUILD_OPTIONS = {
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
};

async function buildEntries() {
  const { build } = await import('esbuild');
  await build({
    ...ENTRY_BUILD_OPTIONS,
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, source])),
    outdir: DIST,
  });
}

async function buildWorkflowBundle() {
  const { bundleWorkflowCode } = await import('@temporalio/worker');
  const noop = () => undefined;
  const { code } = await bundleWorkflowCode(
    workflowBundleOptions({ log: noop, trace: noop, debug: noop, info: noop, warn: (m) => console.warn(`[build] ${m}`), error: (m) => console.error(`[build] ${m}`) }),
  );
  writeFileSync(WORKFLOW_BUNDLE, code);
}

/** Builds everything into dist/. */
export async function build({ log = (line) => console.log(`[build] ${line}`) } = {}) {
  const started = Date.now();
  // The stamp records when the build started: a source saved during the
  // build makes the next start build again.
  mkdirSync(DIST, { recursive: true });
  const stampTime = new Date();
  for (const step of BUILD_STEPS) await step.run();
  writeFileSync(STAMP, `${stampTime.toISOString()}\n`);
  utimesSync(STAMP, stampTime, stampTime);
  log(`compiled ${Object.keys(ENTRIES).length} processes and the workflow bundle into ${relative(process.cwd(), DIST) || DIST} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Builds when stale; the cheap check every `npm start` makes. */
export async function buildIfStale(options) {
  if (isStale()) await build(options);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ifStale = process.argv.includes('--if-stale');
  (ifStale ? buildIfStale() : build()).catch((err) => {
    console.error(`[build] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
