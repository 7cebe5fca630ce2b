// A worker process killed with SIGKILL during a milestone payment pays once
// (issue 4). The worker is the production entry (`worker/main.ts`) in its own
// OS process; the test holds it at the moment it wants with PostgreSQL locks
// and a TCP relay, never with hooks in the code under test:
//
//  - after the commit: `recordProjectPayment` writes nothing after its ledger
//    transaction — it returns, and the worker sends the completion to the
//    engine. So there is no later table to lock. Instead the ledger table is
//    locked until the activity is blocked inside its transaction, the relay
//    then cuts what the worker sends to the engine, the lock is released, the
//    transaction commits (rows visible from another connection), the worker
//    sends its completion into the cut, and is killed. The engine still sees
//    attempt 1 running; only its start-to-close timeout lets a fresh worker
//    run the activity again, which must find the payment and not pay twice.
//  - before the commit: the worker is killed while its transaction waits on
//    the ledger lock (the payment row inserted, its lines not), PostgreSQL
//    rolls it back, and the retry pays exactly once.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { splitByCostSharing } from '../../domain/project/cost-sharing';
import { testDatabaseUrl } from '../helpers/db';
import { act, apply, ok, project, toImplementation, U } from './fixtures';
import { startProjectPlatform, waitFor, type ProjectPlatform } from './support';
import { killAllWorkerProcesses, namedDatabaseUrl, sessionWaitingOnLock, spawnWorkerProcess, startEngineRelay, type EngineRelay, type WorkerProcess } from './worker-process';

const AMOUNT = 2_000_000;
/** Past the activities' start-to-close timeout (30 s) and the first retry backoff (1 s). */
const PAST_ACTIVITY_TIMEOUT_MS = 120_000;
/**
 * The killed worker's attempt stays "running" in the engine until its
 * timeout fires, so the engine's wait for idle workers before and during the
 * skip (10 s each by default) could only run out: keep those waits short.
 */
const SETTLE_MS = 1_000;

let p: ProjectPlatform;
let relay: EngineRelay;
let current: WorkerProcess | undefined;

/**
 * The application name of this file's worker processes' database sessions.
 * Other files run beside this one on the same database and pay projects too:
 * while the ledger is locked, their payment transactions wait on the lock as
 * well, and the backend to watch must be this file's worker's.
 */
const WORKER_SESSIONS = `payment-worker-killed-${process.pid}`;

function startWorker(temporalAddress = p.base.engine.address): Promise<WorkerProcess> {
  return spawnWorkerProcess({
    temporalAddress,
    databaseUrl: namedDatabaseUrl(testDatabaseUrl(), WORKER_SESSIONS),
    redisUrl: inject('redisUrl') ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: p.base.config.redis.prefix,
    taskQueue: p.base.taskQueue,
  });
}

beforeAll(async () => {
  // A restarted worker builds its workflow bundle first: allow the API to wait for it longer than the default 10 s.
  p = await startProjectPlatform({ env: { PROCESS_ANSWER_TIMEOUT_MS: '120000' } });
  // Only worker processes serve this file's task queue.
  await p.base.worker.shutdown();
  relay = await startEngineRelay(p.base.engine.address);
});

afterAll(async () => {
  await killAllWorkerProcesses();
  await relay?.close();
  await p?.stop();
});

async function verifiedMilestone(): Promise<string> {
  const id = await apply(p, { amounts: [AMOUNT], finalFen: 0 });
  await toImplementation(p, id);
  await ok(p, U.community, id, 'reportMilestone', { milestoneSeq: 1, summary: '完成', evidence: [] });
  await ok(p, U.street, id, 'verifyMilestone', { milestoneSeq: 1, decision: 'verify' });
  return id;
}

