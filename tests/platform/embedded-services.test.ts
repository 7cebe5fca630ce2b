// The embedded defaults of `npm start`: a private PostgreSQL cluster (or
// PGlite) that the migrations and Prisma work against, and a local Redis.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../db/migrate';
import { createPrisma } from '../../db/prisma';
import { findPostgresBinaries, startEmbeddedDatabase, type EmbeddedDatabase } from '../../platform/postgres';
import { startLocalRedis } from '../../platform/redis';

const dataDir = mkdtempSync(join(tmpdir(), 'cg-platform-'));
const logsDir = join(dataDir, 'logs');
const log = () => {};
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function migrateAndQuery(db: EmbeddedDatabase) {
  const result = await migrate(db.url);
  expect(result.applied).toHaveLength((await readMigrations()).length);
  const prisma = createPrisma(db.url, { poolSize: db.poolSize });
  try {
    await prisma.unit.create({ data: { id: 'x', name: '测试区', level: 'district', path: 'x/' } });
    // concurrent queries from one pool, and a transaction among them
    const counts = await Promise.all([
      ...Array.from({ length: 10 }, () => prisma.unit.count()),
      prisma.$transaction(async (tx) => {
        await tx.unit.create({ data: { id: 'y', name: '街道', level: 'street', parentId: 'x', path: 'x/y/' } });
        return tx.unit.count();
      }),
    ]);
    expect(counts.at(-1)).toBe(2);
    expect(await prisma.unit.count()).toBe(2);
  } finally {
    await prisma.$disconnect();
  }
}

describe('embedded database', () => {
  it.skipIf(!findPostgresBinaries())('initialises a PostgreSQL cluster, serves migrations and Prisma, and restarts on the same data', async () => {
    const db = await startEmbeddedDatabase({ dataDir, logsDir, log });
    expect(db.kind).toBe('postgres');
    try {
      await migrateAndQuery(db);
    } finally {
      await db.stop();
    }
    const again = await startEmbeddedDatabase({ dataDir, logsDir, log });
    try {
      expect((await migrate(again.url)).applied).toEqual([]);
    } finally {
      await again.stop();
    }
  });

  it('falls back to PGlite, which serves migrations and Prisma too', async () => {
    const db = await startEmbeddedDatabase({ dataDir, logsDir, log, prefer: 'pglite' });
    expect(db.kind).toBe('pglite');
    try {
      await migrateAndQuery(db);
    } finally {
      await db.stop();
    }
  });
});

describe('local redis', () => {
  it('starts redis-server in the data folder and stops it', async () => {
    const redis = await startLocalRedis({ dataDir, logsDir, log });
    if (!redis) return; // not installed: npm start prints REDIS_MISSING_MESSAGE instead
    const client = new Redis(redis.url);
    try {
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.disconnect();
      await redis.stop();
    }
  });
});
