// Pure rules of 三级三轮调解: triage, access and masking, the case state
// machine's refusals, statistics and the agreement document.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access';
import {
  actionRefusal,
  applyAction,
  availableActions,
  computeStatistics,
  DEFAULT_MEDIATION_RULES,
  endOfCalendarDaysAfter,
  initialState,
  maskIdNumber,
  maskPhone,
  NOT_MEDIATED_GUIDANCE,
  notMediated,
  percentOneDecimal,
  PRE_LITIGATION_RETURN_GUIDANCE,
  personalDataVisible,
  pendingTasks,
  preLitigationExpired,
  renderAgreementDocument,
  startPreLitigation,
  roundOpened,
  termOver,
  triageCase,
  triaged,
  accessView,
  type CaseFacts,
  type MediationState,
  type TriageFacts,
} from '../../domain/mediation';
import { loadMediationRules } from '../../config/mediation';

const rules = DEFAULT_MEDIATION_RULES.triage;
const facts = (over: Partial<TriageFacts> = {}): TriageFacts => ({
  channel: 'walk_in',
  disputeType: 'neighbour',
  risk: 'low',
  amountFen: null,
  partyCount: 2,
  alreadyInLitigation: false,
  notSuitableReason: null,
  ...over,
});

describe('triage (合理分流)', () => {
  it('starts an ordinary case at the community', () => {
    expect(triageCase(facts(), rules)).toEqual({ kind: 'mediate', startLevel: 'community', highRisk: false, reasons: [] });
  });
  it('refers out types that are not for people\'s mediation, with the reason', () => {
    const d = triageCase(facts({ disputeType: 'criminal' }), rules);
    expect(d).toMatchObject({ kind: 'refer_out' });
    expect(d.kind === 'refer_out' && d.reason).toContain('公安机关');
  });
  it('refers out a case already before a court, unless the court referred it', () => {
    expect(triageCase(facts({ alreadyInLitigation: true }), rules).kind).toBe('refer_out');
    expect(triageCase(facts({ alreadyInLitigation: true, channel: 'court_referral' }), rules).kind).toBe('mediate');
  });
  it('takes the registrar\'s own finding', () => {
    expect(triageCase(facts({ notSuitableReason: '双方系同一单位内部管理事务' }), rules)).toEqual({ kind: 'refer_out', reason: '双方系同一单位内部管理事务' });
  });
  it('starts a high-risk case at the street, a high-risk group or large case at the district', () => {
    expect(triageCase(facts({ risk: 'high' }), rules)).toMatchObject({ startLevel: 'street', highRisk: true });
    expect(triageCase(facts({ risk: 'high', partyCount: 12 }), rules)).toMatchObject({ startLevel: 'district' });
    expect(triageCase(facts({ risk: 'high', amountFen: 100_000_000 }), rules)).toMatchObject({ startLevel: 'district' });
    expect(triageCase(facts({ risk: 'medium', partyCount: 50 }), rules)).toMatchObject({ startLevel: 'community' });
  });
  it('follows configuration', () => {
    const r = loadMediationRules({ MEDIATION_HIGH_RISK_START_LEVEL: 'district', MEDIATION_NOT_SUITABLE_TYPES: 'land_contract' });
    expect(triageCase(facts({ risk: 'high' }), r.triage)).toMatchObject({ startLevel: 'district' });
    expect(triageCase(facts({ disputeType: 'land_contract' }), r.triage).kind).toBe('refer_out');
    expect(triageCase(facts({ disputeType: 'criminal' }), r.triage).kind).toBe('mediate');
    expect(() => loadMediationRules({ MEDIATION_ROUND_DAYS_SIMPLE: '0' })).toThrow(/MEDIATION_ROUND_DAYS_SIMPLE/);
  });
});

