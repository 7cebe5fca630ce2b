// The API process of `npm start` (dist/api.js): Express on PORT with the
// queue dashboard, against the database, Redis and Temporal the supervisor
// hands it in DATABASE_URL, REDIS_URL and TEMPORAL_ADDRESS. It runs no
// workflow or queue work, so a busy worker never slows a request down.
import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import pino from 'pino';
import { createApp, createHttpMetrics, handleClientErrors, holdInstanceLease } from '../api';
import { loadConfigOrExit } from '../config';
import { createPrisma } from '../db/prisma';
import { createQueues } from '../queue';
import type { AppDeps } from '../api/deps';
import { connectEngineClock, createTemporalClient, payloadKeyringFromConfig } from '../temporal';
import { withQueueDashboard } from './admin-dashboard';
import { serveMetrics } from './metrics-server';
import { onShutdownSignal } from './signals';
import { reportReady } from './supervisor';

const config = loadConfigOrExit();
const { url: databaseUrl } = config.database;
const { url: redisUrl } = config.redis;
const { address: temporalAddress } = config.temporal;
if (!databaseUrl || !redisUrl || !temporalAddress) {
  console.error('the API process needs DATABASE_URL, REDIS_URL and TEMPORAL_ADDRESS; npm start sets them.');
  process.exit(1);
}

/** Connections of the API's pool (tests/bench/api-bench.ts gives its API the same). */
const API_DB_POOL = 10;

const logger = pino({ level: config.app.logLevel, base: { service: 'api' } });
// Ten connections: requests in flight at once each hold one for a query or
// two (the default five queued the tenth request behind the others).
const prisma = createPrisma(databaseUrl, { poolSize: API_DB_POOL });
const temporal = await createTemporalClient({ address: temporalAddress, namespace: config.temporal.namespace, payloadKeys: payloadKeyringFromConfig(config.temporal) });
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
const queues = createQueues(redisUrl, config.redis.prefix);
// CLOCK=virtual: business time is the engine's; tokens and sessions keep wall time.
const engineClock = config.app.clock === 'virtual' ? await connectEngineClock({ address: temporalAddress }) : undefined;
// METRICS_PORT: Prometheus metrics on a port of its own (off by default; see platform/metrics-server.ts).
const metrics = config.server.metricsPort ? createHttpMetrics() : undefined;
// Held while this process lives: a resend finds at once that a key this process claimed died with it.
const instanceLease = await holdInstanceLease({ databaseUrl, logger });
const deps: AppDeps = {
  ...(metrics ? { metrics } : {}),
  prisma,
  temporal,
  config,
  logger,
  redis,
  queue: queues,
  instanceLease,
  ...(engineClock ? { now: engineClock.now, authNow: () => new Date(), virtualClock: engineClock } : {}),
};
const server = handleClientErrors(createServer(withQueueDashboard(createApp(deps), deps, queues)));
// Node 20 tells clients how long it keeps an idle connection (Keep-Alive:
// timeout=5) and closes it at that very moment, so a client that reuses the
// connection just then loses its request to a reset (nodejs/node#52649; later
// Node versions keep a second's margin). The hint still says 5 s; the server
// waits half a second longer.
server.keepAliveTimeout = 5_500;

const metricsServer = metrics ? await serveMetrics({ registry: metrics.registry, port: config.server.metricsPort!, host: config.server.metricsHost }) : undefined;
if (metricsServer) logger.info({ port: metricsServer.port, host: config.server.metricsHost }, 'metrics at GET /metrics');

onShutdownSignal(async (signal) => {
  logger.info({ signal }, 'shutting down');
  await new Promise<void>((done) => {
    server.close(() => done());
    // Requests in flight are cut off: a workflow update they started goes on
    // in the engine, and the client sees the outcome when it reads again.
    server.closeAllConnections();
  });
  engineClock?.close();
  await metricsServer?.close();
  await Promise.allSettled([temporal.connection.close(), redis.quit(), queues.close(), prisma.$disconnect(), instanceLease.close()]);
});

await new Promise<void>((done, fail) => {
  server.once('error', fail);
  server.listen(config.server.port, done);
});
logger.info({ port: config.server.port }, 'API listening');
reportReady(`http://localhost:${config.server.port}`);
