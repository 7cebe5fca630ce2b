import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, DEFAULT_ADMIN_URL, dropDatabase, scratchDatabaseName } from '../../db/databases';
import { checksumOf, migrate, readMigrations } from '../../db/migrate';

const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = scratchDatabaseName('cg_test_mig');
  created.push(name);
  return createDatabase(adminUrl, name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
});

describe('db/migrate', () => {
  it('applies every migration once, records them as Prisma does, and is a no-op the second time', async () => {
    const url = await freshDatabase();
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    const first = await migrate(url);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const second = await migrate(url);
    expect(second).toEqual({ applied: [], alreadyApplied: migrations.map((m) => m.name) });

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(migrations.map((m) => [m.name, checksumOf(m.sql)]));
    for (const r of rows) {
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it('serialises concurrent runs with the advisory lock', async () => {
    const url = await freshDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const total = (await readMigrations()).length;
    expect(results.reduce((n, r) => n + r.applied.length, 0)).toBe(total);
    const [{ count }] = await query<{ count: string }>(url, 'SELECT count(*) FROM "_prisma_migrations"');
    expect(Number(count)).toBe(total);
  });

  it('rolls a failing migration back entirely and records nothing for it', async () => {
    const url = await freshDatabase();
    const dir = await mkdtemp(join(tmpdir(), 'cg-mig-'));
    await mkdir(join(dir, '20200101000000_ok'));
    await writeFile(join(dir, '20200101000000_ok', 'migration.sql'), 'CREATE TABLE "A" (id int PRIMARY KEY);');
    await mkdir(join(dir, '20200102000000_bad'));
    await writeFile(join(dir, '20200102000000_bad', 'migration.sql'), 'CREATE TABLE "B" (id int);\nSELECT no_such_function();');

    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(/20200102000000_bad/);
    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.map((t) => t.table_name)).toEqual(['A', '_prisma_migrations']);
    const names = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM "_prisma_migrations"');
    expect(names.map((n) => n.migration_name)).toEqual(['20200101000000_ok']);

    // Fixed, it applies on the next run.
    await writeFile(join(dir, '20200102000000_bad', 'migration.sql'), 'CREATE TABLE "B" (id int);');
    expect((await migrate(url, { migrationsDir: dir })).applied).toEqual(['20200102000000_bad']);
  });
});
