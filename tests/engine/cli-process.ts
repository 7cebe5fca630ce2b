// Runs `engine/cli.ts` as a separate process, for durability and
// operability tests.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

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

/**
 * `root`: the checkout whose `engine/cli.ts` runs (the bench compares against an older one).
 * `readyTimeoutMs`: how long to wait for ENGINE_READY (the restart bench's first start replays gigabytes).
 */
export async function spawnEngine(args: string[], root = ROOT, readyTimeoutMs = 120_000): Promise<EngineProcess> {
  // One process (node with the tsx loader, not the tsx launcher, which forks
  // a child) so that SIGKILL really kills the engine.
  // ENGINE_NODE_ARGS: extra node flags for the engine process (the bench profiles it with `--cpu-prof`).
  const nodeArgs = process.env.ENGINE_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'engine/cli.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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
