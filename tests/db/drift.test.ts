// Fails when prisma/schema and prisma/migrations disagree: a fresh database
// built by the migrations must have exactly the catalog of one built from
// the schema folder directly (Prisma's `migrate diff --from-empty` SQL).
// Fix: `npm run db:migration -- <name>` and commit the new folder.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, DEFAULT_ADMIN_URL, dropDatabase, scratchDatabaseName } from '../../db/databases';
import { migrate } from '../../db/migrate';
import { schemaDiffSql } from '../../db/schema-diff';
import { readCatalog } from './catalog';

const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
const fromMigrations = scratchDatabaseName('cg_test_drift_m');
const fromSchema = scratchDatabaseName('cg_test_drift_s');

describe('migrations = schema', () => {
  let migratedUrl = '';
  let schemaUrl = '';

  beforeAll(async () => {
    migratedUrl = await createDatabase(adminUrl, fromMigrations);
    schemaUrl = await createDatabase(adminUrl, fromSchema);
  });
  afterAll(async () => {
    await dropDatabase(adminUrl, fromMigrations);
    await dropDatabase(adminUrl, fromSchema);
  });

  it('a migrated database has exactly the catalog the schema folder describes', async () => {
    const [, sql] = await Promise.all([migrate(migratedUrl), schemaDiffSql({ from: 'empty', databaseUrl: schemaUrl })]);
    const client = new pg.Client({ connectionString: schemaUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    const [migrated, expected] = await Promise.all([readCatalog(migratedUrl), readCatalog(schemaUrl)]);
    expect(expected.tables.length).toBeGreaterThan(0);
    const hint = 'schema and migrations drifted apart: run `npm run db:migration -- <name>`';
    expect(migrated.enums, hint).toEqual(expected.enums);
    expect(migrated.tables, hint).toEqual(expected.tables);
    expect(migrated.columns, hint).toEqual(expected.columns);
    expect(migrated.indexes, hint).toEqual(expected.indexes);
    expect(migrated.constraints, hint).toEqual(expected.constraints);
  });
});

describe("Prisma's own view", () => {
  it('finds nothing to add to the migrations (else it prints the SQL to put in a new one)', async () => {
    const sql = await schemaDiffSql({ from: 'migrations', databaseUrl: adminUrl });
    expect(sql, 'run `npm run db:migration -- <name>`').toBe('');
  });
});
