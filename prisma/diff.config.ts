// Configuration for `prisma-diff` (an npm alias of prisma@6.19), used only by
// db/schema-diff.ts to compute migration SQL with its WebAssembly schema
// engine; Prisma 7's `migrate diff` needs a native engine we cannot download.
// The JS engine talks to PostgreSQL through a driver adapter: adapter-pg 7
// (6.19's cannot read PostgreSQL 15's `name` columns).
import { randomUUID } from 'node:crypto';
import { defineConfig } from 'prisma-diff/config';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

function poolConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: u.pathname.slice(1) || 'postgres',
    max: 2,
    // Otherwise the idle pool keeps the CLI process alive for 10 s after the diff.
    allowExitOnIdle: true,
    idleTimeoutMillis: 100,
  };
}

async function admin(config: pg.PoolConfig, sql: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * adapter-pg 7 refuses result columns of PostgreSQL's internal one-byte type
 * "char" (oid 18; pg_class.relkind and friends), which the engine's schema
 * describer selects. Reading them as text is what the native engine does.
 */
function readCharAsText(adapter: object): void {
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, 'performIO')) proto = Object.getPrototypeOf(proto);
  if (!proto || proto.__charAsText) return;
  const performIO = proto.performIO;
  proto.performIO = async function (this: unknown, ...args: unknown[]) {
    const result = await performIO.apply(this, args);
    for (const field of result.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  proto.__charAsText = true;
}

/**
 * adapter-pg 7's own shadow database is dropped while its pool is still
 * connected, so the drop fails and the database is left behind. This one
 * closes the pool first and drops with FORCE.
 */
class DiffAdapterFactory extends PrismaPg {
  constructor(private readonly serverConfig: pg.PoolConfig) {
    super(serverConfig);
  }

  override async connect() {
    const adapter = await super.connect();
    readCharAsText(adapter);
    return adapter;
  }

  override async connectToShadowDb() {
    const database = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
    await admin(this.serverConfig, `CREATE DATABASE "${database}"`);
    const adapter = await new PrismaPg({ ...this.serverConfig, database }).connect();
    readCharAsText(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin(this.serverConfig, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'schema',
  migrations: { path: 'migrations' },
  // The adapter types of 6.19 and 7 differ only nominally.
  adapter: async () =>
    new DiffAdapterFactory(poolConfig(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')) as any,
});
