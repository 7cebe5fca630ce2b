// The project suites' view of the shared test platform (tests/helpers/
// platform.ts): requests by username, the engine's clock, and one extra the
// payment tests need — stopping the worker in the middle of an activity and
// starting a fresh one on the same task queue.
import { NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import { startTestPlatform, type TestPlatform, type TestPlatformOptions } from '../helpers/platform';
import { createPlatformWorker, type PlatformWorker } from '../../worker';
import type { Activities } from '../../activities';

export const DAY = 86_400_000;

export interface HttpResult {
  status: number;
  body: any;
  headers: Record<string, string>;
}

export interface ProjectPlatform {
  base: TestPlatform;
  prisma: TestPlatform['prisma'];
  queues: TestPlatform['queues'];
  now(): Date;
  advanceTime(ms: number, settleTimeoutMs?: number): Promise<void>;
  get(username: string, path: string): Promise<HttpResult>;
  post(username: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  /**
   * Stops the running worker — an activity in progress is cancelled after
   * `graceMs` and its result never reaches the engine — and starts a new
   * worker on the same task queue with (optionally wrapped) activities and
   * (optionally) another workflow bundle: a deploy of new workflow code.
   */
  restartWorker(options?: { wrap?: (a: Activities) => object; graceMs?: number; workflowBundle?: WorkflowBundleOption }): Promise<void>;
  stop(): Promise<void>;
}

export async function startProjectPlatform(options: TestPlatformOptions = {}): Promise<ProjectPlatform> {
  const p = await startTestPlatform(options);
  const base = p.activities as Activities;
  let worker: PlatformWorker = p.worker;
  let connection: NativeConnection | undefined;
  const res = (r: { status: number; body: unknown; headers: unknown }): HttpResult => ({ status: r.status, body: r.body, headers: r.headers as Record<string, string> });

  return {
    base: p,
    prisma: p.prisma,
    queues: p.queues,
    now: () => p.now(),
    advanceTime: (ms, settleTimeoutMs) => p.advanceTime(ms, settleTimeoutMs),
    async get(username, path) {
      return res(await (await p.as(username)).get(path));
    },
    async post(username, path, body = {}, headers = {}) {
      return res(await (await p.as(username)).post(path).set(headers).send(body as object));
    },
    async restartWorker({ wrap, graceMs = 500, workflowBundle } = {}) {
      await worker.shutdown();
      connection ??= await NativeConnection.connect({ address: p.engine.address });
      worker = await createPlatformWorker({
        connection,
        taskQueue: p.taskQueue,
        payloadKeys: p.payloadKeys,
        activities: wrap ? wrap(base) : base,
        shutdownGraceTime: `${graceMs}ms`,
        ...(workflowBundle ? { workflowBundle } : {}),
      });
      void worker.run().catch(() => undefined);
    },
    async stop() {
      if (worker !== p.worker) await worker.shutdown();
      await connection?.close();
      await p.close();
    },
  };
}

/** Polls `fn` until it returns a truthy value (wall time). */
export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, { timeoutMs = 15_000, intervalMs = 50 } = {}): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
