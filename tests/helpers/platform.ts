// The whole platform in one test process, for process tests: the embedded
// engine (time skipping locked: tests move time with advanceTime), a worker
// with every workflow and activity on a queue of its own, the notification
// queue worker, and the API app over the run's database. Call once per file:
//
//   let p: TestPlatform;
//   beforeAll(async () => { p = await startTestPlatform(); });
//   afterAll(() => p?.close());
//
// See tests/helpers/README.md.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Express } from 'express';
import { Redis } from 'ioredis';
import pino from 'pino';
import supertest from 'supertest';
import { inject } from 'vitest';
import { createActivities, type Activities, type Clock } from '../../activities';
import { createApp, holdInstanceLease } from '../../api';
import { connectEngineClock } from '../../temporal/engine-clock';
import { loadConfig, type AppConfig } from '../../config';
import { startEngine, type EmbeddedEngine } from '../../engine';
import type { PrismaClient } from '../../prisma/generated/client';
import { createQueues, startQueueWorkers, type OutboundChannel, type OutboundMessage, type Queues, type QueueWorkers } from '../../queue';
import { demoPassword } from '../../seeds/demo-org';
import { createTemporalClient, payloadKeyringFromConfig, type PayloadKeyring } from '../../temporal';
import { connectWorker, createPlatformWorker, installTemporalRuntime, type PlatformWorker, type WorkerMetrics } from '../../worker';
import { testDatabaseUrl, testPrisma } from './db';
import { createAutoDecide } from '../../worker/auto-decide';

export interface TestPlatformOptions {
  /**
   * Replace or wrap activities, e.g. to make one fail:
   * `activities: (a) => ({ ...a, releaseFunds: flaky(a.releaseFunds) })`.
   */
  activities?: (activities: Activities) => object;
  /** Outbound notification channel; default records into `outbox`. */
  channel?: OutboundChannel;
  /** Extra environment for loadConfig (e.g. process rule settings). */
  env?: Record<string, string>;
  /**
   * The API as `CLOCK=virtual` runs it: an engine clock client
   * (`temporal/engine-clock.ts`) over gRPC, so admins may advance the clock
   * through `/api/admin/clock/advance` and `/api/me` shows the mode.
   */
  virtualClock?: boolean;
  /** Worker metrics (createWorkerMetrics) recorded by the platform's worker, as WORKER_METRICS_PORT does. */
  workerMetrics?: WorkerMetrics;
}

export interface WaitForOptions {
  /** Default 10 000 ms (wall time). */
  timeoutMs?: number;
  /** Default 50 ms. */
  intervalMs?: number;
}

type Agent = ReturnType<typeof supertest>;

export interface TestPlatform {
  /** The Express app; `supertest(app)` works, `request` is that already. */
  app: Express;
  request: Agent;
  /** Logs in a (seeded) user with the demo password; returns a bearer token (cached per user). */
  login(username: string): Promise<string>;
  /** Requests as a user: `await p.as('street_office.qindu-renmin').get('/api/tasks')`. */
  as(username: string): Promise<{ get(path: string): supertest.Test; post(path: string): supertest.Test; put(path: string): supertest.Test; patch(path: string): supertest.Test; delete(path: string): supertest.Test }>;
  engine: EmbeddedEngine;
  /** Temporal client on the engine (payloads encrypted, like the API's); start workflows with `taskQueue: p.taskQueue`. */
  client: Client;
  /** Keys of the payload codec of the worker and the client (the development key unless `env` sets one). */
  payloadKeys: PayloadKeyring;
  prisma: PrismaClient;
  queues: Queues;
  config: AppConfig;
  /** The worker's task queue (unique per platform); also config.temporal.taskQueue, which the API uses. */
  taskQueue: string;
  worker: PlatformWorker;
  /** The activities the worker runs (after `options.activities`). */
  activities: object;
  /** Messages the default outbound channel received, in order. */
  outbox: OutboundMessage[];
  /** The engine's virtual time; also the clock of activities and of the API. */
  now(): Date;
  /**
   * Moves virtual time forward and returns once the workers have processed
   * everything it fired. `settleTimeoutMs` (default 10 s) bounds each wait
   * for idle workers: a test whose killed worker left an activity running
   * forever passes less, since that activity can never finish.
   */
  advanceTime(ms: number, settleTimeoutMs?: number): Promise<void>;
  /**
   * Polls `fn` until it neither throws nor returns false/null; returns its
   * value. Assertion-style callbacks (`() => expect(x).toBe(y)`) work too.
   */
  waitFor<T>(fn: () => T | Promise<T>, options?: WaitForOptions): Promise<Exclude<T, false | null>>;
  /** Stops everything in reverse order. Safe to call twice. */
  close(): Promise<void>;
}

