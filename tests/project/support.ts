// Test platform for the project suites: the embedded engine (time skipping
// locked; tests move the clock with advanceTime), the real worker with the
// real activities, the real API app over the run's database and Redis
// prefix, and HTTP helpers that log in as demo people.
// (Written before the shared tests/helpers/platform.ts existed; it needs
// one extra: restarting the worker with wrapped activities, for the
// "worker killed during payment" test.)
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, type WorkflowBundle } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import supertest from 'supertest';
import { inject } from 'vitest';
import { createActivities } from '../../activities';
import { createApp } from '../../api';
import { loadConfig } from '../../config';
import { startEngine, type EmbeddedEngine } from '../../engine';
import { createQueues, type Queues } from '../../queue';
import { createPlatformWorker, installTemporalRuntime, type PlatformWorker } from '../../worker';
import { testPrisma, uniqueSuffix } from '../helpers/db';

export const DAY = 86_400_000;
const PASSWORD = process.env.DEMO_PASSWORD || 'demo1234';
const WORKFLOWS = fileURLToPath(new URL('../../workflows/project.ts', import.meta.url));
let bundle: Promise<WorkflowBundle> | undefined;

export interface HttpResult {
  status: number;
  body: any;
  headers: Record<string, string>;
}

export type Activities = ReturnType<typeof createActivities>;

export interface ProjectPlatform {
  prisma: ReturnType<typeof testPrisma>;
  engine: EmbeddedEngine;
  queues: Queues;
  taskQueue: string;
  now(): Date;
  advanceTime(ms: number): Promise<void>;
  get(username: string, path: string): Promise<HttpResult>;
  post(username: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  /** Stops the worker (activities in progress are cancelled after `graceMs`) and starts a new one. */
  restartWorker(options?: { wrap?: (a: Activities) => Activities; graceMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

export async function startProjectPlatform(options: { wrap?: (a: Activities) => Activities } = {}): Promise<ProjectPlatform> {
  installTemporalRuntime('WARN');
  const prisma = testPrisma();
  const engine = await startEngine({});
  const taskQueue = `project-${uniqueSuffix()}`;
  const queues = createQueues(inject('redisUrl'), `${inject('redisPrefix')}:${taskQueue}`);
  const now = () => new Date(engine.now());
  const base = createActivities({ prisma, queue: queues, clock: { now } });
  const nativeConnection = await NativeConnection.connect({ address: engine.address });
  bundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS, logger: quietSdkLogger });
  const workflowBundle = await bundle;

  let worker: PlatformWorker;
  let running: Promise<void>;
  const startWorker = async (wrap?: (a: Activities) => Activities, graceMs = 10_000) => {
    worker = await createPlatformWorker({
      connection: nativeConnection,
      taskQueue,
      identity: `${taskQueue}-${uniqueSuffix()}`,
      activities: wrap ? wrap(base) : base,
      workflowBundle,
      shutdownGraceTime: `${graceMs}ms`,
    });
    running = worker.run();
  };
  await startWorker(options.wrap);

  const connection = await Connection.connect({ address: engine.address });
  const temporal = new Client({ connection });
  const { config } = loadConfig({ ...process.env, NODE_ENV: 'test', TEMPORAL_TASK_QUEUE: taskQueue });
  const app = createApp({ prisma, temporal, config, logger: pino({ level: 'silent' }), now });
  const http = supertest(app);

  const tokens = new Map<string, string>();
  const login = async (username: string) => {
    const res = await http.post('/api/auth/login').send({ username, password: PASSWORD });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    tokens.set(username, res.body.accessToken);
    return res.body.accessToken as string;
  };
  const call = async (username: string, send: (token: string) => supertest.Test): Promise<HttpResult> => {
    let res = await send(tokens.get(username) ?? (await login(username)));
    if (res.status === 401) res = await send(await login(username));
    return { status: res.status, body: res.body, headers: res.headers as Record<string, string> };
  };

  return {
    prisma,
    engine,
    queues,
    taskQueue,
    now,
    advanceTime: (ms) => engine.advanceTime(ms),
    get: (username, path) => call(username, (t) => http.get(path).set('Authorization', `Bearer ${t}`)),
    post: (username, path, body, headers = {}) =>
      call(username, (t) => http.post(path).set({ Authorization: `Bearer ${t}`, ...headers }).send(body as object)),
    async restartWorker({ wrap, graceMs = 500 } = {}) {
      await worker.shutdown();
      await running.catch(() => undefined);
      await startWorker(wrap, graceMs);
    },
    async stop() {
      await worker.shutdown();
      await running.catch(() => undefined);
      await connection.close();
      await nativeConnection.close();
      await engine.close();
      await queues.close();
    },
  };
}

const quietSdkLogger = {
  log() {},
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error(message: string, meta?: unknown) {
    console.error(message, meta);
  },
};

/** Polls `fn` until it returns a truthy value (real time). */
export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, { timeoutMs = 15_000, intervalMs = 50 } = {}): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
