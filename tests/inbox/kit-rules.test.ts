// The pure rules of 加签/减签 (domain/kit/signers.ts) and 会签/或签
// (domain/kit/countersign.ts): no server, no database.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access';
import { awaitedSigners, countersignRefusal, expandSigners, newCountersign, vote } from '../../domain/kit/countersign';
import { addSignerRefusal, decisionGate, emptySignerBook, releasedDecision, removeSignerRefusal, signRefusal, type AddedSigner, type SignerBook } from '../../domain/kit/signers';

const person = (personId: string, unitPath: string | null): Actor => ({
  personId,
  displayName: personId,
  grants: unitPath ? [{ role: 'resident_rep', unitId: unitPath, unitPath }] : [],
});
const RECORD = 'qindu/qindu-renmin/qindu-renmin-furong/';
const signer = (over: Partial<AddedSigner>): AddedSigner => ({
  id: 's1',
  taskKey: 'review-1',
  action: 'reviewApplication',
  personId: 'rep',
  personName: '代表',
  position: 'before',
  addedById: 'street',
  status: 'pending',
  comment: null,
  ...over,
});
const bookOf = (...signers: AddedSigner[]): SignerBook => ({ signers, held: [] });

describe('加签 / 减签 rules', () => {
  it('a signer must hold a grant that reaches the record (above or below), not be the holder, and not be added twice', () => {
    const book = bookOf(signer({ personId: 'rep' }));
    expect(addSignerRefusal(emptySignerBook(), 'review-1', 'street', person('a', 'qindu/'), RECORD)).toBeNull();
    expect(addSignerRefusal(emptySignerBook(), 'review-1', 'street', person('g', `${RECORD}qindu-renmin-furong-g1/`), RECORD)).toBeNull();
    expect(addSignerRefusal(emptySignerBook(), 'review-1', 'street', person('x', 'qindu/qindu-renmin/qindu-renmin-yongchang/'), RECORD)?.code).toBe('SIGNER_INELIGIBLE');
    expect(addSignerRefusal(emptySignerBook(), 'review-1', 'street', person('none', null), RECORD)?.code).toBe('SIGNER_INELIGIBLE');
    expect(addSignerRefusal(emptySignerBook(), 'review-1', 'street', person('street', 'qindu/'), RECORD)?.code).toBe('SIGNER_INELIGIBLE');
    expect(addSignerRefusal(book, 'review-1', 'street', person('rep', RECORD), RECORD)?.code).toBe('SIGNER_INELIGIBLE');
  });

  it('a before-signer blocks the decision, an after-signer holds it; acted and removed signers do not', () => {
    expect(decisionGate(bookOf(signer({})), 'reviewApplication', ['review-1'])).toMatchObject({ kind: 'refused', refusal: { code: 'SIGNERS_PENDING' } });
    expect(decisionGate(bookOf(signer({ position: 'after' })), 'reviewApplication', ['review-1'])).toMatchObject({ kind: 'hold', taskKey: 'review-1' });
    expect(decisionGate(bookOf(signer({ status: 'approved' }), signer({ id: 's2', status: 'removed' })), 'reviewApplication', ['review-1'])).toEqual({ kind: 'go' });
    // Another action, or a task no longer open, is not held back.
    expect(decisionGate(bookOf(signer({})), 'withdrawApplication', ['review-1'])).toEqual({ kind: 'go' });
    expect(decisionGate(bookOf(signer({})), 'reviewApplication', ['review-2'])).toEqual({ kind: 'go' });
  });

  it('减签 only of a pending signer; an after-signer signs once the decision is held; the last approval releases it', () => {
    expect(removeSignerRefusal(bookOf(signer({ status: 'approved' })), 'review-1', 'rep')?.code).toBe('SIGNER_ALREADY_ACTED');
    expect(removeSignerRefusal(bookOf(signer({})), 'review-1', 'nobody')?.code).toBe('NOT_FOUND');
    expect(removeSignerRefusal(bookOf(signer({})), 'review-1', 'rep')).toBeNull();

    const after = bookOf(signer({ position: 'after' }), signer({ id: 's2', personId: 'b', position: 'after' }));
    expect(signRefusal(after, 's1', 'rep')?.code).toBe('WRONG_STAGE');
    expect(signRefusal(after, 's1', 'b')?.code).toBe('NOT_TASK_HOLDER');
    after.held.push({ taskKey: 'review-1', action: 'reviewApplication', command: {} });
    expect(signRefusal(after, 's1', 'rep')).toBeNull();
    after.signers[0]!.status = 'approved';
    expect(releasedDecision(after, 'review-1')).toBeNull();
    after.signers[1]!.status = 'approved';
    expect(releasedDecision(after, 'review-1')).toMatchObject({ action: 'reviewApplication' });
  });
});

describe('会签 / 或签', () => {
  const a = { personId: 'a', displayName: '甲' };
  const b = { personId: 'b', displayName: '乙' };

  it('会签: every signer approves; one rejection decides', () => {
    const c = newCountersign('all', [a, b, a]);
    expect(c.signers).toHaveLength(2);
    const first = vote(c, a, true, 't');
    expect(first.outcome).toBeNull();
    expect(awaitedSigners(first.countersign)).toEqual([b]);
    expect(countersignRefusal(first.countersign, 'a')?.code).toBe('ALREADY_DONE');
    expect(countersignRefusal(first.countersign, 'z')?.code).toBe('NOT_TASK_HOLDER');
    expect(vote(first.countersign, b, true, 't').outcome).toBe('approved');
    expect(vote(first.countersign, b, false, 't').outcome).toBe('rejected');
  });

  it('或签: the first decision decides and nobody else is awaited', () => {
    const c = newCountersign('any', [a, b]);
    const first = vote(c, b, true, 't');
    expect(first.outcome).toBe('approved');
    expect(awaitedSigners(first.countersign)).toEqual([]);
    expect(vote(c, a, false, 't').outcome).toBe('rejected');
  });

  it('the inbox opens one task per awaited signer', () => {
    const tasks = expandSigners([
      { key: 'verify-1', assigneeId: null, signers: { mode: 'all' as const, personIds: ['a', 'b'] } },
      { key: 'rating', assigneeId: 'c' },
    ]);
    expect(tasks.map((t) => [t.key, t.assigneeId])).toEqual([
      ['verify-1@a', 'a'],
      ['verify-1@b', 'b'],
      ['rating', 'c'],
    ]);
  });
});
