import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access';
import { actionRefusal } from '../../domain/project/actions';
import { applicationProblems, checkFundCap, needsDistrictApproval, type ProjectApplication } from '../../domain/project/application';
import { DEFAULT_COST_SHARING, splitByCostSharing } from '../../domain/project/cost-sharing';
import { changeProposalProblems } from '../../domain/project/input-checks';
import { formatYuan } from '../../domain/project/money';
import { derivePendingSteps } from '../../domain/project/pending';
import { DEFAULT_PROJECT_RULES } from '../../domain/project/rules';
import { DEFAULT_CRITERIA, DEFAULT_RATING_THRESHOLDS, rateScores } from '../../domain/project/scoring';
import { initialProjectState, type ProjectState } from '../../domain/project/state';

describe('splitByCostSharing (资金分担)', () => {
  it('splits 3:3:4 exactly when the amount divides', () => {
    expect(splitByCostSharing(1_000_000, DEFAULT_COST_SHARING).map((l) => l.amountFen)).toEqual([300_000, 300_000, 400_000]);
  });

  it('gives the rounding fen to the largest remainders and always sums to the amount', () => {
    // 1 fen × 3/10 = 0.3, × 3/10 = 0.3, × 4/10 = 0.4 → the street takes it.
    expect(splitByCostSharing(1, DEFAULT_COST_SHARING).map((l) => l.amountFen)).toEqual([0, 0, 1]);
    // 10001: 3000.3, 3000.3, 4000.4 → street gets the extra fen.
    expect(splitByCostSharing(10_001, DEFAULT_COST_SHARING).map((l) => l.amountFen)).toEqual([3000, 3000, 4001]);
    // equal weights, 2 leftover fen → the first two parties (ties go to the order given).
    const thirds = [
      { party: 'a', label: 'A', weight: 1 },
      { party: 'b', label: 'B', weight: 1 },
      { party: 'c', label: 'C', weight: 1 },
    ];
    expect(splitByCostSharing(100, thirds).map((l) => l.amountFen)).toEqual([34, 33, 33]);
    expect(splitByCostSharing(101, thirds).map((l) => l.amountFen)).toEqual([34, 34, 33]);
  });

  it('balances for many amounts and ratios, including huge ones', () => {
    const ratios = [[3, 3, 4], [1, 2], [7, 11, 13, 17], [1], [999_983, 1]];
    for (const weights of ratios) {
      const shares = weights.map((w, i) => ({ party: `p${i}`, label: `P${i}`, weight: w }));
      for (const amount of [0, 1, 2, 3, 7, 99, 12_345, 9_999_999, 123_456_789, Number.MAX_SAFE_INTEGER]) {
        const lines = splitByCostSharing(amount, shares);
        expect(lines.reduce((s, l) => s + l.amountFen, 0)).toBe(amount);
        for (const l of lines) expect(Number.isSafeInteger(l.amountFen) && l.amountFen >= 0).toBe(true);
      }
    }
  });

  it('refuses fractional amounts and bad ratios', () => {
    expect(() => splitByCostSharing(1.5, DEFAULT_COST_SHARING)).toThrow(RangeError);
    expect(() => splitByCostSharing(-1, DEFAULT_COST_SHARING)).toThrow(RangeError);
    expect(() => splitByCostSharing(100, [])).toThrow(RangeError);
    expect(() => splitByCostSharing(100, [{ party: 'a', label: 'A', weight: 0 }])).toThrow(RangeError);
  });
});

