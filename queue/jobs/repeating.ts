// A job that runs every so often, the shape of the inbox sweep and of
// housekeeping: a BullMQ job scheduler (one per queue and prefix, however
// many workers upsert it, so the job runs once per period across them) and a
// worker that runs it one at a time. Kept in Redis: a restart goes on with
// the same schedule.
import { Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { createRedisConnection } from '../queues';

export interface RepeatingJobOptions<R> {
  redisUrl: string;
  prefix: string;
  /** The queue's name, also the log lines' `queue`. */
  queue: string;
  /** The scheduler's id within the queue. */
  scheduler: string;
  everyMs: number;
  logger: Logger;
  /** One run; its value is kept with the completed job. `log` is the queue's child logger. */
  run: (log: Logger) => Promise<R>;
}

export interface RepeatingJob {
  worker: Worker;
  queue: Queue;
  close(): Promise<void>;
}

export async function startRepeatingJob<R>(options: RepeatingJobOptions<R>): Promise<RepeatingJob> {
  const connection = createRedisConnection(options.redisUrl);
  const queue = new Queue(options.queue, { connection, prefix: options.prefix, defaultJobOptions: { removeOnComplete: 100, removeOnFail: 100 } });
  await queue.upsertJobScheduler(options.scheduler, { every: options.everyMs }, { name: 'sweep', data: {} });
  const log = options.logger.child({ queue: options.queue });
  const worker = new Worker(options.queue, () => options.run(log), { connection, prefix: options.prefix, concurrency: 1 });
  worker.on('error', (err) => log.error({ err: err.message }, `${options.queue} worker error`));
  await worker.waitUntilReady();
  return {
    worker,
    queue,
    async close() {
      await worker.close();
      await queue.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