const TEN_YEARS_S = 10 * 365 * 24 * 3600;

export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  installTemporalRuntime('ERROR');
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const engineLog = engineLogCapture(process.env.TEST_LOG_LEVEL);
  const databaseUrl = testDatabaseUrl();
  const redisUrl = inject('redisUrl') ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const id = randomUUID().slice(0, 8);
  // Narrowed per file, so a file's queue worker only sees its own jobs; the
  // global teardown deletes everything under the run's prefix.
  const redisPrefix = `${inject('redisPrefix') ?? process.env.REDIS_PREFIX ?? 'cg-test'}:p-${id}`;
  const taskQueue = `test-${id}`;
  const prisma = testPrisma();

  const cleanup: Array<() => Promise<unknown>> = [];
  const close = async () => {
    while (cleanup.length > 0) {
      const step = cleanup.pop()!;
      await step().catch((err) => logger.warn({ err }, 'test platform close step failed'));
    }
  };

  try {
    const engine = await startEngine({ timeSkipping: false, logger: engineLog.logger });
    cleanup.push(() => engine.close());
    const clock: Clock = { now: () => new Date(engine.now()) };

    const { config } = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      TEMPORAL_ADDRESS: engine.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      // The API reads the engine's clock, and tests skip days: tokens must outlive that.
      TOKEN_TTL_SECONDS: String(TEN_YEARS_S),
      REFRESH_TOKEN_TTL_SECONDS: String(TEN_YEARS_S),
      SESSION_MAX_SECONDS: String(TEN_YEARS_S),
      LOGIN_MAX_FAILURES: '1000',
      ...options.env,
    });

    const started: { client?: Client } = {};
    const queues = createQueues(redisUrl, redisPrefix, { backoffMs: 50, notificationAttempts: 3 });
    cleanup.push(() => queues.close());

    const outbox: OutboundMessage[] = [];
    const channel: OutboundChannel = options.channel ?? {
      name: 'test-outbox',
      async send(message) {
        outbox.push(message);
      },
    };
    const queueWorkers: QueueWorkers = await startQueueWorkers({
      redisUrl,
      prefix: redisPrefix,
      prisma,
      logger,
      channel,
      // Started only when the test's env names INBOX_STEP_TIMEOUTS.
      // 超时自动办理 uses the client made below; the sweep's first run comes after it.
      inboxTimeouts: {
        rules: config.rules.inbox.stepTimeouts,
        now: () => clock.now(),
        enqueue: (jobs) => queues.enqueueNotifications(jobs),
        everyMs: config.inbox.sweepSeconds * 1000,
        decide: createAutoDecide(() => {
          if (!started.client) throw new Error('the platform is still starting');
          return started.client;
        }),
      },
    });
    cleanup.push(() => queueWorkers.close());

    const payloadKeys = payloadKeyringFromConfig(config.temporal);
    const nativeConnection = await connectWorker(engine.address);
    cleanup.push(() => nativeConnection.close());
    const baseActivities = createActivities({ prisma, queue: queues, redis: { url: redisUrl, prefix: redisPrefix }, clock, rules: config.rules });
    const activities = options.activities ? options.activities(baseActivities) : baseActivities;
    options.workerMetrics?.watchQueues(queues);
    const worker = await createPlatformWorker({
      connection: nativeConnection,
      taskQueue,
      payloadKeys,
      activities,
      shutdownGraceTime: '2s',
      ...(options.workerMetrics ? { activityInterceptors: [options.workerMetrics.activityInterceptor] } : {}),
    });
    const running = worker.run();
    running.catch((err) => logger.error({ err }, 'test worker stopped with an error'));
    cleanup.push(() => worker.shutdown());

    const client = await createTemporalClient({ address: engine.address, namespace: config.temporal.namespace, payloadKeys });
    cleanup.push(() => client.connection.close());
    started.client = client;

    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
    await redis.connect();
    cleanup.push(() => redis.quit());

    const virtualClock = options.virtualClock ? await connectEngineClock({ address: engine.address }) : undefined;
    if (virtualClock) cleanup.push(async () => virtualClock.close());
    const instanceLease = await holdInstanceLease({ databaseUrl, logger });
    cleanup.push(() => instanceLease.close());
    const app = createApp({ prisma, temporal: client, config, logger, redis, queue: queues, now: clock.now, virtualClock, instanceLease });
    const request = supertest(app);

    const tokens = new Map<string, string>();
    const login = async (username: string) => {
      const cached = tokens.get(username);
      if (cached) return cached;
      // The global setup seeded the demo people with demoPassword() of this environment.
      const res = await request.post('/api/auth/login').send({ username, password: demoPassword() });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.accessToken);
      return res.body.accessToken as string;
    };

    const waitFor: TestPlatform['waitFor'] = async (fn, waitOptions = {}) => {
      const timeoutMs = waitOptions.timeoutMs ?? 10_000;
      const intervalMs = waitOptions.intervalMs ?? 50;
      const deadline = Date.now() + timeoutMs;
      let lastError: unknown;
      for (;;) {
        try {
          const value = await fn();
          if (value !== false && value !== null) return value as never;
          lastError = new Error(`waitFor: callback returned ${String(value)}`);
        } catch (err) {
          lastError = err;
        }
        if (Date.now() >= deadline) {
          if (lastError instanceof Error) lastError.message = `waitFor timed out after ${timeoutMs} ms: ${lastError.message}${engineLog.describeFailures()}`;
          throw lastError;
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    };

    let closed: Promise<void> | undefined;
    return {
      app,
      request,
      login,
      async as(username) {
        const auth = `Bearer ${await login(username)}`;
        return {
          get: (path) => request.get(path).set('Authorization', auth),
          post: (path) => request.post(path).set('Authorization', auth),
          put: (path) => request.put(path).set('Authorization', auth),
          patch: (path) => request.patch(path).set('Authorization', auth),
          delete: (path) => request.delete(path).set('Authorization', auth),
        };
      },
      engine,
      client,
      payloadKeys,
      prisma,
      queues,
      config,
      taskQueue,
      worker,
      activities,
      outbox,
      now: clock.now,
      advanceTime: async (ms, settleTimeoutMs) => {
        const mark = engineLog.mark();
        await engine.advanceTime(ms, settleTimeoutMs);
        // A workflow whose task keeps failing never lets the engine settle:
        // say which one and why, rather than leaving the test to time out.
        // (The failure may have been reported in an earlier call: later attempts only time out.)
        if (engineLog.gaveUpSince(mark) && engineLog.failureCount() > 0) throw new Error(`advanceTime: workers never finished their tasks${engineLog.describeFailures()}`);
      },
      waitFor,
      close: () => (closed ??= close()),
    };
  } catch (err) {
    await close();
    throw err;
  }
}