const unit = (id: string, path: string, name = id) => ({ id, path, name });
const U = {
  community: unit('c1', 'd/s1/c1/', '芙蓉社区'),
  street: unit('s1', 'd/s1/', '人民路街道'),
  district: unit('d', 'd/', '秦都区'),
};
const actor = (personId: string, grants: Array<[Actor['grants'][number]['role'], string, string]>): Actor => ({
  personId,
  displayName: personId,
  grants: grants.map(([role, unitId, unitPath]) => ({ role, unitId, unitPath })),
});
const communityMediator = actor('cm', [['mediator', 'c1', 'd/s1/c1/']]);
const communityMediator2 = actor('cm2', [['mediator', 'c1', 'd/s1/c1/']]);
const streetMediator = actor('sm', [['mediator', 's1', 'd/s1/']]);
const districtMediator = actor('dm', [['mediator', 'd', 'd/']]);
const otherStreetMediator = actor('om', [['mediator', 's2', 'd/s2/']]);
const auditor = actor('au', [['auditor', 'd', 'd/']]);
const communityStaff = actor('cs', [['community', 'c1', 'd/s1/c1/']]);

function newCase(channel: CaseFacts['channel'] = 'walk_in', preLitigation = DEFAULT_MEDIATION_RULES.preLitigation): MediationState {
  const f: CaseFacts = {
    title: '楼上漏水',
    channel,
    disputeType: 'water_leak',
    risk: 'low',
    complexity: 'ordinary',
    amountFen: 320_000,
    partyCount: 2,
    place: U.community,
    units: U,
  };
  const t0 = new Date('2026-03-02T01:00:00Z');
  const s = initialState(
    { caseId: 'x', caseNo: '秦都调〔2026〕1号', facts: f, registeredBy: { personId: 'cs', displayName: 'cs' }, targetConcludeBy: t0.toISOString(), confirmationCalendarDays: 30,
      preLitigation: channel === 'court_referral' ? startPreLitigation(t0, preLitigation) : null },
    t0,
  );
  triaged(s, { kind: 'mediate', startLevel: 'community', highRisk: false, reasons: [] }, t0);
  roundOpened(s, 'community', new Date('2026-03-11T15:59:59Z'), t0);
  return s;
}
const at = new Date('2026-03-03T02:00:00Z');

