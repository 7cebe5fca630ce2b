// Prometheus metrics of a worker process: how long each activity takes and
// how often it fails (by activity type), and how many jobs wait in each
// BullMQ queue (read from Redis when scraped). Served by the entry point on
// WORKER_METRICS_PORT (platform/metrics-server.ts).
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Queues } from '../queue';

export interface WorkerMetrics {
  registry: Registry;
  /** For Worker.create's `interceptors.activity`. */
  activityInterceptor: ActivityInterceptorsFactory;
  /** The queues whose depths the scrape reads (set once the queues exist). */
  watchQueues(queues: Queues): void;
}

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

export function createWorkerMetrics(registry: Registry = new Registry()): WorkerMetrics {
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'worker_activity_duration_seconds',
    help: 'Activity run time per attempt, by activity type and outcome (completed, failed).',
    labelNames: ['activity', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'worker_activity_failures_total',
    help: 'Failed activity attempts by activity type (each retry counts).',
    labelNames: ['activity'] as const,
    registers: [registry],
  });
  let watched: Queues | undefined;
  new Gauge({
    name: 'bullmq_queue_jobs',
    help: 'Jobs in each BullMQ queue by state, read from Redis at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const queue of watched?.all() ?? []) {
        const counts = await queue.getJobCounts(...JOB_STATES);
        for (const state of JOB_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    },
  });
  const activityInterceptor: ActivityInterceptorsFactory = (ctx) => ({
    inbound: {
      async execute(input, next) {
        const activity = ctx.info.activityType;
        const end = duration.startTimer({ activity });
        try {
          const result = await next(input);
          end({ outcome: 'completed' });
          return result;
        } catch (err) {
          end({ outcome: 'failed' });
          failures.inc({ activity });
          throw err;
        }
      },
    },
  });
  return { registry, activityInterceptor, watchQueues: (queues) => void (watched = queues) };
}
