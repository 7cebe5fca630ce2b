// Child services (postgres, redis-server) run in their own process group, so
// a Ctrl-C in the terminal reaches only us and we stop them in order. If
// this process dies without stopping them, the exit hook still signals them;
// if it is killed outright (SIGKILL, the OOM killer), no hook runs, so a
// small reaper process holding an IPC channel to us signals them when that
// channel closes. Node children with an IPC channel stop by themselves then.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ServiceOptions {
  name: string;
  command: string;
  args: string[];
  /** stdout and stderr are appended here; unset: they go to ours (one-shot steps whose lines belong on the console). */
  logFile?: string;
  /** Signal that stops the service cleanly (postgres: SIGINT = fast shutdown). */
  stopSignal: NodeJS.Signals;
  uid?: number;
  gid?: number;
  env?: NodeJS.ProcessEnv;
  /** An IPC channel to the child (a Node process): messages, and its end tells the child we are gone. */
  ipc?: boolean;
}

export interface Service {
  readonly name: string;
  readonly child: ChildProcess;
  /** Exit code (or signal name) once the process has ended. */
  readonly exited: Promise<number | string>;
  isRunning(): boolean;
  /**
   * Sends the stop signal; after `timeoutMs` kills the whole process group
   * (a postmaster's backends too). Resolves true when it had to kill.
   */
  stop(timeoutMs?: number): Promise<boolean>;
}

const running = new Set<Service>();
let hookInstalled = false;

function installExitHook(): void {
  if (hookInstalled) return;
  hookInstalled = true;
  process.on('exit', () => {
    for (const s of running) {
      try {
        s.child.kill((s as Service & { stopSignal: NodeJS.Signals }).stopSignal);
      } catch {
        // already gone
      }
    }
  });
}

/** How long postgres or redis-server may take to stop before it is killed. */
export const SERVICE_STOP_TIMEOUT_MS = 10_000;

// The reaper: plain JavaScript run with `node -e`, so it needs no build.
const REAPER = `
const watched = new Map();
process.on('message', (m) => { if (m.watch) watched.set(m.watch, m.signal); else if (m.unwatch) watched.delete(m.unwatch); });
const exists = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
process.on('disconnect', () => {
  for (const [pid, signal] of watched) { try { process.kill(pid, signal); } catch {} }
  // What has not stopped after the same bound as a normal stop is killed,
  // with its process group (a postmaster's backends).
  const deadline = Date.now() + ${SERVICE_STOP_TIMEOUT_MS};
  const check = () => {
    const left = [...watched.keys()].filter(exists);
    if (left.length > 0 && Date.now() < deadline) return void setTimeout(check, 100);
    for (const pid of left) { try { process.kill(-pid, 'SIGKILL'); } catch {} }
    process.exit(0);
  };
  check();
});`;
let reaper: ChildProcess | undefined;

function reap(message: { watch: number; signal: NodeJS.Signals } | { unwatch: number }): void {
  if (!reaper) {
    reaper = spawn(process.execPath, ['-e', REAPER], { detached: true, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    reaper.on('error', () => {});
    // Neither the reaper nor its channel keeps this process alive.
    reaper.unref();
    reaper.channel?.unref();
  }
  if (reaper.connected) reaper.send(message);
}

function openLog(path: string): number {
  mkdirSync(dirname(path), { recursive: true });
  return openSync(path, 'a');
}

function killGroup(child: ChildProcess): void {
  try {
    // detached: the child leads its own process group
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

export function startService(options: ServiceOptions): Service {
  installExitHook();
  const fd = options.logFile ? openLog(options.logFile) : undefined;
  const out = fd ?? 'inherit';
  const child = spawn(options.command, options.args, {
    detached: true,
    stdio: options.ipc ? ['ignore', out, out, 'ipc'] : ['ignore', out, out],
    uid: options.uid,
    gid: options.gid,
    env: options.env ?? process.env,
  });
  if (fd !== undefined) closeSync(fd);
  let alive = true;
  // Node children with IPC watch us themselves; the others, the reaper.
  const watched = !options.ipc && child.pid !== undefined;
  if (watched) reap({ watch: child.pid!, signal: options.stopSignal });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      alive = false;
      if (watched) reap({ unwatch: child.pid! });
      running.delete(service);
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (err) => {
      alive = false;
      running.delete(service);
      resolve(`spawn failed: ${err.message}`);
    });
  });
  const service: Service & { stopSignal: NodeJS.Signals } = {
    name: options.name,
    child,
    exited,
    stopSignal: options.stopSignal,
    isRunning: () => alive,
    async stop(timeoutMs = 20_000) {
      if (!alive) return false;
      let forced = false;
      child.kill(options.stopSignal);
      const timer = setTimeout(() => {
        if (!alive) return;
        forced = true;
        killGroup(child);
      }, timeoutMs);
      await exited;
      clearTimeout(timer);
      return forced;
    },
  };
  running.add(service);
  return service;
}