describe('case actions', () => {
  it('lets only a mediator of the round\'s own unit accept', () => {
    const s = newCase();
    expect(actionRefusal(s, 'acceptCase', streetMediator, {}, at)?.code).toBe('FORBIDDEN_SCOPE');
    expect(actionRefusal(s, 'acceptCase', otherStreetMediator, {}, at)?.code).toBe('FORBIDDEN_SCOPE');
    expect(actionRefusal(s, 'acceptCase', communityStaff, {}, at)?.code).toBe('FORBIDDEN_ROLE');
    expect(actionRefusal(s, 'acceptCase', communityMediator, {}, at)).toBeNull();
  });
  it('keeps an assigned round for the assignee', () => {
    const s = newCase();
    const p = { mediatorId: 'cm2', mediatorName: 'cm2', mediatorUnitIds: ['c1'] };
    expect(actionRefusal(s, 'assignMediator', otherStreetMediator, p, at)?.code).toBe('FORBIDDEN_SCOPE');
    expect(actionRefusal(s, 'assignMediator', streetMediator, { ...p, mediatorUnitIds: ['s1'] }, at)?.code).toBe('BUSINESS_RULE');
    expect(actionRefusal(s, 'assignMediator', streetMediator, p, at)).toBeNull();
    applyAction(s, 'assignMediator', streetMediator, p, at);
    expect(actionRefusal(s, 'acceptCase', communityMediator, {}, at)?.code).toBe('FORBIDDEN_SCOPE');
    expect(actionRefusal(s, 'acceptCase', communityMediator2, {}, at)).toBeNull();
    expect(pendingTasks(s)[0]).toMatchObject({ action: 'acceptCase', assigneeId: 'cm2', unitId: 'c1' });
  });
  it('needs a session before an agreement and stamps the 30-day window', () => {
    const s = newCase();
    applyAction(s, 'acceptCase', communityMediator, {}, at);
    const agreement = { terms: '楼上住户赔偿维修费3200元', performance: '一次性支付', amountFen: 320_000, performBy: null };
    expect(actionRefusal(s, 'recordAgreement', communityMediator, agreement, at)?.code).toBe('BUSINESS_RULE');
    expect(actionRefusal(s, 'recordSession', communityMediator2, { heldOn: '2026-03-03', participants: ['甲'], summary: '首次调解' }, at)?.code).toBe('FORBIDDEN_SCOPE');
    expect(actionRefusal(s, 'recordSession', communityMediator, { heldOn: '2026-03-09', participants: ['甲'], summary: '未来' }, at)?.code).toBe('BUSINESS_RULE');
    applyAction(s, 'recordSession', communityMediator, { heldOn: '2026-03-03', participants: ['甲', '乙'], summary: '首次调解' }, at);
    expect(availableActions(s, communityMediator, at)).toEqual(expect.arrayContaining(['recordSession', 'recordAgreement', 'recordFailure', 'recordWithdrawal']));
    expect(availableActions(s, streetMediator, at)).toEqual([]);
    applyAction(s, 'recordAgreement', communityMediator, agreement, at);
    expect(s.stage).toBe('agreement');
    // 3 March (Beijing) + 30 days = end of 2 April, Beijing time.
    expect(s.agreement!.confirmationDeadline).toBe('2026-04-02T15:59:59.999Z');
    const apply = { applicants: ['张三', '李四'], court: '秦都区人民法院' };
    expect(actionRefusal(s, 'applyJudicialConfirmation', communityMediator, { ...apply, applicants: ['张三'] }, at)?.code).toBe('BUSINESS_RULE');
    expect(actionRefusal(s, 'applyJudicialConfirmation', communityMediator, apply, new Date('2026-04-02T15:00:00Z'))).toBeNull();
    expect(actionRefusal(s, 'applyJudicialConfirmation', communityMediator, apply, new Date('2026-04-02T16:00:00Z'))?.code).toBe('CONFIRMATION_WINDOW_CLOSED');
  });
  it('closes the case when a party withdraws', () => {
    const s = newCase();
    applyAction(s, 'recordWithdrawal', communityMediator, { kind: 'withdrawn', party: '申请人张三', reason: '已自行和解' }, at);
    expect(s).toMatchObject({ stage: 'closed', outcome: 'withdrawn' });
    expect(pendingTasks(s)).toEqual([]);
  });
});