describe('scoring (验收评分)', () => {
  const all = (n: number) => Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.key, n]));
  it('rates by weighted score into 优秀/良好/合格/不合格', () => {
    expect(rateScores(DEFAULT_CRITERIA, all(95), DEFAULT_RATING_THRESHOLDS).rating).toBe('excellent');
    expect(rateScores(DEFAULT_CRITERIA, all(90), DEFAULT_RATING_THRESHOLDS).rating).toBe('excellent');
    expect(rateScores(DEFAULT_CRITERIA, all(85), DEFAULT_RATING_THRESHOLDS).rating).toBe('good');
    expect(rateScores(DEFAULT_CRITERIA, all(60), DEFAULT_RATING_THRESHOLDS).rating).toBe('pass');
    expect(rateScores(DEFAULT_CRITERIA, all(59), DEFAULT_RATING_THRESHOLDS).rating).toBe('fail');
  });
  it('weights the criteria exactly (no floating point)', () => {
    // 40×100 + 20×50 + 25×80 + 15×70 = 8050 → 80.50 points → 良好
    const r = rateScores(DEFAULT_CRITERIA, { goals: 100, funds: 50, satisfaction: 80, records: 70 }, DEFAULT_RATING_THRESHOLDS);
    expect(r).toEqual({ totalCentiPoints: 8050, rating: 'good' });
  });
  it('refuses incomplete or out-of-range sheets', () => {
    expect(() => rateScores(DEFAULT_CRITERIA, { goals: 100 }, DEFAULT_RATING_THRESHOLDS)).toThrow(/缺少评分项/);
    expect(() => rateScores(DEFAULT_CRITERIA, { ...all(80), goals: 101 }, DEFAULT_RATING_THRESHOLDS)).toThrow(/0–100/);
  });
});

const app = (over: Partial<ProjectApplication> = {}): ProjectApplication => ({
  title: '红色物业共建',
  category: 'community_service',
  goals: '改善小区环境',
  budgetFen: 3_000_000,
  finalPaymentFen: 500_000,
  milestones: [
    { title: '方案与采购', amountFen: 1_000_000, dueDate: '2026-03-31' },
    { title: '施工完成', amountFen: 1_500_000, dueDate: '2026-06-30' },
  ],
  costSharing: [...DEFAULT_COST_SHARING],
  ...over,
});

describe('application and budget rules', () => {
  it('accepts a consistent application', () => {
    expect(applicationProblems(app())).toEqual([]);
  });
  it('requires milestones plus final payment to equal the budget', () => {
    expect(applicationProblems(app({ budgetFen: 3_000_001 })).join()).toMatch(/必须等于项目预算/);
  });
  it('checks dates and amounts', () => {
    const problems = applicationProblems(app({ milestones: [{ title: 'x', amountFen: 0, dueDate: '2026-02-30' }] }));
    expect(problems.join()).toMatch(/金额/);
    expect(problems.join()).toMatch(/日期无效/);
  });
  it('needs district approval strictly above the threshold', () => {
    expect(needsDistrictApproval(5_000_000, 5_000_000)).toBe(false);
    expect(needsDistrictApproval(5_000_001, 5_000_000)).toBe(true);
  });
  it('refuses a reservation beyond the yearly cap, accepts exactly the cap', () => {
    expect(checkFundCap(20_000_000, 15_000_000, 5_000_000).ok).toBe(true);
    expect(checkFundCap(20_000_000, 15_000_000, 5_000_001).ok).toBe(false);
  });
  it('formats yuan for people', () => {
    expect(formatYuan(20_000_000)).toBe('200,000.00元');
    expect(formatYuan(5)).toBe('0.05元');
  });
});

function baseState(over: Partial<ProjectState> = {}): ProjectState {
  return {
    ...initialProjectState({
      projectId: 'p1',
      workflowId: 'project-p1',
      year: 2026,
      community: { id: 'c1', path: 'd/s/c1/', name: '文化社区' },
      street: { id: 's', path: 'd/s/', name: '街道' },
      district: { id: 'd', path: 'd/', name: '区' },
      applicantId: 'u1',
      application: app(),
    }),
    ...over,
  };
}

function withPending(s: ProjectState): ProjectState {
  s.pending = derivePendingSteps(s).map((p) => ({ ...p, dueAt: null, escalateAt: null, remindedAt: null, escalatedAt: null }));
  return s;
}

