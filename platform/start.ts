// `npm start` (compiled to dist/start.js, run by platform/launch.mjs): the
// supervisor of the whole platform. Each service comes from configuration
// when set, else an embedded default in DATA_DIR:
//   database  DATABASE_URL     | PostgreSQL cluster in DATA_DIR/postgres (or PGlite)
//   redis     REDIS_URL        | redis-server in DATA_DIR/redis
//   engine    TEMPORAL_ADDRESS | embedded engine (child process), log in DATA_DIR/engine
// then migrations, the worker (child process: Temporal worker + queue
// workers), seeds on the first run (one-shot child) and the API (child
// process). Children are restarted with backoff when they die; each logs to
// DATA_DIR/logs/<name>.log. Ctrl-C stops everything in the reverse order,
// each child within a bounded time.
//
// This process stays small on purpose: no Prisma, no Temporal client, no
// HTTP server — nothing here can be busy when a signal arrives.
import { isConsoleBuildCurrent } from '../console/build';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_SECRETS, loadConfigOrExit, withGeneratedSecrets } from '../config';
import { migrate } from '../db/migrate';
import { readServerSettings, serverSettingWarnings } from '../db/server-settings';
import { demoPassword, DEMO_PEOPLE } from '../seeds/demo-org';
import { WORKER_NODE_ARGS } from '../worker/node-args';
import { ENGINE_ADDRESS_FILE, freePort } from './ports';
import { startEmbeddedDatabase } from './postgres';
import { REDIS_MISSING_MESSAGE, startLocalRedis } from './redis';
import { onShutdownSignal } from './signals';
import { runOnce, superviseChild, type SupervisedChild } from './supervisor';

const say = (line: string) => console.log(`[start] ${line}`);

/** dist/: this file runs as dist/start.js, next to the other compiled processes. */
const DIST = fileURLToPath(new URL('.', import.meta.url));
const script = (name: 'engine' | 'worker' | 'api' | 'seed' | 'console-build') => join(DIST, `${name}.js`);

/** How long each child may take to stop before it is killed. The worker lets activities in progress finish for 10 s. */
const STOP_TIMEOUT_MS = { api: 5_000, worker: 15_000, engine: 5_000 } as const;