describe('诉前调解 (court-referred cases)', () => {
  const agreed = { applicantAgreed: true, respondentAgreed: true, note: '双方在调解会上签字同意' };
  it('runs 30 calendar days from accepting the referral, and only for court referrals', () => {
    // Registered 09:00 Beijing on 2 March: the term ends at the end of 1 April, Beijing time.
    expect(newCase('court_referral').preLitigation).toMatchObject({ deadline: '2026-04-01T15:59:59.999Z', extensions: [], expiredAt: null });
    expect(newCase('court_referral').targetConcludeBy).toBe('2026-04-01T15:59:59.999Z');
    const plain = newCase();
    expect(plain.preLitigation).toBeNull();
    expect(actionRefusal(plain, 'extendPreLitigation', communityMediator, agreed, at)?.code).toBe('WRONG_STAGE');
    expect(availableActions(plain, communityMediator, at)).not.toContain('extendPreLitigation');
  });
  it('is extended only with both parties\' consent, by the round\'s mediator, as often as configured', () => {
    const s = newCase('court_referral');
    expect(actionRefusal(s, 'extendPreLitigation', communityMediator, { ...agreed, respondentAgreed: false }, at)?.code).toBe('BUSINESS_RULE');
    expect(actionRefusal(s, 'extendPreLitigation', communityMediator, { ...agreed, applicantAgreed: false }, at)?.code).toBe('BUSINESS_RULE');
    expect(actionRefusal(s, 'extendPreLitigation', streetMediator, agreed, at)?.code).toBe('FORBIDDEN_SCOPE');
    expect(actionRefusal(s, 'extendPreLitigation', communityStaff, agreed, at)?.code).toBe('FORBIDDEN_ROLE');
    expect(availableActions(s, communityMediator, at)).toContain('extendPreLitigation');
    applyAction(s, 'acceptCase', communityMediator, {}, at);
    expect(actionRefusal(s, 'extendPreLitigation', communityMediator2, agreed, at)?.code).toBe('FORBIDDEN_SCOPE');
    expect(actionRefusal(s, 'extendPreLitigation', communityMediator, agreed, at)).toBeNull();
    applyAction(s, 'extendPreLitigation', communityMediator, agreed, at);
    // Counted on from the old last day: 1 April + 30 days = end of 1 May.
    expect(s.preLitigation).toMatchObject({ deadline: '2026-05-01T15:59:59.999Z' });
    expect(s.preLitigation!.extensions).toEqual([expect.objectContaining({ from: '2026-04-01T15:59:59.999Z', to: '2026-05-01T15:59:59.999Z', byId: 'cm' })]);
    expect(s.targetConcludeBy).toBe('2026-05-01T15:59:59.999Z');
    expect(actionRefusal(s, 'extendPreLitigation', communityMediator, agreed, at)?.code).toBe('ALREADY_DONE');
    const twice = newCase('court_referral', { calendarDays: 30, extensionCalendarDays: 15, maxExtensions: 2 });
    applyAction(twice, 'extendPreLitigation', communityMediator, agreed, at);
    expect(actionRefusal(twice, 'extendPreLitigation', communityMediator, agreed, at)).toBeNull();
    expect(actionRefusal(newCase('court_referral', { calendarDays: 30, extensionCalendarDays: 15, maxExtensions: 0 }), 'extendPreLitigation', communityMediator, agreed, at)?.code).toBe('ALREADY_DONE');
  });
  it('refuses an extension once the term is over, from its last instant on', () => {
    const s = newCase('court_referral');
    expect(actionRefusal(s, 'extendPreLitigation', communityMediator, agreed, new Date('2026-04-01T15:59:59.998Z'))).toBeNull();
    // The term's timer fires at the deadline instant: an extension arriving
    // in the same instant must not race the return to the court.
    expect(termOver(s.preLitigation!, new Date('2026-04-01T15:59:59.999Z'))).toBe(true);
    expect(actionRefusal(s, 'extendPreLitigation', communityMediator, agreed, new Date('2026-04-01T15:59:59.999Z'))?.code).toBe('WRONG_STAGE');
    expect(actionRefusal(s, 'extendPreLitigation', communityMediator, agreed, new Date('2026-04-01T16:00:00Z'))?.code).toBe('WRONG_STAGE');
  });
  it('returns a case that fails at the district level to the court, not to litigation of the parties\' own', () => {
    const s = newCase('court_referral');
    for (const [level, mediator] of [['community', communityMediator], ['street', streetMediator], ['district', districtMediator]] as const) {
      if (level !== 'community') roundOpened(s, level, new Date('2026-03-20T15:59:59Z'), at);
      applyAction(s, 'acceptCase', mediator, {}, at);
      applyAction(s, 'recordFailure', mediator, { reason: '双方对工程款数额分歧较大' }, at);
    }
    const e = notMediated(s, at);
    expect(e.action).toBe('returnToCourt');
    expect(s).toMatchObject({ stage: 'closed', outcome: 'not_mediated' });
    expect(s.closeReason).toContain('退回人民法院');
    expect(s.guidance).toBe(PRE_LITIGATION_RETURN_GUIDANCE);
    expect(s.preLitigation).toMatchObject({ returnedAt: at.toISOString(), expiredAt: null });
    // Other channels keep the litigation/arbitration guidance.
    const plain = newCase();
    for (const [level, mediator] of [['community', communityMediator], ['street', streetMediator], ['district', districtMediator]] as const) {
      if (level !== 'community') roundOpened(plain, level, new Date('2026-03-20T15:59:59Z'), at);
      applyAction(plain, 'acceptCase', mediator, {}, at);
      applyAction(plain, 'recordFailure', mediator, { reason: '分歧较大' }, at);
    }
    expect(notMediated(plain, at).action).toBe('closeNotMediated');
    expect(plain.guidance).toBe(NOT_MEDIATED_GUIDANCE);
  });
  it('returns a case to the court when a party refuses or withdraws', () => {
    const s = newCase('court_referral');
    applyAction(s, 'acceptCase', communityMediator, {}, at);
    applyAction(s, 'recordWithdrawal', communityMediator, { kind: 'refused', party: '被申请人李四', reason: '要求法院判决' }, at);
    expect(s).toMatchObject({ stage: 'closed', outcome: 'refused', guidance: PRE_LITIGATION_RETURN_GUIDANCE });
    expect(s.closeReason).toContain('退回人民法院');
    expect(s.preLitigation!.returnedAt).toBe(at.toISOString());
    const plain = newCase();
    applyAction(plain, 'acceptCase', communityMediator, {}, at);
    applyAction(plain, 'recordWithdrawal', communityMediator, { kind: 'refused', party: '被申请人李四', reason: '不愿调解' }, at);
    expect(plain.guidance).toBeNull();
  });
  it('closes an expired case as not mediated and returns it to the court', () => {
    const s = newCase('court_referral');
    const e = preLitigationExpired(s, new Date('2026-04-01T16:00:00Z'));
    expect(e.action).toBe('returnToCourt');
    expect(s).toMatchObject({ stage: 'closed', outcome: 'not_mediated' });
    expect(s.closeReason).toContain('退回人民法院');
    expect(s.guidance).toContain('退回委派的人民法院');
    expect(s.rounds[0]).toMatchObject({ outcome: 'expired' });
    expect(s.preLitigation).toMatchObject({ expiredAt: '2026-04-01T16:00:00.000Z', returnedAt: '2026-04-01T16:00:00.000Z' });
    expect(pendingTasks(s)).toEqual([]);
    expect(actionRefusal(s, 'extendPreLitigation', communityMediator, agreed, at)?.code).toBe('WRONG_STAGE');
  });
  it('follows configuration', () => {
    const r = loadMediationRules({ MEDIATION_PRE_LITIGATION_DAYS: '20', MEDIATION_PRE_LITIGATION_EXTENSION_DAYS: '10', MEDIATION_PRE_LITIGATION_MAX_EXTENSIONS: '0' });
    expect(r.preLitigation).toEqual({ calendarDays: 20, extensionCalendarDays: 10, maxExtensions: 0 });
    expect(loadMediationRules({}).preLitigation).toEqual({ calendarDays: 30, extensionCalendarDays: 30, maxExtensions: 1 });
    expect(() => loadMediationRules({ MEDIATION_PRE_LITIGATION_DAYS: '0' })).toThrow(/MEDIATION_PRE_LITIGATION_DAYS/);
  });
});