/** An open transaction holding a lock that blocks inserts into the ledger lines (reads pass). */
async function lockLedgerLines(): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE "ProjectLedgerLine" IN SHARE MODE');
  return {
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

/** This file's worker's backend waiting for the ledger lock: the payment transaction, blocked between its two inserts. */
async function waitForBlockedPayment(): Promise<number> {
  return waitFor(() => sessionWaitingOnLock(p.prisma, 'ProjectLedgerLine', WORKER_SESSIONS));
}

async function backendGone(pid: number): Promise<void> {
  await waitFor(async () => (await p.prisma.$queryRaw<unknown[]>`SELECT 1 FROM pg_stat_activity WHERE pid = ${pid}`).length === 0);
}

async function pendingPaymentAttempt(id: string) {
  const { raw } = await p.base.client.workflow.getHandle(`project-${id}`).describe();
  return (raw.pendingActivities ?? []).find((a) => a.activityType?.name === 'recordProjectPayment');
}

/** Exactly one payment of the milestone, split by the ratio, released once, and the process moved on. */
async function expectPaidOnce(id: string, voucherNo: string) {
  const payments = await p.prisma.projectPayment.findMany({ where: { projectId: id }, include: { lines: true } });
  expect(payments).toHaveLength(1);
  expect(payments[0]).toMatchObject({ payableKey: 'milestone-1', amountFen: AMOUNT, voucherNo });
  const lines = await p.prisma.projectLedgerLine.findMany({ where: { projectId: id } });
  expect(lines.reduce((s, l) => s + l.amountFen, 0)).toBe(AMOUNT);

  const body = await project(p, id);
  const expected = splitByCostSharing(AMOUNT, body.state.costSharing);
  expect(expected.map((l: { amountFen: number }) => l.amountFen)).toEqual([600_000, 600_000, 800_000]);
  expect(lines.map((l) => ({ party: l.party, amountFen: l.amountFen })).sort((a, b) => a.party.localeCompare(b.party))).toEqual(
    expected.map((l) => ({ party: l.party, amountFen: l.amountFen })).sort((a, b) => a.party.localeCompare(b.party)),
  );
  expect(body.ledger.totalPaidFen).toBe(AMOUNT);
  expect(body.ledger.payments).toHaveLength(1);
  expect(body).toMatchObject({ paidFen: AMOUNT, stage: 'acceptance' });
  expect(body.state.milestones[0].status).toBe('paid');
  expect(body.state.disbursements).toHaveLength(1);
  expect(body.state.disbursements[0]).toMatchObject({ id: 'd1', status: 'released', voucherNo });
  expect(body.timeline.filter((e: { action: string }) => e.action === 'releaseFunds')).toHaveLength(1);
  expect(body.timeline.some((e: { action: string }) => e.action === 'startAcceptance')).toBe(true);

  const released = await p.get(U.finance, '/api/projects/disbursements?status=released');
  expect(released.body.items.filter((d: { projectId: string }) => d.projectId === id)).toHaveLength(1);
  const requested = await p.get(U.finance, '/api/projects/disbursements?status=requested');
  expect(requested.body.items.filter((d: { projectId: string }) => d.projectId === id)).toHaveLength(0);
  expect(await p.prisma.projectDisbursement.count({ where: { projectId: id, status: 'released' } })).toBe(1);

  // The same release again is refused and pays nothing.
  const again = await act(p, U.finance, id, 'releaseFunds', { disbursementId: 'd1', voucherNo });
  expect(again.status).toBe(409);
  expect(await p.prisma.projectPayment.count({ where: { projectId: id } })).toBe(1);
}

describe('拨付中工作进程被 kill -9,只拨付一次', () => {
  it('pays once when the worker is killed after the payment committed, before the engine heard of it', { timeout: 240_000 }, async () => {
    // Through the relay, so what this worker sends can be cut.
    current = await startWorker(relay.address);
    const id = await verifiedMilestone();
    const voucherNo = `CZ-KILL-AFTER-${id.slice(0, 6)}`;

    const lock = await lockLedgerLines();
    const release = act(p, U.finance, id, 'releaseFunds', { disbursementId: 'd1', voucherNo });
    let pid: number;
    try {
      pid = await waitForBlockedPayment();
      relay.cutWorkerToEngine();
    } finally {
      await lock.release();
    }
    // Committed: visible from another connection.
    await waitFor(async () => (await p.prisma.projectLedgerLine.count({ where: { projectId: id } })) === 3);
    expect(await p.prisma.projectPayment.count({ where: { projectId: id } })).toBe(1);
    // The worker has sent its completion (and any new poll) into the cut.
    await waitFor(async () => relay.droppedBytes() > 0);

    expect(await current.kill()).toBe('SIGKILL');
    await backendGone(pid);
    // The engine never got the completion: attempt 1 is still running there.
    const attempt = await pendingPaymentAttempt(id);
    expect(attempt?.attempt).toBe(1);
    expect(String(attempt?.state)).toMatch(/STARTED|^2$/);

    current = await startWorker();
    await p.advanceTime(PAST_ACTIVITY_TIMEOUT_MS, SETTLE_MS);
    const res = await release;
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await expectPaidOnce(id, voucherNo);
  });

  it('pays once when the worker is killed inside the payment transaction, before its commit', { timeout: 240_000 }, async () => {
    // A worker of its own, straight to the engine: the first test's may be gone or cut off if that test failed.
    await current?.kill();
    current = await startWorker();
    const id = await verifiedMilestone();
    const voucherNo = `CZ-KILL-BEFORE-${id.slice(0, 6)}`;

    const lock = await lockLedgerLines();
    const release = act(p, U.finance, id, 'releaseFunds', { disbursementId: 'd1', voucherNo });
    let pid: number;
    try {
      pid = await waitForBlockedPayment();
      expect(await current.kill()).toBe('SIGKILL');
    } finally {
      await lock.release();
    }
    // The orphaned transaction ends without COMMIT: nothing of it survives.
    await backendGone(pid);
    expect(await p.prisma.projectPayment.count({ where: { projectId: id } })).toBe(0);
    expect(await p.prisma.projectLedgerLine.count({ where: { projectId: id } })).toBe(0);
    expect((await pendingPaymentAttempt(id))?.attempt).toBe(1);

    current = await startWorker();
    await p.advanceTime(PAST_ACTIVITY_TIMEOUT_MS, SETTLE_MS);
    const res = await release;
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await expectPaidOnce(id, voucherNo);
  });
});
