import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REPORTING_RULES as R,
  branchVerdict,
  closeVoteRound,
  combineScores,
  cycleStartFor,
  downwardScoreCenti,
  gradeFor,
  nextScheduledYear,
  quorumMet,
  quorumNeeded,
  rateReport,
  ruleProblems,
  tallyBallots,
  upwardScoreCenti,
} from '../../domain/reporting';

describe('民主评议 quorum (≥ 2/3 of the roll)', () => {
  it('counts exactly two thirds as quorate and one fewer as not', () => {
    expect(quorumMet(6, 9, R.quorum)).toBe(true);
    expect(quorumMet(5, 9, R.quorum)).toBe(false);
    expect(quorumMet(7, 10, R.quorum)).toBe(true);
    expect(quorumMet(6, 10, R.quorum)).toBe(false);
    expect(quorumNeeded(10, R.quorum)).toBe(7);
    expect(quorumNeeded(9, R.quorum)).toBe(6);
  });
  it('never treats an empty roll as quorate', () => {
    expect(quorumMet(0, 0, R.quorum)).toBe(false);
  });
});

describe('branch rule (支部工作条例 §11): yes votes above half of 应到会', () => {
  it('measures against the roll, not those present', () => {
    // 10 on the roll, 7 voted, 5 yes: 5 is not above half of 10.
    const t = tallyBallots(['satisfied', 'satisfied', 'basically_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'dissatisfied']);
    expect(branchVerdict(t, 10, R.yesChoices)).toMatchObject({ yes: 5, needed: 6, passed: false });
    expect(branchVerdict(t, 9, R.yesChoices)).toMatchObject({ yes: 5, needed: 5, passed: true });
  });
});

describe('closing a round', () => {
  const rules = R;
  it('re-runs once when quorum is missed, then fails', () => {
    const tally = tallyBallots(['satisfied']);
    expect(closeVoteRound({ tally, rollSize: 3, round: 1, rules })).toMatchObject({ kind: 'no_quorum', rerun: true });
    expect(closeVoteRound({ tally, rollSize: 3, round: 2, rules })).toMatchObject({ kind: 'no_quorum', rerun: false });
  });
  it('counts a quorate round and applies the branch rule when configured', () => {
    const tally = tallyBallots(['satisfied', 'dissatisfied']);
    const counted = closeVoteRound({ tally, rollSize: 3, round: 1, rules });
    expect(counted).toMatchObject({ kind: 'counted', verdict: { passed: false } });
    const noBranch = closeVoteRound({ tally, rollSize: 3, round: 1, rules: { ...rules, branchRule: false } });
    expect(noBranch).toMatchObject({ kind: 'counted', verdict: null });
  });
});

describe('scores and rating', () => {
  it('keeps scores exact in hundredths', () => {
    expect(upwardScoreCenti([90, 85, 88])).toBe(8767);
    expect(downwardScoreCenti(tallyBallots(['satisfied', 'basically_satisfied', 'dissatisfied']), R.choicePoints)).toBe(5667);
    expect(combineScores(9000, 8000, { upward: 40, downward: 60 })).toBe(8400);
  });
  it('grades by thresholds', () => {
    expect(gradeFor(9000, R.thresholds)).toBe('excellent');
    expect(gradeFor(8999, R.thresholds)).toBe('competent');
    expect(gradeFor(6000, R.thresholds)).toBe('basically_competent');
    expect(gradeFor(5999, R.thresholds)).toBe('incompetent');
  });
  it('rates a good year 优秀 without rectification', () => {
    const vote = closeVoteRound({ tally: tallyBallots(['satisfied', 'satisfied', 'satisfied']), rollSize: 3, round: 1, rules: R });
    const r = rateReport({ upwardScores: [95, 90], vote, rules: R });
    expect(r).toMatchObject({ upwardCenti: 9250, downwardCenti: 10000, combinedCenti: 9700, grade: 'excellent', needsRectification: false });
  });
  it('rates a failed branch vote 不称职 and opens rectification, whatever the score', () => {
    const vote = closeVoteRound({ tally: tallyBallots(['satisfied', 'dissatisfied', 'dissatisfied']), rollSize: 3, round: 1, rules: R });
    const r = rateReport({ upwardScores: [100], vote, rules: R });
    expect(r.grade).toBe('incompetent');
    expect(r.needsRectification).toBe(true);
    expect(r.reason).toContain('应到会');
  });
  it('rates a vote that never reached quorum by the no-quorum rule', () => {
    const vote = closeVoteRound({ tally: tallyBallots([]), rollSize: 3, round: 2, rules: R });
    expect(rateReport({ upwardScores: [90], vote, rules: R })).toMatchObject({ grade: 'incompetent', downwardCenti: null });
  });
});

describe('rules and schedule', () => {
  it('accepts the defaults and refuses a short 公示 or a bad quorum', () => {
    expect(ruleProblems(R)).toEqual([]);
    expect(ruleProblems({ ...R, publicNoticeDays: 3 })).toHaveLength(1);
    expect(ruleProblems({ ...R, quorum: { numerator: 4, denominator: 3 } })).toHaveLength(1);
  });
  it('starts the cycle on the configured day in China time and picks the next year once it has passed', () => {
    const start = cycleStartFor(2025, R.yearlyStart);
    expect(start.toISOString()).toBe('2025-12-01T01:00:00.000Z');
    expect(nextScheduledYear(new Date('2025-06-01T00:00:00Z'), R.yearlyStart)).toBe(2025);
    expect(nextScheduledYear(new Date('2025-12-01T01:00:00Z'), R.yearlyStart)).toBe(2026);
    expect(nextScheduledYear(new Date('2025-06-01T00:00:00Z'), R.yearlyStart, 2027)).toBe(2027);
  });
});

describe('configuration from the environment', () => {
  it('uses DOMAIN.md defaults and reads overrides', async () => {
    const { loadReportingRules } = await import('../../config/reporting');
    expect(loadReportingRules({})).toEqual(R);
    const rules = loadReportingRules({ REPORTING_QUORUM: '3/4', REPORTING_WEIGHTS: '50:50', REPORTING_BRANCH_RULE: 'false', REPORTING_YEARLY_START: '01-10T08', REPORTING_RECTIFICATION_GRADES: 'incompetent' });
    expect(rules).toMatchObject({ quorum: { numerator: 3, denominator: 4 }, weights: { upward: 50, downward: 50 }, branchRule: false, yearlyStart: { month: 1, day: 10, hour: 8 }, rectificationGrades: ['incompetent'] });
  });
  it('refuses a 公示 shorter than 5 working days and malformed values', async () => {
    const { loadReportingRules } = await import('../../config/reporting');
    expect(() => loadReportingRules({ REPORTING_PUBLIC_NOTICE_DAYS: '3' })).toThrow(/公示期不得少于 5 个工作日/);
    expect(() => loadReportingRules({ REPORTING_QUORUM: 'two thirds' })).toThrow(/REPORTING_QUORUM/);
  });
});
