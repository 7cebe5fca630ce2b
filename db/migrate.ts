// Applies prisma/migrations to a database with plain `pg`, because Prisma 7's
// `migrate deploy` needs a native schema engine that cannot be downloaded
// here. It keeps Prisma's own bookkeeping (`_prisma_migrations`, same columns,
// sha256 checksum of migration.sql, same advisory lock key), so a database
// migrated here is one `prisma migrate deploy` agrees with, and vice versa.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const DEFAULT_MIGRATIONS_DIR = resolve(fileURLToPath(new URL('../prisma/migrations', import.meta.url)));

/** The key Prisma's schema engine locks on, so this runner and Prisma's never interleave. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateOptions {
  /** Folder in Prisma's layout (`<name>/migration.sql`). Default prisma/migrations. */
  migrationsDir?: string;
  /** Progress lines; default silent. */
  log?: (line: string) => void;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/** Migrations in apply order (Prisma sorts folder names; names start with a UTC timestamp). */
export async function readMigrations(migrationsDir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  let entries;
  try {
    entries = await readdir(migrationsDir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    let sql: string;
    try {
      sql = await readFile(join(migrationsDir, name, 'migration.sql'), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    files.push({ name, sql, checksum: checksumOf(sql) });
  }
  return files;
}

/**
 * Applies every pending migration, each in its own transaction together with
 * its `_prisma_migrations` row, so a failed migration leaves nothing behind
 * and can be fixed and rerun. Safe to run twice and concurrently.
 */
export async function migrate(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const result: MigrateResult = { applied: [], alreadyApplied: [] };
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
      }>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"');
      const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r]));
      // A row that started but never finished (written by Prisma's own engine
      // after a crash) means the database is in an unknown state: stop, as Prisma does.
      const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at);
      if (failed.length > 0) {
        throw new Error(
          `Migration ${failed.map((r) => r.migration_name).join(', ')} failed earlier and was not rolled back; ` +
            'fix the database, then mark it rolled back (prisma migrate resolve --rolled-back) before migrating.',
        );
      }
      for (const m of migrations) {
        const prior = done.get(m.name);
        if (prior) {
          if (prior.checksum !== m.checksum) log(`warning: ${m.name} was edited after it was applied (checksum differs)`);
          result.alreadyApplied.push(m.name);
          continue;
        }
        log(`applying ${m.name}`);
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), now(), 1)`,
            [randomUUID(), m.checksum, m.name],
          );
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
        }
        result.applied.push(m.name);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set');
    process.exit(1);
  }
  migrate(url, { log: (l) => console.log(l) })
    .then((r) => console.log(`migrations: ${r.applied.length} applied, ${r.alreadyApplied.length} already applied`))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
