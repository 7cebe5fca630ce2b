// The production worker (`dist/worker.js`, compiled from `worker/main.ts`:
// what `npm run worker` runs) as a separate OS process, for tests that kill
// it with SIGKILL, and a TCP relay that can stop passing what a worker sends
// to the engine. The test setup rebuilds dist/ when a source is newer
// (tests/setup/global-setup.ts), so it is the current code; compiled, it
// starts in seconds where `node --import tsx` took over ten on a loaded
// machine. Node is spawned directly, so the pid is the process that holds
// the activity.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../config';
import { WORKER_NODE_ARGS } from '../../worker/node-args';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const live = new Set<ChildProcess>();

// If the test process dies before afterAll, no worker may outlive it.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export interface WorkerProcessOptions {
  temporalAddress: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  taskQueue: string;
  /** Wall time to wait for "workers running". Default 90 s. */
  readyTimeoutMs?: number;
}

export interface WorkerProcess {
  readonly pid: number;
  /** The end of its output, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown, no completion flushed, no sticky queue released. Resolves when it is gone. */
  kill(): Promise<NodeJS.Signals | null>;
}

export async function spawnWorkerProcess(options: WorkerProcessOptions): Promise<WorkerProcess> {
  const parent = loadConfig({ NODE_ENV: 'test' }).config;
  // WORKER_PROCESS_NODE_ARGS: extra node flags for the worker process (a bench profiles it with `--cpu-prof`).
  const extra = process.env.WORKER_PROCESS_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...WORKER_NODE_ARGS, ...extra, 'dist/worker.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      TEMPORAL_ADDRESS: options.temporalAddress,
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      REDIS_PREFIX: options.redisPrefix,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      // The in-test platform builds its config from scratch, with this test
      // process's random secrets (config/load.ts, NODE_ENV=test): hand the
      // worker the same ones, so it reads the platform's payloads and
      // generates nothing into a DATA_DIR; a key exported in the developer's
      // shell must not reach it either.
      JWT_SECRET: parent.auth.jwtSecret,
      TEMPORAL_PAYLOAD_KEY: parent.temporal.payloadKey,
      TEMPORAL_PAYLOAD_KEY_ID: parent.temporal.payloadKeyId,
      TEMPORAL_PAYLOAD_PREVIOUS_KEYS: undefined,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => {
      live.delete(child);
      resolve(signal);
    }),
  );

  const handle: WorkerProcess = {
    pid: child.pid!,
    output: () => tail,
    async kill() {
      // A profiled worker is asked to stop first: `--cpu-prof` writes its profiles only on a clean exit.
      if (extra.length > 0 && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      }
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  while (!tail.includes('"workers running"')) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`worker process exited before it was ready:\n${tail}`);
    if (Date.now() > deadline) {
      await handle.kill();
      throw new Error(`worker process not ready in time:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return handle;
}

/**
 * `databaseUrl` with an application name, so that a test can tell its worker
 * process's database sessions (pg_stat_activity.application_name) from those
 * of the files running beside it on the same database.
 */
export function namedDatabaseUrl(databaseUrl: string, applicationName: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', applicationName);
  return url.toString();
}

/**
 * The pid of a session named `applicationName` (namedDatabaseUrl) that waits
 * for a lock on `table`, or null: how a test that holds a table lock sees its
 * own worker blocked, and not a file beside it that touches the same table.
 */
export async function sessionWaitingOnLock(db: { $queryRaw<T>(query: TemplateStringsArray, ...values: unknown[]): Promise<T> }, table: string, applicationName: string): Promise<number | null> {
  const rows = await db.$queryRaw<{ pid: number }[]>`
    SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE l.relation = ${`"${table}"`}::regclass AND NOT l.granted AND a.application_name = ${applicationName}`;
  return rows[0]?.pid ?? null;
}

/** Kills every worker process this module started and that is still alive. */
export async function killAllWorkerProcesses(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

export interface EngineRelay {
  /** `host:port` to give the worker instead of the engine's. */
  readonly address: string;
  /**
   * From now on, bytes a worker sends on the connections open now are
   * dropped: requests already delivered stand, nothing new reaches the
   * engine. Connections opened later are relayed normally.
   */
  cutWorkerToEngine(): void;
  /** Bytes dropped since the cut. */
  droppedBytes(): number;
  close(): Promise<void>;
}

/**
 * A plain TCP relay in front of the engine. Cutting the worker→engine
 * direction is how a test holds a completion "on the wire": the activity's
 * result was sent but never arrives, exactly what a crash between the
 * activity's commit and its gRPC completion leaves behind.
 */
export async function startEngineRelay(engineAddress: string): Promise<EngineRelay> {
  const [host, port] = [engineAddress.slice(0, engineAddress.lastIndexOf(':')), Number(engineAddress.slice(engineAddress.lastIndexOf(':') + 1))];
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket; cut: boolean }>();
  let dropped = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(port, host);
    const pair = { client, upstream, cut: false };
    pairs.add(pair);
    client.on('data', (chunk) => {
      if (pair.cut) dropped += chunk.length;
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: relayPort } = server.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${relayPort}`,
    cutWorkerToEngine() {
      for (const pair of pairs) pair.cut = true;
    },
    droppedBytes: () => dropped,
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