describe('personal data', () => {
  it('is visible to the assigned mediator, supervisors and auditors only', () => {
    const s = newCase();
    applyAction(s, 'acceptCase', communityMediator, {}, at);
    const v = accessView(s);
    expect(personalDataVisible(communityMediator, v)).toBe(true);
    expect(personalDataVisible(streetMediator, v)).toBe(true);
    expect(personalDataVisible(auditor, v)).toBe(true);
    expect(personalDataVisible(communityMediator2, v)).toBe(false);
    expect(personalDataVisible(communityStaff, v)).toBe(false);
    expect(personalDataVisible(otherStreetMediator, v)).toBe(false);
  });
  it('masks phone and ID numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('610402199001011234')).toBe('610402********1234');
    expect(maskPhone(null)).toBeNull();
  });
});

describe('statistics', () => {
  it('counts, rates and medians exactly', () => {
    const r = (level: 'community' | 'street' | 'district', h: number) => ({
      level,
      startedAt: '2026-01-05T00:00:00Z',
      endedAt: new Date(Date.parse('2026-01-05T00:00:00Z') + h * 3600_000).toISOString(),
    });
    const s = computeStatistics([
      { registeredAt: '2026-01-05T00:00:00Z', channel: 'walk_in', disputeType: 'noise', finalLevel: 'community', outcome: 'agreement', judicialStatus: 'confirmed', rounds: [r('community', 10)] },
      { registeredAt: '2026-01-05T00:00:00Z', channel: 'hotline_12345', disputeType: 'noise', finalLevel: 'street', outcome: 'agreement', judicialStatus: 'expired', rounds: [r('community', 20), r('street', 5)] },
      { registeredAt: '2026-01-05T00:00:00Z', channel: 'walk_in', disputeType: 'labour', finalLevel: 'district', outcome: 'not_mediated', judicialStatus: null, rounds: [r('community', 30), r('street', 7), r('district', 9)] },
      { registeredAt: '2026-01-05T00:00:00Z', channel: 'police_referral', disputeType: 'criminal', finalLevel: null, outcome: 'referred_out', judicialStatus: null, rounds: [] },
      { registeredAt: '2026-01-05T00:00:00Z', channel: 'online', disputeType: 'heating', finalLevel: 'community', outcome: null, judicialStatus: null, rounds: [{ level: 'community', startedAt: '2026-01-05T00:00:00Z', endedAt: null }] },
    ]);
    expect(s).toMatchObject({
      total: 5,
      mediated: 2,
      concluded: 3,
      successRatePercent: '66.7',
      judicialConfirmations: { applied: 1, confirmed: 1, notConfirmed: 0 },
      medianRoundHours: { community: 20, street: 6, district: 9 },
      byLevel: { community: 2, street: 1, district: 1 },
    });
    expect(s.byChannel.walk_in).toBe(2);
    expect(s.byOutcome.in_progress).toBe(1);
    expect(percentOneDecimal(4, 5)).toBe('80.0');
    expect(percentOneDecimal(1949, 2436)).toBe('80.0');
  });
});

