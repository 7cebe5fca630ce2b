// `npm start`: the whole platform in one command. Each service comes from
// configuration when set, else an embedded default in DATA_DIR:
//   database  DATABASE_URL   | PostgreSQL cluster in DATA_DIR/postgres (or PGlite)
//   redis     REDIS_URL      | redis-server in DATA_DIR/redis
//   engine    TEMPORAL_ADDRESS | embedded engine, log in DATA_DIR/engine
// then migrations, seeds (first run), the workers and the API on PORT.
// Ctrl-C stops everything in the reverse order.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve, join } from 'node:path';
import { Redis } from 'ioredis';
import pino from 'pino';
import { createApp, handleClientErrors } from '../api';
import { loadConfigOrExit } from '../config';
import { migrate } from '../db/migrate';
import { createPrisma } from '../db/prisma';
import { startEngine } from '../engine';
import { runSeeds } from '../seeds';
import { createTemporalClient, payloadKeyringFromConfig } from '../temporal';
import { demoPassword, DEMO_PEOPLE } from '../seeds/demo-org';
import { installTemporalRuntime } from '../worker/runtime';
import { startWorkers } from '../worker/start-workers';
import { withQueueDashboard } from './admin-dashboard';
import { freePort } from './ports';
import { startEmbeddedDatabase } from './postgres';
import { REDIS_MISSING_MESSAGE, startLocalRedis } from './redis';
import { onShutdownSignal } from './signals';

const say = (line: string) => console.log(`[start] ${line}`);

const config = loadConfigOrExit();
const dataDir = resolve(config.app.dataDir);
const logsDir = join(dataDir, 'logs');
mkdirSync(logsDir, { recursive: true });
installTemporalRuntime('WARN');
const logger = pino({ level: config.app.logLevel });
const payloadKeys = payloadKeyringFromConfig(config.temporal);

/** Stop steps, run last-in first-out. */
const stops: Array<{ name: string; stop: () => Promise<unknown> }> = [];
let stopping = false;
async function stopAll(): Promise<void> {
  stopping = true;
  while (stops.length > 0) {
    const { name, stop } = stops.pop()!;
    say(`stopping ${name}`);
    await stop().catch((err) => say(`  ${name}: ${err instanceof Error ? err.message : String(err)}`));
  }
}
onShutdownSignal(async (signal) => {
  say(`${signal}: shutting down`);
  await stopAll();
  say('stopped');
});

async function main(): Promise<void> {
  // 1. database
  let databaseUrl = config.database.url;
  let poolSize = 5;
  if (!databaseUrl) {
    const db = await startEmbeddedDatabase({ dataDir, logsDir, log: say, prefer: process.env.EMBEDDED_DB === 'pglite' ? 'pglite' : undefined });
    stops.push({ name: db.kind === 'postgres' ? 'PostgreSQL' : 'PGlite', stop: db.stop });
    databaseUrl = db.url;
    poolSize = db.poolSize;
    say(`database: embedded ${db.kind} in ${db.dataDir} (${databaseUrl})`);
  } else {
    say('database: DATABASE_URL');
  }

  // 2. redis
  let redisUrl = config.redis.url;
  if (!redisUrl) {
    const redis = await startLocalRedis({ dataDir, logsDir, log: say });
    if (!redis) {
      console.error(REDIS_MISSING_MESSAGE);
      await stopAll();
      process.exit(1);
    }
    stops.push({ name: 'redis-server', stop: redis.stop });
    redisUrl = redis.url;
    say(`redis: local redis-server in ${join(dataDir, 'redis')} (${redisUrl})`);
  } else {
    say('redis: REDIS_URL');
  }

  // 3. engine
  let temporalAddress = config.temporal.address;
  if (!temporalAddress) {
    const engine = await startEngine({
      dataDir: join(dataDir, 'engine'),
      port: await freePort(7233),
      logger: logger.child({ service: 'engine' }),
    });
    stops.push({ name: 'engine', stop: () => engine.close() });
    temporalAddress = engine.address;
    say(`engine: embedded at ${temporalAddress}, data in ${join(dataDir, 'engine')}`);
  } else {
    say(`engine: Temporal at ${temporalAddress}`);
  }

  // 4. schema
  const migrated = await migrate(databaseUrl);
  say(`migrations: ${migrated.applied.length} applied, ${migrated.alreadyApplied.length} already applied`);
  const prisma = createPrisma(databaseUrl, { poolSize });
  stops.push({ name: 'database client', stop: () => prisma.$disconnect() });

  // 5. workers
  const workers = await startWorkers({
    temporalAddress,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    payloadKeys,
    prisma,
    redisUrl,
    redisPrefix: config.redis.prefix,
    logger: logger.child({ service: 'worker' }),
  });
  stops.push({ name: 'workers', stop: workers.stop });
  workers.done.catch(async (err) => {
    if (stopping) return;
    logger.fatal({ err }, 'the Temporal worker crashed');
    await stopAll();
    process.exit(1);
  });

  const temporal = await createTemporalClient({ address: temporalAddress, namespace: config.temporal.namespace, payloadKeys });
  stops.push({ name: 'Temporal client', stop: () => temporal.connection.close() });

  // 6. seeds, on the first run only (they are idempotent, but hash a
  // hundred passwords and start demo workflows); a production database
  // never gets demo people with a known password unless asked for
  const { seedDemoData, nodeEnv } = config.app;
  const wantsDemo = seedDemoData === 'always' || (seedDemoData === 'auto' && nodeEnv !== 'production');
  if (wantsDemo && (await prisma.unit.count()) === 0) {
    say('first run: loading the demo district and demo processes');
    const seedOptions = { log: (line: string) => say(`  ${line}`), temporal, taskQueue: config.temporal.taskQueue };
    await runSeeds(prisma, seedOptions);
  }

  // 7. API
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  stops.push({ name: 'redis client', stop: () => redis.quit() });
  const deps = { prisma, temporal, config, logger: logger.child({ service: 'api' }), redis, queue: workers.queues };
  const app = withQueueDashboard(createApp(deps), deps, workers.queues);
  const server: Server = handleClientErrors(createServer(app));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(config.server.port, done);
  });
  stops.push({
    name: 'API',
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  });

  const url = `http://localhost:${config.server.port}`;
  const sample = ['admin', 'district_org', 'street_office', 'community', 'mediator', 'finance']
    .map((role) => DEMO_PEOPLE.find((p) => p.role === role))
    .filter((p) => p !== undefined);
  console.log(
    [
      '',
      `社区治理 platform is running at ${url}`,
      `  API docs      ${url}/api/docs`,
      `  readiness     ${url}/api/ready`,
      `  queues        ${url}/admin/queues?token=<admin access token>`,
      '',
      `Demo logins (password "${demoPassword()}" for every demo user; POST ${url}/api/auth/login):`,
      ...sample.map((p) => `  ${p.username.padEnd(40)} ${p.displayName} (${p.role})`),
      '  … every user is <role>.<unit id>; see seeds/demo-org.ts',
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
}

main().catch(async (err) => {
  console.error(`[start] failed: ${err instanceof Error ? err.message : String(err)}`);
  logger.debug({ err }, 'start failed');
  await stopAll();
  process.exit(1);
});
