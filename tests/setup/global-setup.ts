// Vitest global setup: one fresh PostgreSQL database and one Redis key prefix
// per run, so runs never see each other's rows or keys. The database is
// migrated with db/migrate (the same path production uses) and given the
// base seeds (the demo district). Test files reach them through
// `inject('databaseUrl')` / `inject('redisPrefix')` or, equally, the env
// vars DATABASE_URL and REDIS_PREFIX (set before the forks start, so they
// inherit them).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase, DEFAULT_ADMIN_URL, dropDatabase } from '../../db/databases';
import { migrate } from '../../db/migrate';
import { createPrisma } from '../../db/prisma';
import { runSeeds } from '../../seeds';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    redisPrefix: string;
  }
}

/** Databases left by runs that crashed before teardown are dropped after this long. */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

let adminUrl = DEFAULT_ADMIN_URL;
let dbName = '';
let redisUrl = '';
let redisPrefix = '';
let bundleDir = '';

async function dropStaleDatabases(): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'cg\\_test\\_%'");
    for (const { datname } of rows) {
      const ts = Number(/^cg_test_(\d+)_/.exec(datname)?.[1]);
      if (ts && Date.now() - ts > STALE_AFTER_MS) await dropDatabase(adminUrl, datname).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

/**
 * The workflow bundles, once per run instead of once per file (webpack takes
 * seconds, more on a loaded machine, and some forty files start a worker):
 * dist/ rebuilt when a source is newer than it (platform/build.mjs, as `npm
 * start` does), so worker processes the tests spawn run current code too, and
 * the engine suite's test workflows into a temporary file. The forks inherit
 * the paths (worker/bundle.ts, tests/engine/harness.ts).
 */
async function buildWorkflowBundles(ts: number): Promise<void> {
  const { buildIfStale, WORKFLOW_BUNDLE } = await import('../../platform/build.mjs');
  await buildIfStale({ log: () => undefined });
  process.env.WORKFLOW_BUNDLE = WORKFLOW_BUNDLE;
  const { bundleWorkflowCode } = await import('@temporalio/worker');
  const quiet = () => undefined;
  const { code } = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('../engine/workflows/index.ts', import.meta.url)),
    logger: { log: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: (m: string) => console.error(`[bundle] ${m}`) },
  });
  bundleDir = mkdtempSync(path.join(os.tmpdir(), `cg-test-bundles-${ts}-`));
  const enginePath = path.join(bundleDir, 'engine-test-workflows.js');
  writeFileSync(enginePath, code);
  process.env.ENGINE_TEST_WORKFLOW_BUNDLE = enginePath;
}

export async function setup(project: TestProject): Promise<void> {
  adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  const ts = Date.now();
  dbName = `cg_test_${ts}_${process.pid}`;
  await dropStaleDatabases().catch(() => {});
  const databaseUrl = await createDatabase(adminUrl, dbName);
  await migrate(databaseUrl);
  const prisma = createPrisma(databaseUrl, { poolSize: 2 });
  try {
    await runSeeds(prisma, { includeProcessSeeds: false });
  } finally {
    await prisma.$disconnect();
  }

  await buildWorkflowBundles(ts);

  redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  redisPrefix = `cg-test-${ts}-${process.pid}`;

  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = redisUrl;
  process.env.REDIS_PREFIX = redisPrefix;
  project.provide('databaseUrl', databaseUrl);
  project.provide('redisUrl', redisUrl);
  project.provide('redisPrefix', redisPrefix);
}

async function deleteRedisKeys(): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export async function teardown(): Promise<void> {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  if (redisPrefix) await deleteRedisKeys().catch((err) => console.warn(`redis cleanup failed: ${err.message}`));
  // Funding years claimed by tests/project/fixtures.ts freshYear() for this run.
  if (redisPrefix && !process.env.KEEP_TEST_DB) rmSync(path.join(os.tmpdir(), 'cg-test-years', redisPrefix), { recursive: true, force: true });
  if (dbName && !process.env.KEEP_TEST_DB) await dropDatabase(adminUrl, dbName);
  else if (dbName) console.log(`kept test database ${dbName} (KEEP_TEST_DB)`);
}
