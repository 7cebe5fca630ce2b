// Values for the raw statements of the hot paths (a step's save, notification
// delivery). Columns are `timestamp(3)` holding UTC, as Prisma writes them.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { Prisma } from '../prisma/generated/client';

/** An ISO instant or null, for a `timestamp(3)` parameter (the zone suffix is ignored, so UTC is stored). */
export const isoOrNull = (d: string | Date | null | undefined): string | null => (d == null ? null : new Date(d).toISOString());

/**
 * The database's now as UTC, for a row's createdAt/updatedAt where Prisma
 * would have filled it: a bare now() or the column default CURRENT_TIMESTAMP
 * stores the session's local time (10:19 for 02:19 UTC on a Shanghai server).
 */
export const UTC_NOW = Prisma.raw(`(now() AT TIME ZONE 'UTC')`);

// ---------------------------------------------------------------------------
// Statements on the driver beneath Prisma. Every PrismaClient of createPrisma
// runs on a `pg` pool of its own (Prisma 7's pg adapter); a step's save goes
// to that pool directly. Measured alone here, a transaction of three raw
// statements cost 1.1–1.5 ms of CPU through Prisma's interactive transaction
// against 0.33–0.42 ms on the pool, and the worker's main thread, which runs
// every step's save, is the busiest thread of a district's year.

const pools = new WeakMap<object, { pool: pg.Pool; named: boolean }>();

/**
 * createPrisma's record of the pool under a client (db/prisma.ts). `named`:
 * statements may be prepared by name on its connections; false behind
 * something that shares one server session among connections (PgBouncer in
 * transaction mode, PGlite's socket server), where two connections
 * preparing the same name would collide.
 */
export function registerPool(prisma: object, pool: pg.Pool, named = true): void {
  pools.set(prisma, { pool, named });
}

/**
 * Prisma's raw-statement calls, as a tagged template or a `Prisma.Sql`: a
 * Prisma client or transaction client is one, and so is a transaction on the
 * pool (rawTransaction). Helpers that take it run unchanged on either.
 */
export interface RawDb {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
}

/** A parameter as Prisma's pg adapter would send it: instants as ISO UTC (a `timestamp(3)` column ignores the zone), objects as JSON. */
function toParam(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint' || value instanceof Prisma.Decimal) return value.toString();
  if (Array.isArray(value)) return value.map(toParam);
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) return JSON.stringify(value);
  return value;
}

/** Columns read back as Prisma's $queryRaw gives them: `timestamp` as UTC instants (pg would read local time), int8 as bigint, numeric as Decimal. */
const PRISMA_LIKE_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format === undefined || format === 'text') {
      if (oid === pg.types.builtins.TIMESTAMP) return (v: string) => new Date(`${v.replace(' ', 'T')}Z`);
      if (oid === pg.types.builtins.INT8) return (v: string) => BigInt(v);
      if (oid === pg.types.builtins.NUMERIC) return (v: string) => new Prisma.Decimal(v);
      if (oid === pg.types.builtins.DATE) return (v: string) => new Date(`${v}T00:00:00Z`);
    }
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * A model's columns under a table alias, for a raw SELECT that wants the
 * whole row (`columnsOf(Prisma.HumanTaskScalarFieldEnum, 't')`): named, not
 * `t.*`, so the statement can be prepared (see statementName) and a column
 * added while the process runs does not change what it reads.
 */
export function columnsOf(fields: Record<string, string>, alias: string): Prisma.Sql {
  return Prisma.raw(Object.values(fields).map((c) => `${alias}."${c}"`).join(', '));
}

function statement(query: TemplateStringsArray | Prisma.Sql, values: unknown[]): Prisma.Sql {
  return query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
}

/** Statements one at a time on the client's pool (each its own transaction); the client itself when it has none. */
export function rawDb(prisma: RawDb): RawDb {
  const known = pools.get(prisma);
  return known ? onClient(known.pool, known.named) : prisma;
}

/**
 * A name for the statement's text, so that each connection parses and plans
 * it once and then only binds and executes it. Unnamed, PostgreSQL planned
 * every hot statement on every call: over a district-year at a tenth,
 * planning took as long as executing (pg_stat_statements, 2026-12-02).
 * The hot statements are fixed texts (lists go in as arrays), so a
 * connection holds a few dozen at most.
 *
 * Not for a statement whose columns come from a `*` (`SELECT t.*`): when a
 * migration adds a column while a process runs, a prepared one fails with
 * "cached plan must not change result type" on every connection that holds
 * it, where the unnamed one just returns the new column.
 */
const names = new Map<string, string | null>();
const MAX_NAMED = 500;
const STAR_COLUMNS = /(\bSELECT\s+\*|\w"?\.\*)/i;
function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined) {
    // Past the bound, texts run unnamed: one built afresh per call (none so far) would otherwise grow this map,
    // and every connection's prepared statements, without end.
    if (names.size >= MAX_NAMED) return undefined;
    name = STAR_COLUMNS.test(text) ? null : `raw_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name ?? undefined;
}

function onClient(client: pg.PoolClient | pg.Pool, named: boolean): RawDb {
  const run = async (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) => {
    const sql = statement(query, values);
    const name = named ? statementName(sql.text) : undefined;
    return client.query({ ...(name ? { name } : {}), text: sql.text, values: sql.values.map(toParam), types: PRISMA_LIKE_TYPES });
  };
  return {
    $queryRaw: async <T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => (await run(query, values)).rows as T,
    $executeRaw: async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => (await run(query, values)).rowCount ?? 0,
  };
}

/**
 * `fn` inside one transaction on the client's pool: committed when it
 * returns, rolled back when it throws. A client not made by createPrisma (a
 * test's own) runs it in Prisma's interactive transaction instead.
 */
export async function rawTransaction<T>(prisma: { $transaction: PrismaTransaction }, fn: (db: RawDb) => Promise<T>, options: RawTransactionOptions = {}): Promise<T> {
  const known = pools.get(prisma);
  if (!known) return prisma.$transaction((tx) => fn(tx));
  const client = await known.pool.connect();
  let broken: Error | undefined;
  // A connection the server drops while it is checked out reports here (unheard, the error event would end the
  // process); it is then destroyed on release.
  const onError = (err: Error) => (broken = err);
  client.on('error', onError);
  // Bounded as Prisma's interactive transactions are (20 s): a statement waiting on a lock ends with an error the
  // activity retries (57014, not a data rejection), and the connection comes back to the pool.
  const bound = Math.max(1, Math.round(options.timeoutMs ?? TRANSACTION_TIMEOUT_MS));
  try {
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${bound}`);
    const result = await fn(onClient(client, known.named));
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A failed ROLLBACK leaves the connection in an unknown state: it is destroyed, not reused.
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

type PrismaTransaction = <R>(fn: (tx: Prisma.TransactionClient) => Promise<R>) => Promise<R>;

/** The longest a statement of a rawTransaction may run: Prisma's interactive-transaction timeout too (db/prisma.ts). */
export const TRANSACTION_TIMEOUT_MS = 20_000;

export interface RawTransactionOptions {
  /** Default TRANSACTION_TIMEOUT_MS. */
  timeoutMs?: number;
}
