// Child services (postgres, redis-server) run in their own process group, so
// a Ctrl-C in the terminal reaches only us and we stop them in order. If
// this process dies without stopping them, the exit hook still signals them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ServiceOptions {
  name: string;
  command: string;
  args: string[];
  /** stdout and stderr are appended here. */
  logFile: string;
  /** Signal that stops the service cleanly (postgres: SIGINT = fast shutdown). */
  stopSignal: NodeJS.Signals;
  uid?: number;
  gid?: number;
  env?: NodeJS.ProcessEnv;
}

export interface Service {
  readonly name: string;
  readonly child: ChildProcess;
  /** Exit code (or signal name) once the process has ended. */
  readonly exited: Promise<number | string>;
  isRunning(): boolean;
  stop(timeoutMs?: number): Promise<void>;
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

export function startService(options: ServiceOptions): Service {
  installExitHook();
  mkdirSync(dirname(options.logFile), { recursive: true });
  const fd = openSync(options.logFile, 'a');
  const child = spawn(options.command, options.args, {
    detached: true,
    stdio: ['ignore', fd, fd],
    uid: options.uid,
    gid: options.gid,
    env: options.env ?? process.env,
  });
  closeSync(fd);
  let alive = true;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      alive = false;
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
      if (!alive) return;
      child.kill(options.stopSignal);
      const timer = setTimeout(() => alive && child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(service);
  return service;
}
