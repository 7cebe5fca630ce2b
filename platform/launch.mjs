// `npm start` (and `npm run worker`, `npm run engine`): compiles what changed
// since the last build (platform/build.mjs, in a separate process so that
// esbuild and webpack never stay in this one), then runs the compiled
// process in this same Node process. The npm scripts `exec` it, so npm's
// forwarded SIGINT/SIGTERM reach it directly: a shell in between would not
// pass them on.
/* global process, URL */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIST, ENTRIES, isStale } from './build.mjs';

// `npm start -- --demo` arrives as `launch.mjs --demo`: an option, not a process name.
const named = process.argv[2] !== undefined && !process.argv[2].startsWith('--');
const name = named ? process.argv[2] : 'start';
if (!(name in ENTRIES)) {
  process.stderr.write(`usage: node platform/launch.mjs [${Object.keys(ENTRIES).join('|')}] [args…]\n`);
  process.exit(2);
}
// The process sees its own arguments only, as if started directly.
if (named) process.argv.splice(2, 1);
if (isStale()) {
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url))], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import(pathToFileURL(join(DIST, `${name}.js`)).href);