// `npm start -- --demo` is CLOCK=virtual: the engine's clock for every process, advanced by an admin.
const env: NodeJS.ProcessEnv = process.argv.includes('--demo') ? { ...process.env, CLOCK: 'virtual' } : process.env;
const config = loadConfigOrExit(env);
const dataDir = resolve(config.app.dataDir);
const logsDir = join(dataDir, 'logs');
mkdirSync(logsDir, { recursive: true });
const logFile = (name: string) => join(logsDir, `${name}.log`);
// CPU_PROF_DIR (a developer's knob, like EMBEDDED_DB): each child writes a V8
// CPU profile into <dir>/<name>/ when it exits, for finding where a year's
// CPU goes (`CPU_PROF_DIR=/tmp/prof npm run simulate`; open in Chrome DevTools).
const profileDir = process.env.CPU_PROF_DIR;
const profileArgs = (name: string) => (profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(resolve(profileDir), name)}`] : []);

export interface PrepareContext {
  dataDir: string;
  logsDir: string;
  log: (line: string) => void;
}

/**
 * Steps run before any service or child starts, in order. A step may return
 * environment variables every child receives (a secret generated into
 * DATA_DIR on the first start, say). Another preparation — secrets, the web
 * console's build check — is one more entry here.
 */
const PREPARE_STEPS: Array<{ name: string; run: (ctx: PrepareContext) => Promise<Record<string, string> | void> }> = [
  {
    // Secrets generated into DATA_DIR/secrets on the first start (outside
    // production), handed to every child so none has to read the files.
    name: 'secrets',
    async run() {
      const prepared = withGeneratedSecrets(env).env;
      return Object.fromEntries(Object.keys(GENERATED_SECRETS).flatMap((name) => (prepared[name] ? [[name, prepared[name]!]] : [])));
    },
  },
  {
    // `npm install` builds the console; a checkout changed since (git pull,
    // an edit) is rebuilt here so the pages never lag behind the API.
    // The check here (a hash of its sources); the build, when needed, in a process of its own.
    name: 'console',
    async run() {
      if (await isConsoleBuildCurrent()) return;
      const building = runOnce({ name: 'console-build', script: script('console-build'), env });
      stops.push({ name: 'console build', stop: building.stop });
      await building.done;
    },
  },
];

/** Stop steps, run last-in first-out. */
const stops: Array<{ name: string; stop: () => Promise<unknown> }> = [];
let stopping = false;
async function stopAll(): Promise<void> {
  stopping = true;
  while (stops.length > 0) {
    const { name, stop } = stops.pop()!;
    const began = Date.now();
    await stop().catch((err) => say(`  ${name}: ${err instanceof Error ? err.message : String(err)}`));
    say(`stopped ${name} (${((Date.now() - began) / 1000).toFixed(1)} s)`);
  }
}
onShutdownSignal(async (signal) => {
  const began = Date.now();
  say(`${signal}: shutting down`);
  await stopAll();
  say(`stopped everything in ${((Date.now() - began) / 1000).toFixed(1)} s`);
});

/** A Ctrl-C during start-up: the step that was running finishes, nothing new starts. */
function checkNotStopping(): void {
  if (stopping) throw new Error('interrupted');
}

function stopChild(child: SupervisedChild) {
  return { name: child.name, stop: () => child.stop() };
}

async function main(): Promise<void> {
  // Before anything starts: each worker process takes the next metrics port.
  const { workerProcesses, workerMetricsPort } = config.server;
  if (workerMetricsPort && workerMetricsPort + workerProcesses - 1 > 65535) {
    throw new Error(`WORKER_METRICS_PORT=${workerMetricsPort} leaves no port for each of WORKER_PROCESSES=${workerProcesses} (one each, counting up to 65535)`);
  }
  say(`logs: ${logsDir}`);
  // DATA_DIR resolved once: every child works in the same folder.
  const childEnv: NodeJS.ProcessEnv = { ...env, DATA_DIR: dataDir };
  for (const step of PREPARE_STEPS) {
    Object.assign(childEnv, (await step.run({ dataDir, logsDir, log: say })) ?? {});
    checkNotStopping();
  }

  // 1. database
  let databaseUrl = config.database.url;
  // PGlite is one process without background workers: it never vacuums, and no setting changes that.
  let pglite = false;
  if (!databaseUrl) {
    const db = await startEmbeddedDatabase({ dataDir, logsDir, log: say, prefer: process.env.EMBEDDED_DB === 'pglite' ? 'pglite' : undefined });
    pglite = db.kind === 'pglite';
    stops.push({ name: db.kind === 'postgres' ? 'PostgreSQL' : 'PGlite', stop: db.stop });
    databaseUrl = db.url;
    say(`database: embedded ${db.kind} in ${db.dataDir} (${databaseUrl})`);
    checkNotStopping();
  } else {
    say('database: DATABASE_URL');
  }

  // 2. redis
  let redisUrl = config.redis.url;
  if (!redisUrl) {
    const redis = await startLocalRedis({ dataDir, logsDir, log: say });
    if (!redis) throw new Error(REDIS_MISSING_MESSAGE);
    stops.push({ name: 'redis-server', stop: redis.stop });
    redisUrl = redis.url;
    say(`redis: local redis-server in ${join(dataDir, 'redis')} (${redisUrl})`);
    checkNotStopping();
  } else {
    say('redis: REDIS_URL');
  }
  Object.assign(childEnv, { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl });

  // `name` names the child's log and profile; a second worker process is "worker-2", running dist/worker.js like the first.
  const child = async (kind: 'engine' | 'worker' | 'api', args: string[] = [], name: string = kind, extraEnv: NodeJS.ProcessEnv = {}) => {
    checkNotStopping();
    const started = await superviseChild({ name, script: script(kind), args, nodeArgs: [...(kind === 'worker' ? WORKER_NODE_ARGS : []), ...profileArgs(name)], env: { ...childEnv, ...extraEnv }, logFile: logFile(name), stopTimeoutMs: STOP_TIMEOUT_MS[kind], log: say });
    stops.push(stopChild(started.child));
    return started;
  };

  // 3. engine
  let temporalAddress = config.temporal.address;
  if (!temporalAddress) {
    const engineDir = join(dataDir, 'engine');
    // A port found free can be taken before the engine binds it (two starts
    // on one machine both see 7233 free): that engine exits before it is
    // ready, and the next free port is tried. A fixed port per start keeps
    // the address the worker and API were given valid across restarts.
    let ready: { address?: string } | undefined;
    let port = 0;
    for (let attempt = 1; !ready; attempt++) {
      port = await freePort(attempt === 1 ? 7233 : 0);
      try {
        ({ ready } = await child('engine', ['--port', String(port), '--data-dir', engineDir, '--log-level', config.app.logLevel]));
      } catch (err) {
        if (attempt >= 3 || stopping) throw err;
        say(`engine: could not start on port ${port}; trying another`);
      }
    }
    temporalAddress = ready.address ?? `127.0.0.1:${port}`;
    // The port changes from start to start: commands run beside the platform (npm run replay) read it here.
    writeFileSync(join(dataDir, ENGINE_ADDRESS_FILE), `${temporalAddress}\n`);
    say(`engine: embedded at ${temporalAddress}, data in ${engineDir}`);
  } else {
    say(`engine: Temporal at ${temporalAddress}`);
  }
  if (config.app.clock === 'virtual') say('clock: virtual (demo mode) — admins advance it with POST /api/admin/clock/advance');
  childEnv.TEMPORAL_ADDRESS = temporalAddress;

  // 4. schema
  const migrated = await migrate(databaseUrl);
  say(`migrations: ${migrated.applied.length} applied, ${migrated.alreadyApplied.length} already applied`);
  if (!pglite) for (const warning of serverSettingWarnings(await readServerSettings(databaseUrl))) say(`postgres: ${warning}`);

  // 5. workers: WORKER_PROCESSES of them on the one task queue, each with a metrics port of its own when metrics are on.
  const workers = config.server.workerProcesses;
  const metricsPort = config.server.workerMetricsPort;
  for (let i = 1; i <= workers; i++) {
    const name = i === 1 ? 'worker' : `worker-${i}`;
    await child('worker', i === 1 ? [] : ['--instance', name], name, metricsPort ? { WORKER_METRICS_PORT: String(metricsPort + i - 1) } : {});
  }
  say(`worker: Temporal worker and queue workers running${workers > 1 ? ` in ${workers} processes` : ''}`);

  // 6. seeds, on the first run only
  checkNotStopping();
  const seeding = runOnce({ name: 'seed', script: script('seed'), env: childEnv });
  stops.push({ name: 'seeds', stop: seeding.stop });
  await seeding.done;
  stops.pop();

  // 7. API
  const { ready: api } = await child('api');
  printBanner(api.address ?? `http://localhost:${config.server.port}`);
}

function printBanner(url: string): void {
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
      `  logs          ${logsDir}`,
      `  clock         ${config.app.clock === 'virtual' ? 'virtual (demo): POST /api/admin/clock/advance {"days":1} or {"to":"next-deadline"} as an admin' : 'wall time'}`,
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
  if (stopping) return; // Ctrl-C during start-up: the shutdown handler finishes and exits
  console.error(`[start] failed: ${err instanceof Error ? err.message : String(err)}`);
  await stopAll();
  process.exit(1);
});
