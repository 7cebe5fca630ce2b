// The local Redis of `npm start` when REDIS_URL is unset: a redis-server
// child process with its files in DATA_DIR/redis, snapshotting so queued
// jobs survive a restart.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { SERVICE_STOP_TIMEOUT_MS, startService } from './child';
import { freePort, waitUntil } from './ports';
import { which } from './postgres';

export const REDIS_MISSING_MESSAGE =
  'Redis is needed: install the Debian package "redis-server" (apt-get install redis-server) or set REDIS_URL to a running Redis.';

export interface LocalRedis {
  url: string;
  stop(): Promise<void>;
}

async function stopOrphan(pidFile: string, log: (line: string) => void): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  const alive = (p: number) => {
    try {
      process.kill(p, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!pid || !alive(pid)) return;
  log(`stopping the redis-server (pid ${pid}) a previous run left behind`);
  process.kill(pid, 'SIGTERM');
  await waitUntil(async () => !alive(pid), 15_000, () => `redis-server pid ${pid} did not stop`);
}

/** Starts redis-server, or returns null when it is not installed. */
export async function startLocalRedis(options: { dataDir: string; logsDir: string; log: (line: string) => void }): Promise<LocalRedis | null> {
  const binary = which('redis-server', ['/usr/bin', '/usr/sbin', '/usr/local/bin']);
  if (!binary) return null;
  const dir = join(options.dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const pidFile = join(dir, 'redis.pid');
  await stopOrphan(pidFile, options.log);
  const port = await freePort(6390);
  const service = startService({
    name: 'redis',
    command: binary,
    args: ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--pidfile', pidFile, '--daemonize', 'no', '--save', '60 1', '--appendonly', 'no', '--protected-mode', 'yes'],
    logFile: join(options.logsDir, 'redis.log'),
    stopSignal: 'SIGTERM', // saves the snapshot, then exits
  });
  const url = `redis://127.0.0.1:${port}`;
  try {
    await waitUntil(
      async () => {
        if (!service.isRunning()) throw new Error('exited');
        const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
        client.on('error', () => {}); // refused while redis-server boots: expected, retried
        try {
          await client.connect();
          return (await client.ping()) === 'PONG';
        } finally {
          client.disconnect();
        }
      },
      30_000,
      () => `redis-server did not start; see ${join(options.logsDir, 'redis.log')}`,
    );
  } catch (err) {
    await service.stop();
    throw err;
  }
  return {
    url,
    stop: async () => {
      await service.stop(SERVICE_STOP_TIMEOUT_MS);
    },
  };
}
