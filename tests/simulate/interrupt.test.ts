// Ctrl-C on `npm run simulate`: the platform it started runs in a process
// group of its own (out of the terminal's reach), so the simulator stops it
// and removes its database, Redis keys and data directory before it ends.
// A run interrupted used to leave all four behind, the platform still busy.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import pg from 'pg';
import { expect, inject, it } from 'vitest';
import { processes } from '../../platform/proc';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Pids of the processes whose command line mentions `text` (the engine's is `--data-dir <DATA_DIR>/engine`). */
const processesMentioning = (text: string) => processes().filter((p) => p.cmdline.includes(text)).map((p) => p.pid);

it('stops its platform and removes what the run made when interrupted', { timeout: 300_000 }, async () => {
  const databaseUrl = inject('databaseUrl');
  const redisUrl = inject('redisUrl') ?? 'redis://127.0.0.1:6379';
  const child = spawn(process.execPath, ['--import', 'tsx', 'simulate/main.ts', '--scale', '0.1', '--seed', '7'], {
    cwd: ROOT,
    env: { ...process.env, TEST_DATABASE_URL: databaseUrl, REDIS_URL: redisUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

  // The platform is up and the year about to begin: interrupt there.
  const started = Date.now();
  let match: RegExpExecArray | null = null;
  while (!(match = /DATA_DIR (\S+), database (\S+)/.exec(out))) {
    if (child.exitCode !== null) throw new Error(`the simulator ended before its platform was up:\n${out}`);
    if (Date.now() - started > 240_000) throw new Error(`no platform within 4 minutes:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const [, dataDir, database] = match;
  expect(processesMentioning(dataDir!).length).toBeGreaterThan(0);
  child.kill('SIGINT');
  const [code] = await exited;

  expect(code, out).toBe(130);
  expect(out).toContain('SIGINT: stopping the platform');
  expect(processesMentioning(dataDir!)).toEqual([]);
  expect(existsSync(dataDir!)).toBe(false);
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    expect(rows).toEqual([]);
  } finally {
    await admin.end();
  }
  const redis = new Redis(redisUrl);
  try {
    const left: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `cg-sim-${database}*`, 'COUNT', 1000);
      left.push(...keys);
      cursor = next;
    } while (cursor !== '0');
    expect(left).toEqual([]);
  } finally {
    redis.disconnect();
  }
});
