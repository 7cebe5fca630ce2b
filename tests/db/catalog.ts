// A comparable description of a database's schema (public schema, without
// Prisma's bookkeeping table): what "migrations = schema" is checked against.
import pg from 'pg';

export interface Catalog {
  tables: string[];
  columns: string[];
  indexes: string[];
  constraints: string[];
  enums: string[];
}

const QUERIES: Record<keyof Catalog, string> = {
  tables: `SELECT table_name AS v FROM information_schema.tables
           WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  // Column order is left out on purpose: a column added by a later migration
  // sits last, which Prisma ignores too.
  columns: `SELECT concat_ws(' | ', c.table_name, c.column_name, format_type(a.atttypid, a.atttypmod),
                   CASE WHEN c.is_nullable = 'YES' THEN 'null' ELSE 'not null' END,
                   coalesce(c.column_default, '-'), coalesce(c.is_identity, '-'), coalesce(c.generation_expression, '-')) AS v
            FROM information_schema.columns c
            JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
            WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'`,
  indexes: `SELECT indexdef AS v FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  constraints: `SELECT concat_ws(' | ', cl.relname, co.conname, co.contype, pg_get_constraintdef(co.oid)) AS v
                FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
                JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE n.nspname = 'public' AND cl.relname <> '_prisma_migrations'`,
  // Labels sorted: ALTER TYPE … ADD VALUE appends, and Prisma does not care about label order.
  enums: `SELECT concat_ws(' | ', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumlabel)) AS v
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public' GROUP BY t.typname`,
};

export async function readCatalog(databaseUrl: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const out = {} as Catalog;
    for (const [key, sql] of Object.entries(QUERIES) as [keyof Catalog, string][]) {
      const { rows } = await client.query<{ v: string }>(sql);
      out[key] = rows.map((r) => r.v).sort();
    }
    return out;
  } finally {
    await client.end();
  }
}
