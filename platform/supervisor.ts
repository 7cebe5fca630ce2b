// The child processes of `npm start` (engine, worker, API): each a compiled
// Node process (dist/<name>.js) with its output appended to its own log
// file, restarted with exponential backoff when it dies, and stopped within
// a bounded time — SIGTERM, then SIGKILL of its process group.
//
// Children run in their own process group (see child.ts), so a terminal's
// Ctrl-C reaches the supervisor alone and it stops them in order. Each has an
// IPC channel: a child reports readiness over it (`reportReady`), and when
// the supervisor dies without stopping them — even by SIGKILL — the channel
// closes and the child stops itself (`onShutdownSignal` treats it as SIGTERM).
import { appendFileSync } from 'node:fs';
import { startService, type Service } from './child';

/** What a child sends once it serves (engine: its address; API: its URL). */
export interface ReadyMessage {
  type: 'ready';
  address?: string;
}

/** Called by a child process once it serves; a no-op when not supervised. */
export function reportReady(address?: string): void {
  const message: ReadyMessage = { type: 'ready', ...(address ? { address } : {}) };
  process.send?.(message);
}

export interface ChildOptions {
  name: string;
  /** The compiled script (dist/<name>.js). */
  script: string;
  args?: string[];
  /** Options for Node itself, before the script (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** How long a stop may take before the process group is killed. */
  stopTimeoutMs: number;
  /** Lines for the console (restarts, forced stops). */
  log: (line: string) => void;
  /** Backoff of restarts: the first delay, doubled per quick death up to maxDelayMs. Default 1 s … 30 s. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A child that ran this long before dying restarts after initialDelayMs again. Default 60 s. */
  healthyAfterMs?: number;
}

export interface StopResult {
  /** Whether it had to be killed after stopTimeoutMs. */
  forced: boolean;
  ms: number;
}

export interface SupervisedChild {
  readonly name: string;
  /** The pid of the current incarnation, if running. */
  pid(): number | undefined;
  /** Incarnations started so far (1 before any restart). */
  starts(): number;
  /** Stops it (no restart afterwards); resolves once the process has gone. */
  stop(): Promise<StopResult>;
}

/**
 * Starts a child and resolves with it and its ready message once it reports
 * ready. A child that dies before its first ready rejects (the start fails
 * with a pointer to its log); after that, every death means a restart.
 */
export async function superviseChild(options: ChildOptions): Promise<{ child: SupervisedChild; ready: ReadyMessage }> {
  const initialDelay = options.initialDelayMs ?? 1_000;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const healthyAfter = options.healthyAfterMs ?? 60_000;
  let current: Service | undefined;
  let startedAt = 0;
  let starts = 0;
  let delay = initialDelay;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;

  const spawnOnce = (): Service => {
    starts++;
    startedAt = Date.now();
    appendFileSync(options.logFile, `\n--- ${new Date().toISOString()} ${options.name} start #${starts} ---\n`);
    const service = startService({
      name: options.name,
      command: process.execPath,
      args: ['--enable-source-maps', ...(options.nodeArgs ?? []), options.script, ...(options.args ?? [])],
      logFile: options.logFile,
      stopSignal: 'SIGTERM',
      env: options.env,
      ipc: true,
    });
    current = service;
    void service.exited.then((how) => {
      if (stopping || current !== service) return;
      current = undefined;
      if (Date.now() - startedAt >= healthyAfter) delay = initialDelay;
      options.log(`${options.name} exited (${how}); restarting in ${(delay / 1000).toFixed(1)} s — see ${options.logFile}`);
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        if (!stopping) spawnOnce();
      }, delay);
      delay = Math.min(delay * 2, maxDelay);
    });
    return service;
  };

  const first = spawnOnce();
  const ready = await new Promise<ReadyMessage>((resolve, reject) => {
    first.child.on('message', (message: ReadyMessage) => {
      if (message?.type === 'ready') resolve(message);
    });
    void first.exited.then((how) => reject(new Error(`${options.name} exited (${how}) before it was ready; see ${options.logFile}`)));
  }).catch((err: Error) => {
    stopping = true;
    clearTimeout(restartTimer);
    throw err;
  });

  const child: SupervisedChild = {
    name: options.name,
    pid: () => (current?.isRunning() ? current.child.pid : undefined),
    starts: () => starts,
    async stop() {
      const began = Date.now();
      stopping = true;
      clearTimeout(restartTimer);
      const service = current;
      if (!service?.isRunning()) return { forced: false, ms: 0 };
      const forced = await service.stop(options.stopTimeoutMs);
      if (forced) options.log(`${options.name} did not stop within ${options.stopTimeoutMs / 1000} s: killed`);
      return { forced, ms: Date.now() - began };
    },
  };
  return { child, ready };
}

/** Runs a one-shot child (first-run seeds) to its end; rejects on a non-zero exit. Its output goes to the console. */
export function runOnce(options: { name: string; script: string; env: NodeJS.ProcessEnv }): { done: Promise<void>; stop(): Promise<unknown> } {
  const service = startService({
    name: options.name,
    command: process.execPath,
    args: ['--enable-source-maps', options.script],
    stopSignal: 'SIGTERM',
    env: options.env,
    ipc: true,
  });
  const done = service.exited.then((how) => {
    if (how !== 0) throw new Error(`${options.name} failed (${how})`);
  });
  return { done, stop: () => service.stop(5_000) };
}
