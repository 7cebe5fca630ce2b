// A fresh platform for one simulated year: `npm start` as a person runs it
// (the supervisor with the engine, the worker and the API as separate
// processes, CLOCK=virtual), over a database of its own on the PostgreSQL
// server, a Redis key prefix of its own, and a DATA_DIR of its own (the
// engine's durable store, logs, secrets). Nothing is seeded: the simulator
// writes the district it needs. Rule overrides are environment variables,
// read by config/ like any deployment's.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { listEnvVars } from '../config';
import { createDatabase, DEFAULT_ADMIN_URL, dropDatabase, scratchDatabaseName } from '../db/databases';
import { freePort, sleep, waitUntil } from '../platform/ports';
import { alive, cpuSeconds, cpuTally, descendantsWithCommand, postgresBackendsOf, rssMiB, supervisedChildPid, supervisedChildren, threadCpuSeconds } from '../platform/proc';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export type ChildName = 'engine' | 'worker' | 'api';
export const CHILD_NAMES: readonly ChildName[] = ['engine', 'worker', 'api'];

export interface SimPlatformOptions {
  /** Environment overrides (process rules) for every process. */
  env?: Record<string, string>;
  /** Where the server's admin database is; default TEST_DATABASE_URL or the local server. */
  adminUrl?: string;
  redisUrl?: string;
  log?: (line: string) => void;
}

export interface SimPlatform {
  base: string;
  databaseUrl: string;
  dataDir: string;
  /** The embedded engine's host:port (its ClockControl answers there too). */
  engineAddress: string;
  /** Whether a killed child is still on its way back. */
  restarting(): boolean;
  /** The pid of a child process (engine, worker, api), if running. */
  pidOf(name: ChildName): number | undefined;
  /** RSS in MiB of the supervisor and each child (the worker processes together). */
  rss(): Record<'supervisor' | ChildName, number>;
  /**
   * CPU seconds used so far by the supervisor, each child since it started
   * (its current run: a child killed in a drill starts again from 0) and
   * PostgreSQL's processes serving the run's database: every one seen by
   * this call or an earlier samplePostgres(), at its last sighting.
   */
  cpu(): Record<'supervisor' | ChildName | 'postgres', number>;
  /**
   * The part of cpu() spent on each process's main thread (its event loop:
   * the API's routes, the engine's requests, the worker's activities and the
   * SDK's dispatch). The rest is other threads: the worker's workflow
   * threads and the Temporal core's, V8's garbage-collection helpers.
   * Tells whether one event loop, rather than the machine, sets the pace
   * (with several worker processes, their loops summed, as in cpu()).
   */
  mainThreadCpu(): Record<'supervisor' | ChildName, number>;
  /**
   * Notes the CPU of PostgreSQL's processes serving the run's database now.
   * A pool closes a connection idle for 10 s, and its server process takes
   * its CPU with it: read only at the end, a full-scale year counted 34 s
   * of PostgreSQL where a sample of the whole machine showed about 15% of a
   * core all along. Called once a simulated day.
   */
  samplePostgres(): void;
  /** SIGKILL one child; resolves once the supervisor has started it again and it serves. */
  killAndAwaitRestart(name: ChildName): Promise<void>;
  stop(): Promise<void>;
}

