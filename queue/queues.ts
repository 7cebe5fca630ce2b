// The platform's BullMQ queues. Every key lives under `prefix` (config
// REDIS_PREFIX), which keeps test runs and several deployments sharing one
// Redis apart.
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { NOTIFICATION_JOB, NOTIFICATIONS_QUEUE, notificationJobId, ZNotificationJob, type TNotificationJob } from './notification-job';

export interface QueuesOptions {
  /** Attempts per notification job before it is left failed. Default 6. */
  notificationAttempts?: number;
  /** First retry delay in ms; doubles on every further attempt. Default 2000 (2 s … ~1 min). */
  backoffMs?: number;
}

export interface Queues {
  readonly prefix: string;
  readonly redisUrl: string;
  readonly notifications: Queue<TNotificationJob>;
  /** Enqueues one notification; a second call with the same key while the first is kept is a no-op. */
  enqueueNotification(payload: TNotificationJob): Promise<void>;
  enqueueNotifications(payloads: TNotificationJob[]): Promise<void>;
  /** Every queue, for the dashboard and for shutdown. */
  all(): Queue[];
  close(): Promise<void>;
}

/**
 * A Redis connection as BullMQ wants it: `maxRetriesPerRequest: null`, so a
 * blocked worker waits for Redis to come back instead of failing its commands.
 */
export function createRedisConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null });
}

export function createQueues(redisUrl: string, prefix: string, options: QueuesOptions = {}): Queues {
  const connection = createRedisConnection(redisUrl);
  const defaultJobOptions: JobsOptions = {
    attempts: options.notificationAttempts ?? 6,
    backoff: { type: 'exponential', delay: options.backoffMs ?? 2000 },
    // Kept long enough for the dashboard and for duplicate adds to be no-ops;
    // the in-app store dedupes beyond that.
    removeOnComplete: { age: 7 * 24 * 3600, count: 5000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
  const notifications = new Queue<TNotificationJob>(NOTIFICATIONS_QUEUE, { connection, prefix, defaultJobOptions });

  const toBulk = (payload: TNotificationJob) => {
    const data = ZNotificationJob.parse(payload);
    return { name: NOTIFICATION_JOB, data, opts: { jobId: notificationJobId(data.idempotencyKey) } };
  };

  return {
    prefix,
    redisUrl,
    notifications,
    async enqueueNotification(payload) {
      const job = toBulk(payload);
      // The queue's generic job-name type is derived from the payload; the name is a constant here.
      await notifications.add(job.name as never, job.data, job.opts);
    },
    async enqueueNotifications(payloads) {
      if (payloads.length === 0) return;
      await notifications.addBulk(payloads.map(toBulk) as never);
    },
    all: () => [notifications as Queue],
    async close() {
      await notifications.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
