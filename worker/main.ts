// `npm run worker`: a standalone worker process (Temporal worker + queue
// workers) against an existing cluster: TEMPORAL_ADDRESS, DATABASE_URL and
// REDIS_URL must point at running services. Run as many as you like.
import pino from 'pino';
import { loadConfigOrExit } from '../config';
import { createPrisma } from '../db/prisma';
import { onShutdownSignal } from '../platform/signals';
import { serveMetrics } from '../platform/metrics-server';
import { reportReady } from '../platform/supervisor';
import { connectEngineClock, payloadKeyringFromConfig } from '../temporal';
import { systemClock } from '../activities';
import { housekeepingChores } from './housekeeping';
import { createWorkerMetrics } from './metrics';
import { installTemporalRuntime } from './runtime';
import { startWorkers } from './start-workers';

/** Connections of the worker's pool (see below). */
const WORKER_DB_POOL = 10;

const config = loadConfigOrExit();
const missing = [
  !config.temporal.address && 'TEMPORAL_ADDRESS',
  !config.database.url && 'DATABASE_URL',
  !config.redis.url && 'REDIS_URL',
].filter(Boolean);
if (missing.length > 0) {
  console.error(`npm run worker needs ${missing.join(', ')} (see .env.example); to run everything in one process use npm start.`);
  process.exit(1);
}

installTemporalRuntime('WARN');
// `--instance worker-2`: npm start's second worker process (WORKER_PROCESSES), named so in its log lines and in `ps`.
const instanceAt = process.argv.indexOf('--instance');
const instance = instanceAt >= 0 ? process.argv[instanceAt + 1] : undefined;
const logger = pino({ level: config.app.logLevel, base: { service: instance ?? 'worker' } });
// Ten connections: activities run concurrently (a project's step saves in one
// transaction while other projects' reservations and inbox writes go on).
const prisma = createPrisma(config.database.url!, { poolSize: WORKER_DB_POOL });
// CLOCK=virtual: activities read the engine's clock, re-read before each one.
const engineClock = config.app.clock === 'virtual' ? await connectEngineClock({ address: config.temporal.address! }) : undefined;
// WORKER_METRICS_PORT: Prometheus metrics on a port of its own (off by default).
const metrics = config.server.workerMetricsPort ? createWorkerMetrics() : undefined;
const metricsServer = metrics ? await serveMetrics({ registry: metrics.registry, port: config.server.workerMetricsPort!, host: config.server.metricsHost }) : undefined;
if (metricsServer) logger.info({ port: metricsServer.port, host: config.server.metricsHost }, 'metrics at GET /metrics');
const workers = await startWorkers({
  temporalAddress: config.temporal.address!,
  namespace: config.temporal.namespace,
  taskQueue: config.temporal.taskQueue,
  payloadKeys: payloadKeyringFromConfig(config.temporal),
  prisma,
  redisUrl: config.redis.url!,
  redisPrefix: config.redis.prefix,
  logger,
  rules: config.rules,
  inboxSweepSeconds: config.inbox.sweepSeconds,
  housekeeping: { chores: housekeepingChores({ prisma, config, clock: engineClock ?? systemClock }), everySeconds: config.inbox.housekeepingSeconds },
  workflowThreads: config.server.workflowThreads,
  ...(metrics ? { metrics } : {}),
  ...(engineClock ? { clock: engineClock, beforeActivity: (workflowTimeMs) => engineClock.catchUp(workflowTimeMs) } : {}),
});

reportReady();

onShutdownSignal(async (signal) => {
  logger.info({ signal }, 'shutting down');
  await workers.stop();
  await metricsServer?.close();
  engineClock?.close();
  await prisma.$disconnect();
});

try {
  await workers.done;
} catch (err) {
  logger.fatal({ err }, 'worker crashed');
  await workers.stop();
  await prisma.$disconnect();
  process.exitCode = 1;
}