const actor = (role: Actor['grants'][number]['role'], unitPath: string): Actor => ({
  personId: 'x',
  displayName: 'X',
  grants: [{ role, unitId: unitPath, unitPath }],
});

describe('actionRefusal', () => {
  const s = withPending(baseState());
  const review = { decision: 'approve', comment: '' } as const;
  it('lets the street office over the community review', () => {
    expect(actionRefusal(s, 'reviewApplication', actor('street_office', 'd/s/'), review)).toBeNull();
  });
  it('refuses a wrong role, a sibling unit and a wrong stage', () => {
    expect(actionRefusal(s, 'reviewApplication', actor('community', 'd/s/c1/'), review)?.code).toBe('FORBIDDEN_ROLE');
    expect(actionRefusal(s, 'reviewApplication', actor('street_office', 'd/s2/'), review)?.code).toBe('FORBIDDEN_SCOPE');
    expect(actionRefusal(s, 'reportMilestone', actor('community', 'd/s/c1/'), { milestoneSeq: 1, summary: 'x', evidence: [] })?.code).toBe('WRONG_STAGE');
  });
  it('refuses paying a request twice as ALREADY_DONE', () => {
    const paid = withPending(
      baseState({
        stage: 'implementation',
        approvalStep: null,
        disbursements: [{ id: 'd1', kind: 'milestone', payableKey: 'milestone-1', milestoneSeq: 1, amountFen: 1, attempt: 1, status: 'released', requestedAt: '', decidedAt: '', voucherNo: 'V1', returnReason: null }],
      }),
    );
    expect(actionRefusal(paid, 'releaseFunds', actor('finance', 'd/'), { disbursementId: 'd1', voucherNo: 'V2' })?.code).toBe('ALREADY_DONE');
  });
  it('takes objections only from representatives of the community (or its grids)', () => {
    const notice = withPending(baseState({ stage: 'notice', approvalStep: null }));
    expect(actionRefusal(notice, 'raiseObjection', actor('resident_rep', 'd/s/c1/'), { content: 'x' })).toBeNull();
    expect(actionRefusal(notice, 'raiseObjection', actor('grid_worker', 'd/s/c1/g1/'), { content: 'x' })).toBeNull();
    expect(actionRefusal(notice, 'raiseObjection', actor('resident_rep', 'd/s/c2/'), { content: 'x' })?.code).toBe('FORBIDDEN_SCOPE');
    expect(actionRefusal(s, 'raiseObjection', actor('resident_rep', 'd/s/c1/'), { content: 'x' })?.code).toBe('WRONG_STAGE');
  });
});

describe('change proposals', () => {
  it('may not alter a milestone that was already reported or paid', () => {
    const s = baseState({
      stage: 'implementation',
      milestones: [
        { title: '方案与采购', amountFen: 1_000_000, dueDate: '2026-03-31', seq: 1, status: 'paid', reports: [], rejections: 0, overdueSince: null },
        { title: '施工完成', amountFen: 1_500_000, dueDate: '2026-06-30', seq: 2, status: 'pending', reports: [], rejections: 0, overdueSince: null },
      ],
      paidFen: 1_000_000,
    });
    const ok = { budgetFen: 3_500_000, finalPaymentFen: 500_000, milestones: [s.milestones[0], { title: '施工完成', amountFen: 2_000_000, dueDate: '2026-07-31' }] };
    expect(changeProposalProblems(s, ok)).toEqual([]);
    const bad = { ...ok, budgetFen: 3_400_000, milestones: [{ ...s.milestones[0], amountFen: 900_000 }, ok.milestones[1]] };
    expect(changeProposalProblems(s, bad).join()).toMatch(/不能修改或删除/);
  });
});

describe('default rules', () => {
  it('match DOMAIN.md: 20万元 cap, 5 working days of 公示', () => {
    expect(DEFAULT_PROJECT_RULES.yearlyFundCapFen).toBe(20_000_000);
    expect(DEFAULT_PROJECT_RULES.noticeWorkingDays).toBe(5);
  });
});
