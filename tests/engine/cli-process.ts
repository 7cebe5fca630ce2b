// Runs `engine/cli.ts` as a separate process, for durability and
// operability tests.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface EngineProcess {
  child: ChildProcess;
  address: string;
  output: () => string;
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const compiled = new Map<string, Promise<string>>();

/**
 * Whether the engine benches run the engine compiled (`compiledEngine`), as
 * they do unless BENCH_ENGINE_SOURCE=1 asks for its sources under tsx, as the
 * figures before 2026-12-07 were measured.
 */
export const BENCH_ENGINE_COMPILED = !process.env.BENCH_ENGINE_SOURCE;
/** How long a spawned engine may take to say it listens, by default: a loaded two-core machine takes seconds. */
const READY_TIMEOUT_MS = 120_000;

/**
 * The engine of `root` compiled as `npm start` runs it: bundled by esbuild
 * with the options of platform/build.mjs, into `<root>/dist/bench-engine.js`
 * (one level deep, as dist/engine.js, so paths relative to the bundle hold).
 * Once per root and process. What the engine benches measure: what a
 * district runs, not the sources through a TypeScript loader.
 */
export function compiledEngine(root = ROOT): Promise<string> {
  let file = compiled.get(root);
  if (!file) {
    file = (async () => {
      const [{ build }, { ENTRY_BUILD_OPTIONS }] = await Promise.all([import('esbuild'), import('../../platform/build.mjs')]);
      const outfile = path.join(root, 'dist', 'bench-engine.js');
      await build({ ...ENTRY_BUILD_OPTIONS, absWorkingDir: root, entryPoints: ['engine/cli.ts'], outfile });
      return outfile;
    })();
    compiled.set(root, file);
  }
  return file;
}

/**
 * `root`: the checkout whose `engine/cli.ts` runs (the bench compares against an older one).
 * `readyTimeoutMs`: how long to wait for ENGINE_READY (the restart bench's first start replays gigabytes).
 * `compiledRun`: run `compiledEngine(root)` as the supervisor runs a process (`node --enable-source-maps`), not
 * the sources under tsx (the tests, which must run what is on disk without a build).
 */
export async function spawnEngine(args: string[], root = ROOT, readyTimeoutMs = READY_TIMEOUT_MS, compiledRun = false): Promise<EngineProcess> {
  // One process (node with the tsx loader, not the tsx launcher, which forks
  // a child) so that SIGKILL really kills the engine.
  // ENGINE_NODE_ARGS: extra node flags for the engine process (the bench profiles it with `--cpu-prof`).
  const nodeArgs = process.env.ENGINE_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const entry = compiledRun ? ['--enable-source-maps', await compiledEngine(root)] : ['--import', 'tsx', 'engine/cli.ts'];
  const child = spawn(process.execPath, [...nodeArgs, ...entry, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`engine did not start:\n${output}`)), readyTimeoutMs);
    child.stdout!.on('data', () => {
      const match = /ENGINE_READY (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then((code) => reject(new Error(`engine exited with ${code}:\n${output}`)));
  });
  return { child, address, output: () => output, exited };
}

/** The engine as a bench runs it: compiled unless BENCH_ENGINE_SOURCE=1 (see spawnEngine for the rest). */
export function spawnBenchEngine(args: string[], root = ROOT, readyTimeoutMs = READY_TIMEOUT_MS): Promise<EngineProcess> {
  return spawnEngine(args, root, readyTimeoutMs, BENCH_ENGINE_COMPILED);
}
