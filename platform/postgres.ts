// The embedded default database of `npm start` when DATABASE_URL is unset:
// a private PostgreSQL cluster in DATA_DIR/postgres when PostgreSQL's
// binaries are installed (Debian: /usr/lib/postgresql/<v>/bin), else PGlite
// served over the wire protocol. A real server is preferred: PGlite runs one
// query at a time, multiplexed over all connections.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { SERVICE_STOP_TIMEOUT_MS, startService, type Service } from './child';
import { freePort, waitUntil } from './ports';

export const EMBEDDED_DATABASE = 'governance';

export interface EmbeddedDatabase {
  kind: 'postgres' | 'pglite';
  url: string;
  /** Connections each client should open at most. */
  poolSize: number;
  /** Where its data lives. */
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** DATA_DIR: the cluster goes to `${dataDir}/postgres`, PGlite to `${dataDir}/pglite`. */
  dataDir: string;
  logsDir: string;
  log: (line: string) => void;
  /** Force a kind (tests, or EMBEDDED_DB=pglite). Default: postgres when possible. */
  prefer?: 'postgres' | 'pglite';
}

/** The newest directory holding initdb and postgres: Debian's versioned dirs first, then PATH. */
export function findPostgresBinaries(): string | null {
  const candidates: string[] = [];
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debianRoot, v, 'bin')));
  }
  candidates.push(...(process.env.PATH ?? '').split(delimiter).filter(Boolean));
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) ?? null;
}

/** PostgreSQL refuses to run as root: then run it as the `postgres` system user, if there is one. */
function serviceUser(): { uid: number; gid: number } | undefined | null {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function chownTree(path: string, user: { uid: number; gid: number }): void {
  chownSync(path, user.uid, user.gid);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry), user);
}

/** Whether `user` can reach `dir` (every folder above it must let them through). */
function traversableBy(user: { uid: number; gid: number }, dir: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'test -x "$0"', dir], { uid: user.uid, gid: user.gid }).status === 0;
}

/**
 * As root, the cluster runs as `postgres`, which must reach DATA_DIR: open
 * DATA_DIR for traversal (not listing) when needed. False when a folder
 * above it still blocks the way.
 */
function letServiceUserIn(user: { uid: number; gid: number }, dataDir: string): boolean {
  mkdirSync(dataDir, { recursive: true });
  if (traversableBy(user, dataDir)) return true;
  chmodSync(dataDir, statSync(dataDir).mode | 0o011);
  return traversableBy(user, dataDir);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A postmaster left running by a run that was killed: stop it before starting ours. */
async function stopOrphan(pgdata: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !pidAlive(pid)) return;
  log(`stopping the PostgreSQL (pid ${pid}) a previous run left behind`);
  process.kill(pid, 'SIGINT');
  await waitUntil(async () => !pidAlive(pid), 30_000, () => `PostgreSQL pid ${pid} did not stop`);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end().catch(() => {});
  }
}

async function startPostgresCluster(binDir: string, user: { uid: number; gid: number } | undefined, options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const pgdata = join(options.dataDir, 'postgres');
  const logFile = join(options.logsDir, 'postgres.log');
  await stopOrphan(pgdata, options.log);

  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    // No PG_VERSION: nothing valid lives here (an initdb that was interrupted).
    rmSync(pgdata, { recursive: true, force: true });
    mkdirSync(pgdata, { recursive: true, mode: 0o700 });
    if (user) chownTree(pgdata, user);
    options.log(`initialising a PostgreSQL cluster in ${pgdata}`);
    const init = spawnSync(join(binDir, 'initdb'), ['-D', pgdata, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale'], {
      uid: user?.uid,
      gid: user?.gid,
      encoding: 'utf8',
    });
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout || init.error?.message}`);
  }

  const port = await freePort(54329);
  const service: Service = startService({
    name: 'postgres',
    command: join(binDir, 'postgres'),
    args: ['-D', pgdata, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=100'],
    logFile,
    stopSignal: 'SIGINT', // fast shutdown: disconnect clients, checkpoint, exit
    uid: user?.uid,
    gid: user?.gid,
  });
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  try {
    await waitUntil(
      async () => {
        if (!service.isRunning()) throw new Error('exited');
        return canConnect(adminUrl);
      },
      60_000,
      () => `PostgreSQL did not start; see ${logFile}`,
    );
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
      if (!rowCount) await admin.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
    } finally {
      await admin.end();
    }
  } catch (err) {
    await service.stop();
    throw err;
  }
  return {
    kind: 'postgres',
    url: `postgresql://postgres@127.0.0.1:${port}/${EMBEDDED_DATABASE}`,
    poolSize: 5,
    dataDir: pgdata,
    stop: async () => {
      await service.stop(SERVICE_STOP_TIMEOUT_MS);
    },
  };
}

async function startPglite(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const dir = join(options.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const port = await freePort(54339);
  // The server multiplexes its connections onto PGlite's single session,
  // keeping a transaction's statements together.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 32 });
  await server.start();
  return {
    kind: 'pglite',
    // Every connection shares PGlite's one session, as behind PgBouncer: no statement is prepared by name (db/prisma.ts).
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?pgbouncer=true`,
    poolSize: 2,
    dataDir: dir,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  if (options.prefer !== 'pglite') {
    const binDir = findPostgresBinaries();
    const user = serviceUser();
    const reachable = !user || letServiceUserIn(user, options.dataDir);
    if (binDir && user !== null && reachable) return startPostgresCluster(binDir, user, options);
    options.log(
      !binDir
        ? 'PostgreSQL binaries not found (Debian package "postgresql"): using PGlite, an embedded PostgreSQL'
        : user === null
          ? 'running as root without a "postgres" system user: using PGlite instead of PostgreSQL'
          : `the "postgres" user cannot reach ${options.dataDir}: using PGlite instead of PostgreSQL`,
    );
  }
  return startPglite(options);
}

/** PATH lookup, for tools that are not under a versioned directory. */
export function which(command: string, extraDirs: string[] = []): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extraDirs].filter(Boolean);
  const found = dirs.map((d) => join(d, command)).find((p) => existsSync(p));
  return found ?? null;
}
