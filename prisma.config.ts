// Prisma CLI configuration (Prisma 7). The schema is a folder: base.prisma
// plus one file per process. `prisma generate` works offline when
// PRISMA_SCHEMA_ENGINE_BINARY points at any existing file (see
// db/scripts/generate.ts); migrations are generated with prisma-diff (Prisma
// 6.19's WebAssembly engine) and applied by db/migrate.ts, because the
// Prisma 7 migrate commands need a native engine that cannot be downloaded.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  // `env()` would throw when DATABASE_URL is unset, and `prisma generate`
  // (run from postinstall on a clean clone) must not need a database.
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
});
