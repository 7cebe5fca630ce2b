// The approval inbox's rules without a server: who holds a task, who may hand
// it on and to whom, when a deputy covers, and how an action meets the
// record's open tasks (委派, 转交, 代理).
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access';
import { candidateGrant, deputyCandidateGrant } from '../../domain/inbox/candidates';
import { actingAs, handlingRefusal, holdsTask, proxyCovers, proxyRefusal, transferTargetRefusal, urgeDay, type ProxyFacts, type TaskFacts } from '../../domain/inbox/rules';

const street = 'qindu/qindu-renmin/';
const person = (personId: string, grants: [Actor['grants'][number]['role'], string][] = []): Actor => ({
  personId,
  displayName: personId.toUpperCase(),
  grants: grants.map(([role, unitPath]) => ({ role, unitId: unitPath, unitPath })),
});
const officer = person('a', [['street_office', street]]);
const colleague = person('b', [['street_office', street]]);
const sibling = person('s', [['street_office', 'qindu/qindu-xilan/']]);
const district = person('d', [['street_office', 'qindu/']]);
const auditor = person('x', [['auditor', street]]);
const task = (over: Partial<TaskFacts> = {}): TaskFacts => ({ action: 'reviewApplication', status: 'open', role: 'street_office', unitPath: street, assigneeId: null, transferred: false, delegateId: null, ...over });
// 2026-06-10 12:00 Beijing
const noon = new Date('2026-06-10T04:00:00Z');
const proxy = (over: Partial<ProxyFacts> = {}): ProxyFacts => ({ personId: 'a', deputyId: 's', startsOn: '2026-06-10', endsOn: '2026-06-12', cancelled: false, ...over });

describe('holding and handing on a task', () => {
  it('is held by its assignee alone once assigned, else by its role over its unit (from above too, never a sibling)', () => {
    expect(holdsTask(officer, task())).toBe(true);
    expect(holdsTask(district, task())).toBe(true);
    expect(holdsTask(sibling, task())).toBe(false);
    expect(holdsTask(colleague, task({ assigneeId: 'a' }))).toBe(false);
    expect(holdsTask(officer, task({ assigneeId: 'a' }))).toBe(true);
  });

  it('lets the holder or a role holder over the unit hand it on; not the delegate, not a closed task, not an outsider', () => {
    expect(handlingRefusal(officer, task())).toBeNull();
    expect(handlingRefusal(colleague, task({ assigneeId: 'a' }))).toBeNull();
    expect(handlingRefusal(auditor, task())?.code).toBe('NOT_TASK_HOLDER');
    expect(handlingRefusal(sibling, task())?.code).toBe('NOT_TASK_HOLDER');
    expect(handlingRefusal(colleague, task({ delegateId: 'b', assigneeId: 'a' }))?.code).toBe('DELEGATE_CANNOT_DECIDE');
    expect(handlingRefusal(officer, task({ status: 'done' }))?.code).toBe('ALREADY_DONE');
  });

  it('transfers only to another active person holding the role over the unit', () => {
    expect(transferTargetRefusal(task(), colleague, 'a')).toBeNull();
    expect(transferTargetRefusal(task(), district, 'a')).toBeNull();
    expect(transferTargetRefusal(task(), auditor, 'a')).toMatchObject({ code: 'TRANSFER_TARGET_INELIGIBLE', message: expect.stringContaining('街道办事处') });
    expect(transferTargetRefusal(task(), sibling, 'a')?.code).toBe('TRANSFER_TARGET_INELIGIBLE');
    expect(transferTargetRefusal(task(), null, 'a')?.code).toBe('TRANSFER_TARGET_INELIGIBLE');
    expect(transferTargetRefusal(task(), officer, 'a')?.code).toBe('TRANSFER_TARGET_INELIGIBLE');
  });
});

describe('代理 and 催办 days (Beijing dates)', () => {
  it('covers the first and last day of the range, not the days around it, not once cancelled', () => {
    expect(proxyCovers(proxy(), noon)).toBe(true);
    expect(proxyCovers(proxy(), new Date('2026-06-12T15:59:59Z'))).toBe(true);
    expect(proxyCovers(proxy(), new Date('2026-06-12T16:00:00Z'))).toBe(false);
    expect(proxyCovers(proxy(), new Date('2026-06-09T15:59:59Z'))).toBe(false);
    expect(proxyCovers(proxy({ cancelled: true }), noon)).toBe(false);
  });

  it('refuses naming oneself, a backwards range, a past range and one longer than the limit', () => {
    const ok = { personId: 'a', deputyId: 's', startsOn: '2026-06-10', endsOn: '2026-06-20' };
    expect(proxyRefusal(ok, noon, 30)).toBeNull();
    expect(proxyRefusal({ ...ok, deputyId: 'a' }, noon, 30)?.code).toBe('BUSINESS_RULE');
    expect(proxyRefusal({ ...ok, endsOn: '2026-06-01' }, noon, 30)?.message).toContain('早于');
    expect(proxyRefusal({ ...ok, startsOn: '2026-06-01', endsOn: '2026-06-09' }, noon, 30)?.message).toContain('已经过去');
    expect(proxyRefusal({ ...ok, endsOn: '2026-07-10' }, noon, 30)?.message).toContain('30天');
  });

  it('counts urges per Beijing day: 23:59 and 00:01 Beijing are two days', () => {
    expect(urgeDay(new Date('2026-06-10T15:59:00Z'))).toBe('2026-06-10');
    expect(urgeDay(new Date('2026-06-10T16:01:00Z'))).toBe('2026-06-11');
  });
});