describe('agreement document', () => {
  it('renders the 人民调解协议书 with escaped text and the confirmation deadline', () => {
    const html = renderAgreementDocument({
      caseNo: '秦都调〔2026〕1号',
      title: '楼上漏水',
      disputeType: 'water_leak',
      level: 'community',
      committeeName: '芙蓉社区人民调解委员会',
      mediatorName: '王伟',
      parties: [
        { role: 'applicant', name: '张三', idNumber: '610402199001011234', address: null },
        { role: 'respondent', name: '李<四>', idNumber: null, address: '3号楼' },
      ],
      facts: '楼上卫生间漏水',
      terms: '赔偿维修费',
      performance: '一次性支付',
      amountFen: 320_050,
      performBy: '2026-03-20',
      effectiveDate: '2026-03-03',
      confirmationDeadlineDate: '2026-04-02',
    });
    expect(html).toContain('人民调解协议书');
    expect(html).toContain('李&lt;四&gt;');
    expect(html).toContain('人民币3,200.50元');
    expect(html).toContain('2026年4月2日');
  });
  it('counts 30 calendar days in Beijing time', () => {
    // 23:30 Beijing on 31 Jan is already 31 Jan there: the window ends on 2 March.
    expect(endOfCalendarDaysAfter(new Date('2026-01-31T15:30:00Z'), 30).toISOString()).toBe('2026-03-02T15:59:59.999Z');
  });
});