interface WorkflowTaskFailure {
  workflowId: string;
  failure: string;
}

/**
 * The engine's logger in tests: prints at TEST_LOG_LEVEL (if set) and keeps
 * the warnings that tell a wedged workflow from a slow one — "workflow task
 * failed" (the SDK reports a task's failure once, later attempts just time
 * out) and advanceTime giving up waiting for the workers.
 */
function engineLogCapture(printLevel: string | undefined) {
  const failures: WorkflowTaskFailure[] = [];
  let gaveUp = 0;
  const capture = {
    write(line: string) {
      const entry = JSON.parse(line) as { msg?: string; workflowId?: string; failure?: string };
      if (entry.msg === 'workflow task failed') failures.push({ workflowId: entry.workflowId ?? '?', failure: entry.failure ?? '?' });
      else if (entry.msg?.startsWith('advanceTime: workers did not finish')) gaveUp += 1;
    },
  };
  const streams: pino.StreamEntry[] = [{ level: 'warn', stream: capture }];
  if (printLevel && printLevel !== 'silent') streams.push({ level: printLevel as pino.Level, stream: process.stdout });
  const level = printLevel && printLevel !== 'silent' && pino.levels.values[printLevel]! < pino.levels.values.warn! ? printLevel : 'warn';
  const describe = (list: WorkflowTaskFailure[]) =>
    list.length === 0 ? '' : `\nworkflow tasks failed (see the engine log):\n${list.map((f) => `  ${f.workflowId}: ${f.failure}`).join('\n')}`;
  return {
    logger: pino({ level }, pino.multistream(streams)),
    mark: () => gaveUp,
    gaveUpSince: (mark: number) => gaveUp > mark,
    failureCount: () => failures.length,
    describeFailures: () => describe(failures),
  };
}