export async function startSimPlatform(options: SimPlatformOptions = {}): Promise<SimPlatform> {
  const log = options.log ?? (() => {});
  const adminUrl = options.adminUrl ?? process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  const dbName = scratchDatabaseName('cg_sim');
  const databaseUrl = await createDatabase(adminUrl, dbName);
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-sim-'));
  const port = await freePort();
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `cg-sim-${dbName}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const v of listEnvVars()) delete env[v.env];
  delete env.NODE_ENV;
  Object.assign(env, {
    DATA_DIR: dataDir,
    PORT: String(port),
    CLOCK: 'virtual',
    SEED_DEMO_DATA: 'never',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'warn',
    // The year takes minutes of wall time; tokens keep wall time.
    TOKEN_TTL_SECONDS: '86400',
    ...options.env,
  });
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'platform/launch.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const supervisor = child.pid!;
  const base = `http://127.0.0.1:${port}`;

  // Every process of a kind (WORKER_PROCESSES > 1: "worker", "worker-2" …), and the first of each.
  const pidsOf = (name: ChildName) => supervisedChildren(supervisor, name);
  // The settling loop asks for every child's pid every few milliseconds: a
  // scan of /proc each time was a third of the simulator's CPU, taken from
  // the platform while it settled. A pid found is kept while it lives; only a
  // child gone (killed, restarting) is looked for again.
  const knownPids = new Map<ChildName, number>();
  const pidOf = (name: ChildName) => {
    const known = knownPids.get(name);
    if (known !== undefined && alive(known)) return known;
    const pid = supervisedChildPid(supervisor, name);
    if (pid === undefined) knownPids.delete(name);
    else knownPids.set(name, pid);
    return pid;
  };
  // Ctrl-C, or a kill of the simulator: the platform runs in a process group
  // of its own (detached, so that `stop` can signal all of it), which a
  // terminal's Ctrl-C does not reach. Left alone it would run on, holding its
  // database, Redis keys and data directory: stopped here, and the simulator
  // then ends as the signal asks. The listeners stay until the stop is done:
  // a second signal (npm and tsx pass Ctrl-C on as well) must not end the
  // process halfway through it.
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    log(`${signal}: stopping the platform`);
    void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= stopPlatform().finally(() => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }));
  const stopPlatform = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-supervisor, 'SIGINT');
      } catch {
        // gone
      }
      await Promise.race([exited, sleep(30_000)]);
      for (const p of descendantsWithCommand(supervisor)) if (alive(p.pid)) process.kill(p.pid, 'SIGKILL');
      if (child.exitCode === null) process.kill(supervisor, 'SIGKILL');
    }
    await dropDatabase(adminUrl, dbName).catch(() => {});
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      for (let cursor = '0'; ; ) {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 500);
        if (keys.length > 0) await redis.del(...keys);
        if ((cursor = next) === '0') break;
      }
    } catch {
      // best effort
    } finally {
      redis.disconnect();
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntil(
      async () => {
        if (child.exitCode !== null || out.includes('[start] failed')) throw new Error(`the platform did not start:\n${out.slice(-3000)}`);
        return out.includes('Press Ctrl-C to stop.');
      },
      300_000,
      () => `the platform did not start within 5 minutes:\n${out.slice(-3000)}`,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  const engineAddress = /engine: embedded at (\S+),/.exec(out)?.[1];
  if (!engineAddress) {
    await stop();
    throw new Error(`the platform did not say where its engine is:\n${out.slice(-2000)}`);
  }
  log(`platform: ${base}, engine ${engineAddress}, DATA_DIR ${dataDir}, database ${dbName}`);
  let restarts = 0;

  const apiReady = async () => (await fetch(`${base}/api/ready`, { signal: AbortSignal.timeout(5_000) }).catch(() => null))?.status === 200;
  const logOf = (name: ChildName) => {
    try {
      return readFileSync(join(dataDir, 'logs', `${name}.log`), 'utf8');
    } catch {
      return '';
    }
  };

  /** A reading of the supervisor and each kind of child (0 for one not running; the worker processes summed). */
  const perProcess = (read: (pid: number) => number) => {
    const of = (pid: number | undefined) => (pid && alive(pid) ? read(pid) : 0);
    const sum = (name: ChildName) => pidsOf(name).reduce((total, p) => total + of(p.pid), 0);
    return { supervisor: of(supervisor), engine: sum('engine'), worker: sum('worker'), api: sum('api') };
  };

  const postgresCpu = cpuTally(() => postgresBackendsOf(dbName));
  return {
    base,
    databaseUrl,
    dataDir,
    engineAddress,
    restarting: () => restarts > 0,
    pidOf,
    rss: () => perProcess(rssMiB),
    samplePostgres: () => postgresCpu.sample(),
    cpu: () => ({ ...perProcess(cpuSeconds), postgres: postgresCpu.total() }),
    // A process's main thread has the process's own id as its thread id.
    mainThreadCpu: () => perProcess((pid) => threadCpuSeconds(pid, pid)),
    async killAndAwaitRestart(name) {
      const pid = pidOf(name);
      if (!pid) throw new Error(`${name} is not running`);
      const startsOf = () => (logOf(name).match(new RegExp(`--- \\S+ ${name} start #`, 'g')) ?? []).length;
      const startsBefore = startsOf();
      restarts++;
      try {
        process.kill(pid, 'SIGKILL');
        await waitUntil(
          async () => {
            const now = pidOf(name);
            return !!now && now !== pid && startsOf() > startsBefore && (await apiReady());
          },
          120_000,
          () => `${name} did not come back after SIGKILL:\n${out.slice(-2000)}`,
        );
        // The worker reports ready to the supervisor, not to us: give its
        // pollers (and the others' reconnections) a moment to reach the engine.
        if (name !== 'api') await sleep(3_000);
      } finally {
        restarts--;
      }
    },
    stop,
  };
}