describe('how an action meets the open tasks', () => {
  it('refuses the delegate, keeps a transferred task its new holder’s, and lets a claimed task’s colleagues act as before', () => {
    expect(actingAs(colleague, 'reviewApplication', [task({ assigneeId: 'a', delegateId: 'b' })], [], [], noon)).toMatchObject({ kind: 'refused', refusal: { code: 'DELEGATE_CANNOT_DECIDE' } });
    expect(actingAs(officer, 'reviewApplication', [task({ assigneeId: 'b', transferred: true })], [], [], noon)).toMatchObject({ kind: 'refused', refusal: { code: 'TASK_TRANSFERRED' } });
    expect(actingAs(colleague, 'reviewApplication', [task({ assigneeId: 'b', transferred: true })], [], [], noon)).toEqual({ kind: 'self' });
    expect(actingAs(officer, 'reviewApplication', [task({ assigneeId: 'b' })], [], [], noon)).toEqual({ kind: 'self' });
    // An action no task names (an objection) is not held up by a transferred review.
    expect(actingAs(officer, 'raiseObjection', [task({ assigneeId: 'b', transferred: true })], [], [], noon)).toEqual({ kind: 'self' });
  });

  it('makes a deputy act as the principal within the range, refuses them outside it, and ignores a principal with nothing open', () => {
    const held = [task({ assigneeId: 'a' })];
    expect(actingAs(sibling, 'reviewApplication', held, [proxy()], [officer], noon)).toEqual({ kind: 'deputy', principalId: 'a' });
    const later = proxy({ startsOn: '2026-06-11' });
    expect(actingAs(sibling, 'reviewApplication', held, [later], [officer], noon)).toMatchObject({ kind: 'refused', refusal: { code: 'PROXY_NOT_ACTIVE', message: expect.stringContaining('2026-06-11至2026-06-12') } });
    expect(actingAs(sibling, 'reviewApplication', [task({ assigneeId: 'b' })], [proxy()], [officer], noon)).toEqual({ kind: 'self' });
    expect(actingAs(sibling, 'reviewApplication', held, [proxy({ cancelled: true })], [officer], noon)).toEqual({ kind: 'self' });
  });
});

describe('personal steps (民主评议 votes)', () => {
  const rep = person('r', [['resident_rep', street]]);
  const otherRep = person('o', [['resident_rep', street]]);
  const vote = task({ action: 'castVote', role: 'resident_rep', assigneeId: 'r', personal: true });

  it('no one hands a personal task on, not even its holder', () => {
    expect(handlingRefusal(rep, vote)?.code).toBe('PERSONAL_TASK');
    expect(handlingRefusal(otherRep, vote, 'ccTask')).toMatchObject({ code: 'PERSONAL_TASK', message: expect.stringContaining('抄送') });
    expect(handlingRefusal(rep, vote, 'delegateTask')?.message).toContain('委派');
  });

  it('a deputy never votes for their principal, in range or not; the principal votes as themselves', () => {
    const deputyOfRep = proxy({ personId: 'r', deputyId: 'o' });
    expect(actingAs(otherRep, 'castVote', [vote], [deputyOfRep], [rep], noon)).toEqual({ kind: 'refused', refusal: expect.objectContaining({ code: 'PERSONAL_TASK' }) });
    expect(actingAs(otherRep, 'castVote', [vote], [{ ...deputyOfRep, startsOn: '2026-07-01', endsOn: '2026-07-02' }], [rep], noon).kind).toBe('refused');
    expect(actingAs(rep, 'castVote', [vote], [], [], noon)).toEqual({ kind: 'self' });
    // A deputy on the roll themselves votes their own ballot.
    const own = task({ action: 'castVote', role: 'resident_rep', assigneeId: 'o', personal: true });
    expect(actingAs(otherRep, 'castVote', [vote, own], [deputyOfRep], [rep], noon)).toEqual({ kind: 'self' });
  });

  it('the same deputy still acts for the principal on a step that is not personal', () => {
    expect(actingAs(sibling, 'reviewApplication', [task()], [proxy()], [officer], noon)).toEqual({ kind: 'deputy', principalId: 'a' });
  });
});

describe('the people picker (candidateGrant)', () => {
  const community = `${street}qindu-renmin-furong/`;
  const target = { role: 'street_office' as const, unitPath: street, recordUnitPath: community };
  const grant = (role: Actor['grants'][number]['role'], unitPath: string) => ({ role, unitPath });
  it('转交 offers the task role over its unit only; 加签 whoever reads the record; 委派/抄送 also the caller\'s own units, never a stranger\'s; 代理 a holder of one of the caller\'s roles', () => {
    expect(candidateGrant('transferTask', target, grant('street_office', street), officer.grants)).toBe(true);
    expect(candidateGrant('transferTask', target, grant('street_office', 'qindu/'), officer.grants)).toBe(true);
    expect(candidateGrant('transferTask', target, grant('auditor', street), officer.grants)).toBe(false);
    expect(candidateGrant('transferTask', target, grant('street_office', 'qindu/qindu-xilan/'), officer.grants)).toBe(false);
    expect(candidateGrant('addSigner', target, grant('resident_rep', `${community}g1/`), officer.grants)).toBe(true);
    expect(candidateGrant('addSigner', target, grant('resident_rep', `${street}qindu-renmin-yongchang/`), officer.grants)).toBe(false);
    expect(candidateGrant('ccTask', target, grant('resident_rep', `${street}qindu-renmin-yongchang/`), officer.grants)).toBe(true);
    expect(candidateGrant('delegateTask', target, grant('street_office', 'qindu/qindu-xilan/'), officer.grants)).toBe(false);
    // 代理: one of the caller's roles, on any unit; another role could act on nothing.
    expect(deputyCandidateGrant(officer.grants, grant('street_office', 'qindu/qindu-xilan/'))).toBe(true);
    expect(deputyCandidateGrant(officer.grants, grant('community', community))).toBe(false);
  });
});
