// The worker side of a running platform: the Temporal worker and the queue
// workers over one database and one Redis. `npm run worker` and `npm start`
// both use it.
import type { Logger } from 'pino';
import { createTemporalClient, type PayloadKeyring } from '../temporal';
import type { Client } from '@temporalio/client';
import { createAutoDecide } from './auto-decide';
import type { ProcessRules } from '../config/rules';
import { createActivities, systemClock, type Clock } from '../activities';
import type { PrismaClient } from '../prisma/generated/client';
import { createLogChannel, createQueues, immediateNotices, startQueueWorkers, type OutboundChannel, type Queues } from '../queue';
import type { WorkerMetrics } from './metrics';
import { connectWorker, createPlatformWorker, type PlatformWorker } from './platform-worker';
import { activationGuardPreloaded } from './node-args';
import type { HousekeepingChore } from '../queue/jobs/housekeeping';

export interface StartWorkersOptions {
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  /** Keys of the payload codec; the same as the API's client. */
  payloadKeys: PayloadKeyring;
  prisma: PrismaClient;
  redisUrl: string;
  redisPrefix: string;
  logger: Logger;
  clock?: Clock;
  /** See PlatformWorkerOptions.beforeActivity (CLOCK=virtual: catch up with the engine clock after an advance). */
  beforeActivity?: (workflowTimeMs: number | null) => Promise<unknown>;
  /** Where notices go outside the platform; default the log channel, which needs no queue (OutboundChannel.immediate). */
  channel?: OutboundChannel;
  /** The process rules of the configuration (`config.rules`). */
  rules?: ProcessRules;
  /** INBOX_SWEEP_SECONDS. Default 900. */
  inboxSweepSeconds?: number;
  /** The housekeeping sweep: its chores (worker/housekeeping.ts) and HOUSEKEEPING_SECONDS; none without it. */
  housekeeping?: { chores: HousekeepingChore[]; everySeconds: number };
  /** WORKFLOW_THREADS: see PlatformWorkerOptions.workflowThreads. */
  workflowThreads?: number;
  /** Prometheus metrics (createWorkerMetrics): activity durations and failures, queue depths. */
  metrics?: WorkerMetrics;
}

export interface RunningWorkers {
  queues: Queues;
  worker: PlatformWorker;
  /** Resolves when the Temporal worker stops (rejects if it crashes). */
  done: Promise<void>;
  /** Stops polling, lets work in progress finish, then disconnects; reverse order of start. */
  stop(): Promise<void>;
}

export async function startWorkers(options: StartWorkersOptions): Promise<RunningWorkers> {
  const { prisma, logger } = options;
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    while (stops.length) await stops.pop()!().catch((err) => logger.warn({ err }, 'worker stop step failed'));
  };
  try {
    const queues = createQueues(options.redisUrl, options.redisPrefix);
    stops.push(() => queues.close());
    options.metrics?.watchQueues(queues);
    const channel = options.channel ?? createLogChannel(logger);
    // A channel with nothing to retry (the log channel: no gateway configured) gets its notices at once.
    const notices = channel.immediate ? immediateNotices({ prisma, channel, logger: logger.child({ notices: channel.name }) }) : queues;
    // 超时自动办理 takes steps through the workflows: a client only when a rule asks for it.
    const rules = options.rules?.inbox.stepTimeouts ?? [];
    let client: Client | null = null;
    if (rules.some((r) => r.autoDecideAfterHours != null)) {
      const c = await createTemporalClient({ address: options.temporalAddress, namespace: options.namespace, payloadKeys: options.payloadKeys });
      stops.push(() => c.connection.close());
      client = c;
    }
    const queueWorkers = await startQueueWorkers({
      redisUrl: options.redisUrl,
      prefix: options.redisPrefix,
      prisma,
      logger,
      channel,
      inboxTimeouts: {
        rules,
        now: () => (options.clock ?? systemClock).now(),
        ...(client ? { decide: createAutoDecide(() => client) } : {}),
        enqueue: (jobs) => notices.enqueueNotifications(jobs),
        everyMs: (options.inboxSweepSeconds ?? 900) * 1000,
      },
      ...(options.housekeeping ? { housekeeping: { chores: options.housekeeping.chores, everyMs: options.housekeeping.everySeconds * 1000 } } : {}),
    });
    stops.push(() => queueWorkers.close());

    const connection = await connectWorker(options.temporalAddress);
    stops.push(() => connection.close());
    const worker = await createPlatformWorker({
      connection,
      namespace: options.namespace,
      taskQueue: options.taskQueue,
      payloadKeys: options.payloadKeys,
      activities: createActivities({ prisma, queue: notices, redis: { url: options.redisUrl, prefix: options.redisPrefix }, clock: options.clock ?? systemClock, rules: options.rules }),
      beforeActivity: options.beforeActivity,
      workflowThreads: options.workflowThreads,
      ...(options.metrics ? { activityInterceptors: [options.metrics.activityInterceptor] } : {}),
    });
    const done = worker.run();
    stops.push(() => worker.shutdown());
    logger.info({ taskQueue: options.taskQueue, namespace: options.namespace, temporal: options.temporalAddress, workflowThreads: worker.worker.options.workflowThreadPoolSize, activationGuard: activationGuardPreloaded() }, 'workers running');
    return { queues, worker, done, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
