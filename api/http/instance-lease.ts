// Whether the API process that claimed an Idempotency-Key still lives.
//
// A request under a key first writes a pending row; a resend that finds the
// row pending is told to wait (IDEMPOTENCY_KEY_IN_PROGRESS) while the first
// attempt runs. When the process running it was killed, nothing ever
// finishes the row, and the resend could only wait out the minute after which
// a pending row is taken for abandoned: a clerk who presses 提交 again after
// the API restarted was told "正在处理" for up to a minute.
//
// So each API process holds a PostgreSQL advisory lock for its lifetime, on
// a connection of its own, and writes the lock's key into the rows it claims.
// The database drops the lock as soon as that connection ends, which for a
// killed process is at once (its socket closes with it). A resend that finds
// the owner's lock gone takes the row over at once. It holds for any number
// of API processes on one database, with no clock and no heartbeat.
import { randomInt } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { PrismaClient } from '../../prisma/generated/client';
import { rawDb } from '../../db/raw-sql';

/** The first half of the two-key advisory lock: marks the lock as an API process's lease ("IDEM"). */
export const LEASE_LOCK_CLASS = 0x4944454d;

export interface InstanceLease {
  /** This process's key, written into the pending rows it claims. */
  readonly key: number;
  close(): Promise<void>;
}

export interface HoldInstanceLeaseOptions {
  databaseUrl: string;
  logger: Pick<Logger, 'warn' | 'error'>;
}

const RECONNECT_MS = 1_000;

/**
 * Takes a lease for this process: a connection of its own holding an
 * advisory lock under a fresh random key. Should the connection drop (the
 * database restarted), it reconnects and takes the same key again; until
 * then other processes take this one's pending rows for abandoned, which
 * costs nothing worse than an early takeover (the update ids derived from
 * the key keep the action from running twice).
 */
export async function holdInstanceLease({ databaseUrl, logger }: HoldInstanceLeaseOptions): Promise<InstanceLease> {
  let key = 0;
  /** The connection holding the lock, or being opened to hold it; errors of any older one are of no interest. */
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl, application_name: 'api-instance-lease' });
    client = c;
    c.on('error', (err) => {
      void c.end().catch(() => undefined);
      if (client !== c) return;
      // The connection is gone, and the lock with it: take it again once the database answers.
      logger.warn({ err }, 'the API instance lease lost its database connection; reconnecting');
      client = undefined;
      schedule();
    });
    try {
      await c.connect();
      // A key another live process holds (one chance in two billion) is not ours: draw another.
      for (let tries = 0; ; tries++) {
        if (key === 0 || tries > 0) key = randomInt(1, 2 ** 31 - 1);
        const { rows } = await c.query<{ held: boolean }>('SELECT pg_try_advisory_lock($1::int, $2::int) AS held', [LEASE_LOCK_CLASS, key]);
        if (rows[0]?.held) break;
      }
    } catch (err) {
      if (client === c) client = undefined;
      await c.end().catch(() => undefined);
      throw err;
    }
    if (closed) await c.end().catch(() => undefined);
  };
  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((err) => {
        logger.error({ err }, 'the API instance lease could not reconnect; retrying');
        schedule();
      });
    }, RECONNECT_MS);
    retry.unref();
  };

  await connect();
  return {
    get key() {
      return key;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}

/** Whether some process still holds the lease under `key` (pg_locks shows every session's advisory locks). */
export async function leaseHeld(prisma: PrismaClient, key: number): Promise<boolean> {
  const [row] = await rawDb(prisma).$queryRaw<{ held: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM pg_locks
       WHERE locktype = 'advisory' AND granted AND objsubid = 2
         AND classid = ${LEASE_LOCK_CLASS}::int::oid AND objid = ${key}::int::oid
    ) AS held`;
  return row?.held ?? false;
}
