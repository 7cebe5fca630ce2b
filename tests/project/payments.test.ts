// A milestone is paid at most once: a double-submitted payment action (with
// and without an Idempotency-Key) and a worker stopped right after the
// payment committed (its completion lost, the activity run again by a new
// worker) each leave exactly one payment with balanced ledger lines.
import { Context } from '@temporalio/activity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activities } from '../../activities';
import { act, apply, ok, project, toImplementation, U } from './fixtures';
import { startProjectPlatform, waitFor, type ProjectPlatform } from './support';

let p: ProjectPlatform;
beforeAll(async () => {
  p = await startProjectPlatform();
});
afterAll(async () => {
  await p?.stop();
});

async function verifiedMilestone(amounts = [1_234_567]): Promise<string> {
  const id = await apply(p, { amounts, finalFen: 0 });
  await toImplementation(p, id);
  await ok(p, U.community, id, 'reportMilestone', { milestoneSeq: 1, summary: '完成', evidence: [] });
  await ok(p, U.street, id, 'verifyMilestone', { milestoneSeq: 1, decision: 'verify' });
  return id;
}

async function ledgerOf(id: string) {
  const payments = await p.prisma.projectPayment.findMany({ where: { projectId: id }, include: { lines: true } });
  for (const pay of payments) expect(pay.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(pay.amountFen);
  return payments;
}

describe('拨付只发生一次', () => {
  it('replays a repeated request with the same Idempotency-Key', async () => {
    const id = await verifiedMilestone();
    const headers = { 'Idempotency-Key': `release-${id}` };
    const body = { disbursementId: 'd1', voucherNo: 'CZ-IDEM-1' };
    const first = await act(p, U.finance, id, 'releaseFunds', body, headers);
    const second = await act(p, U.finance, id, 'releaseFunds', body, headers);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    // (Replayed by the Idempotency-Key store, or — the update id is derived
    // from the key — answered by the workflow from the same update.)
    expect(second.body).toEqual(first.body);
    const payments = await ledgerOf(id);
    expect(payments).toHaveLength(1);
    expect(payments[0].lines.map((l) => l.amountFen)).toEqual([370_370, 370_370, 493_827]);
  });

  it('pays once when the same payment is submitted twice at the same moment', async () => {
    const id = await verifiedMilestone();
    const body = { disbursementId: 'd1', voucherNo: 'CZ-DOUBLE-1' };
    const results = await Promise.all([act(p, U.finance, id, 'releaseFunds', body), act(p, U.finance, id, 'releaseFunds', body)]);
    // The second is refused: already paid (409), or the project still busy paying the first (503 PROCESS_BUSY).
    const [ok, refused] = [...results].sort((a, b) => a.status - b.status);
    expect(ok.status).toBe(200);
    expect([[409, 'ALREADY_DONE'], [409, 'CONFLICT'], [503, 'PROCESS_BUSY']]).toContainEqual([refused.status, refused.body.code]);

    // The same key sent twice concurrently: one runs, the other waits its turn or is told it is in progress.
    const id2 = await verifiedMilestone();
    const headers = { 'Idempotency-Key': `dbl-${id2}` };
    const keyed = await Promise.all([act(p, U.finance, id2, 'releaseFunds', body, headers), act(p, U.finance, id2, 'releaseFunds', body, headers)]);
    expect(keyed.map((r) => r.status)).toContain(200);
    for (const r of keyed) expect([200, 409]).toContain(r.status);

    expect(await ledgerOf(id)).toHaveLength(1);
    expect(await ledgerOf(id2)).toHaveLength(1);
    expect((await project(p, id)).paidFen).toBe(1_234_567);
  });

  it('pays once when the worker is stopped after the payment committed', async () => {
    const id = await verifiedMilestone([2_000_000]);
    let crashed = 0;
    // The first payment attempt commits, then hangs until the worker is stopped under it.
    await p.restartWorker({
      graceMs: 200,
      wrap: (a: Activities) => ({
        ...a,
        async recordProjectPayment(input: Parameters<Activities['recordProjectPayment']>[0]) {
          const result = await a.recordProjectPayment(input);
          crashed += 1;
          await new Promise((_, reject) => Context.current().cancellationSignal.addEventListener('abort', () => reject(new Error('worker stopped'))));
          return result;
        },
      }),
    });
    const release = act(p, U.finance, id, 'releaseFunds', { disbursementId: 'd1', voucherNo: 'CZ-CRASH-1' });
    await waitFor(async () => (await p.prisma.projectPayment.count({ where: { projectId: id } })) === 1 && crashed === 1);

    await p.restartWorker();
    // The engine runs the activity again once its attempt is given up (timeout/retry backoff).
    await p.advanceTime(120_000);
    const res = await release;
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    const payments = await ledgerOf(id);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ amountFen: 2_000_000, voucherNo: 'CZ-CRASH-1' });
    const body = await project(p, id);
    expect(body).toMatchObject({ paidFen: 2_000_000, stage: 'acceptance' });
    expect(body.state.disbursements[0].status).toBe('released');
  });
});
