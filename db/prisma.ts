// The one way to get a PrismaClient: Prisma 7 with the pg driver adapter, so
// no native query engine is needed anywhere (see ../shared ENVIRONMENT.md).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../prisma/generated/client';
import { registerPool, TRANSACTION_TIMEOUT_MS } from './raw-sql';

export interface CreatePrismaOptions {
  /** Connections in the pool. Default 5; PGlite serves only one, so pass 1 there. */
  poolSize?: number;
  /** Log queries to stdout (development aid). Default false. */
  logQueries?: boolean;
  /** A pool to use instead of a new one (`poolSize` is then the pool's own); the API bench counts its round-trips. */
  pool?: pg.Pool;
}

const SHARED_SESSIONS = /[?&]pgbouncer=true(&|$)/;

export function createPrisma(databaseUrl: string, options: CreatePrismaOptions = {}): PrismaClient {
  // The pool is ours, so a step's save can use it beneath Prisma (rawTransaction in ./raw-sql); Prisma ends it on $disconnect.
  const pool = options.pool ?? new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 5 });
  const adapter = new PrismaPg(pool, { disposeExternalPool: !options.pool });
  const prisma = new PrismaClient({
    adapter,
    log: options.logQueries ? ['query', 'warn', 'error'] : ['warn', 'error'],
    // Prisma's default maxWait (2 s) fails an interactive transaction that
    // queues for a pooled connection under load (P2028 "Unable to start a
    // transaction"): a worker activity then retried with backoff, and one
    // action round-trip took seconds (seen in the API bench with 10 actions in
    // flight). Waiting for a connection is cheaper than failing and retrying.
    transactionOptions: { maxWait: 15_000, timeout: TRANSACTION_TIMEOUT_MS },
  });
  // `?pgbouncer=true` (Prisma's own mark for a pooler that shares server sessions): no statement is prepared by name.
  registerPool(prisma, pool, !SHARED_SESSIONS.test(databaseUrl));
  return prisma;
}
