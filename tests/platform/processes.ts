// `npm start` as a person runs it, for the start-and-stop tests: the real
// command in its own process group (as a terminal runs it), with its own
// DATA_DIR and API port, none of the test run's services in its environment,
// and helpers to read its process tree from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { listEnvVars } from '../../config';
import { alive, descendants, descendantsWithCommand, rssMiB, supervisedChildPid, supervisedChildren } from '../../platform/proc';

export { alive, descendants, descendantsWithCommand, rssMiB, supervisedChildPid, supervisedChildren };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface NpmStart {
  readonly child: ChildProcess;
  /** Everything it printed on stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal) of `npm start`. */
  readonly exited: Promise<number | string>;
  /** Ctrl-C in its terminal: SIGINT to the whole foreground process group. */
  interrupt(): void;
  /** SIGKILL to every process of its tree (test clean-up after a failure). */
  killTree(): void;
}

/** `args` go after `npm start --` (e.g. `--demo`); `env` is added last (e.g. NODE_ENV). */
export function npmStart(options: { dataDir: string; port: number; args?: string[]; env?: NodeJS.ProcessEnv }): NpmStart {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Not the test run's database, Redis, engine or secrets: the embedded ones.
  for (const v of listEnvVars()) delete env[v.env];
  delete env.NODE_ENV;
  Object.assign(env, { DATA_DIR: options.dataDir, PORT: String(options.port), LOG_LEVEL: 'info' }, options.env);
  const args = options.args?.length ? ['start', '--', ...options.args] : ['start'];
  const child = spawn('npm', args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    interrupt: () => process.kill(-child.pid!, 'SIGINT'),
    killTree() {
      for (const pid of descendants(child.pid!)) signal(pid, 'SIGKILL');
      signal(-child.pid!, 'SIGKILL');
    },
  };
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // gone already
  }
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** JSON over HTTP to a started platform, and a demo login (`base` read at call time). */
export function platformClient(base: () => string) {
  async function http(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  async function logIn(username: string): Promise<string> {
    const res = await http('POST', '/api/auth/login', undefined, { username, password: 'demo1234' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.accessToken;
  }
  return { http, logIn };
}
