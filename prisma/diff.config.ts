// Configuration for `prisma-diff` (an npm alias of prisma@6.19), used only by
// db/schema-diff.ts to compute migration SQL with its WebAssembly schema
// engine; Prisma 7's `migrate diff` needs a native engine we cannot download.
// The JS engine talks to PostgreSQL through a driver adapter: adapter-pg 7
// (6.19's cannot read PostgreSQL 15's `name` columns).
import { defineConfig } from 'prisma-diff/config';
import { PrismaPg } from '@prisma/adapter-pg';

// Separate fields rather than a connectionString: the adapter's shadow
// database overrides `database`, which a connectionString would win over.
function poolConfig(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: u.pathname.slice(1) || 'postgres',
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'schema',
  migrations: { path: 'migrations' },
  // The adapter types of 6.19 and 7 differ only nominally.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  adapter: async () => new PrismaPg(poolConfig(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')) as any,
});
