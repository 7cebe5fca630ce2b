// The consumers of every platform queue (notifications, agreement documents). They run inside `npm
// start` and `npm run worker`, and in the test harness with the run's prefix.
import { Worker } from 'bullmq';
import type { Logger } from 'pino';
import type { PrismaClient } from '../prisma/generated/client';
import { createLogChannel, type OutboundChannel } from './channels';
import { createNotificationProcessor } from './deliver-notification';
import { NOTIFICATIONS_QUEUE } from './notification-job';
import { startMediationAgreementWorker } from './jobs/mediation-agreement-handler';
import { createRedisConnection } from './queues';
import { startInboxTimeoutWorker, type InboxTimeoutWorkerOptions } from './jobs/inbox-timeouts';
import { startHousekeepingWorker, type HousekeepingWorkerOptions } from './jobs/housekeeping';

export interface QueueWorkersOptions {
  redisUrl: string;
  prefix: string;
  prisma: PrismaClient;
  logger: Logger;
  /** Where notifications go outside the platform. Default: the log channel. */
  channel?: OutboundChannel;
  /** Jobs processed at once per worker. Default 5. */
  concurrency?: number;
  /** Timeout handling per step (INBOX_STEP_TIMEOUTS); not started without rules. */
  inboxTimeouts?: Omit<InboxTimeoutWorkerOptions, 'redisUrl' | 'prefix' | 'prisma' | 'logger'>;
  /** The housekeeping sweep (worker/housekeeping.ts); not started without chores. */
  housekeeping?: Omit<HousekeepingWorkerOptions, 'redisUrl' | 'prefix' | 'logger'>;
}

export interface QueueWorkers {
  readonly workers: Worker[];
  /** Waits for jobs in progress to finish, then disconnects. */
  close(): Promise<void>;
}

export async function startQueueWorkers(options: QueueWorkersOptions): Promise<QueueWorkers> {
  const { redisUrl, prefix, prisma, logger } = options;
  const connection = createRedisConnection(redisUrl);
  const channel = options.channel ?? createLogChannel(logger);
  const log = logger.child({ queue: NOTIFICATIONS_QUEUE });

  const notifications = new Worker(NOTIFICATIONS_QUEUE, createNotificationProcessor({ prisma, channel, logger: log }), {
    connection,
    prefix,
    concurrency: options.concurrency ?? 5,
  });
  notifications.on('failed', (job, err) => {
    const final = !job || err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    log[final ? 'error' : 'warn']({ jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, final ? 'notification failed for good' : 'notification failed, will retry');
  });
  notifications.on('error', (err) => log.error({ err: err.message }, 'notification worker error'));
  await notifications.waitUntilReady();

  const documents = await startMediationAgreementWorker({ redisUrl, prefix, prisma, logger });

  const timeouts = options.inboxTimeouts?.rules.length ? await startInboxTimeoutWorker({ redisUrl, prefix, prisma, logger, ...options.inboxTimeouts }) : null;

  const housekeeping = options.housekeeping?.chores.length ? await startHousekeepingWorker({ redisUrl, prefix, logger, ...options.housekeeping }) : null;

  const workers = [notifications, documents, ...(timeouts ? [timeouts.worker] : []), ...(housekeeping ? [housekeeping.worker] : [])];
  return {
    workers,
    async close() {
      await timeouts?.close();
      await housekeeping?.close();
      await Promise.all(workers.map((w) => w.close()));
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
