// The API process's lease (api/http/instance-lease.ts), against the real
// database: held while the process lives, taken again when the database drops
// its connection, gone when it closes.
import pino from 'pino';
import { expect, it } from 'vitest';
import { holdInstanceLease, leaseHeld, LEASE_LOCK_CLASS } from '../../api/http/instance-lease';
import { testDatabaseUrl, testPrisma } from '../helpers/db';

const prisma = testPrisma();

/** The database session holding the lease under `key`, if any. */
async function holder(key: number): Promise<number | null> {
  const rows = await prisma.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2
       AND classid = ${LEASE_LOCK_CLASS}::int::oid AND objid = ${key}::int::oid`;
  return rows[0]?.pid ?? null;
}

it('holds its lease while it lives, takes it again after the database dropped its connection, and lets it go when closed', { timeout: 30_000 }, async () => {
  const lease = await holdInstanceLease({ databaseUrl: testDatabaseUrl(), logger: pino({ level: 'silent' }) });
  const key = lease.key;
  try {
    expect(await leaseHeld(prisma, key)).toBe(true);
    const first = await holder(key);
    expect(first).not.toBeNull();
    // The database ends the session (a restart, an administrator): the lock goes with it, and the lease reconnects.
    await prisma.$queryRaw`SELECT pg_terminate_backend(${first}::int)`;
    await expect.poll(() => holder(key), { timeout: 15_000, interval: 100 }).not.toBe(first);
    await expect.poll(() => holder(key), { timeout: 15_000, interval: 100 }).not.toBeNull();
    expect(lease.key).toBe(key);
  } finally {
    await lease.close();
  }
  await expect.poll(() => leaseHeld(prisma, key), { timeout: 5_000 }).toBe(false);
});
