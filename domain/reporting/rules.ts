// The configurable rules of 双向述职 / 民主评议. Every figure here is a default
// from ../shared/DOMAIN.md ("Clocks and rules"), overridable through
// config/reporting.ts; a cycle snapshots the rules when it starts, so a
// changed setting applies from the next cycle on and never mid-vote.

import type { RatingGrade, VoteChoice } from './terms';

/** A fraction kept as two integers, so "2/3 of the roll" never meets float rounding. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface ReportingRules {
  /** Working days the secretary has to hand in the written report (述职报告). */
  reportDays: number;
  /** Working days of the upward step (向上述职): scoring and 质询. */
  upwardDays: number;
  /** Working days to hold the downward meeting (向下述职) before the vote opens. */
  downwardDays: number;
  /** Working days the 民主评议 vote stays open. */
  voteWindowDays: number;
  /** Working days of the public notice (公示); DOMAIN: at least 5. */
  publicNoticeDays: number;
  /** Working days a rectification plan (整改) has. */
  rectificationDays: number;
  /** Working days before a deadline when the reminder goes out. */
  reminderLeadDays: number;
  /** Share of the roll that must vote for the vote to count (DOMAIN: ≥ 2/3). */
  quorum: Fraction;
  /** How many times a vote missing quorum is re-run (issue 6: once). */
  voteReruns: number;
  /**
   * 支部工作条例 §11: a resolution passes when yes votes exceed half of those
   * who should attend (应到会 = the roll), not of those present. When on, a
   * vote that fails this rule rates the secretary `verdictFailRating`.
   */
  branchRule: boolean;
  /** The choices counted as "yes" for the branch rule. */
  yesChoices: VoteChoice[];
  verdictFailRating: RatingGrade;
  /** Rating when every run of the vote missed quorum: convening the appraisal is the secretary's duty. */
  noQuorumRating: RatingGrade;
  /** Points a ballot contributes to the downward score (0–100). */
  choicePoints: Record<VoteChoice, number>;
  /** Integer weights of the two directions (e.g. 40 : 60). */
  weights: { upward: number; downward: number };
  /** Lowest combined score (0–100) for each grade; below `basically_competent` is 不称职. */
  thresholds: { excellent: number; competent: number; basically_competent: number };
  /** Grades that open a rectification plan. */
  rectificationGrades: RatingGrade[];
  /** Month (1–12) and day on which each year's cycle starts by itself, China time. */
  yearlyStart: { month: number; day: number; hour: number };
}

export const DEFAULT_REPORTING_RULES: ReportingRules = {
  reportDays: 10,
  upwardDays: 10,
  downwardDays: 10,
  voteWindowDays: 5,
  publicNoticeDays: 5,
  rectificationDays: 20,
  reminderLeadDays: 2,
  quorum: { numerator: 2, denominator: 3 },
  voteReruns: 1,
  branchRule: true,
  yesChoices: ['satisfied', 'basically_satisfied'],
  verdictFailRating: 'incompetent',
  noQuorumRating: 'incompetent',
  choicePoints: { satisfied: 100, basically_satisfied: 70, dissatisfied: 0 },
  weights: { upward: 40, downward: 60 },
  thresholds: { excellent: 90, competent: 75, basically_competent: 60 },
  rectificationGrades: ['basically_competent', 'incompetent'],
  yearlyStart: { month: 12, day: 1, hour: 9 },
};

/** Refuses rule sets that would make a vote or a rating meaningless. Returns the problems, empty when fine. */
export function ruleProblems(rules: ReportingRules): string[] {
  const problems: string[] = [];
  const days: Array<keyof ReportingRules> = ['reportDays', 'upwardDays', 'downwardDays', 'voteWindowDays', 'publicNoticeDays', 'rectificationDays'];
  for (const k of days) {
    const v = rules[k] as number;
    if (!Number.isInteger(v) || v < 1) problems.push(`${k} 必须是正整数`);
  }
  if (rules.publicNoticeDays < 5) problems.push('公示期不得少于 5 个工作日');
  if (!Number.isInteger(rules.reminderLeadDays) || rules.reminderLeadDays < 0) problems.push('reminderLeadDays 必须是非负整数');
  const q = rules.quorum;
  if (!Number.isInteger(q.numerator) || !Number.isInteger(q.denominator) || q.denominator <= 0 || q.numerator < 0 || q.numerator > q.denominator) {
    problems.push('法定人数比例必须在 0 与 1 之间');
  }
  if (!Number.isInteger(rules.voteReruns) || rules.voteReruns < 0) problems.push('voteReruns 必须是非负整数');
  const w = rules.weights;
  if (!Number.isInteger(w.upward) || !Number.isInteger(w.downward) || w.upward < 0 || w.downward < 0 || w.upward + w.downward === 0) {
    problems.push('权重必须是非负整数且不能同时为 0');
  }
  const t = rules.thresholds;
  if (!(t.excellent >= t.competent && t.competent >= t.basically_competent && t.basically_competent >= 0 && t.excellent <= 100)) {
    problems.push('评定等次分数线必须满足 优秀 ≥ 称职 ≥ 基本称职 ≥ 0');
  }
  for (const [choice, points] of Object.entries(rules.choicePoints)) {
    if (!Number.isInteger(points) || points < 0 || points > 100) problems.push(`${choice} 的分值必须在 0–100 之间`);
  }
  const s = rules.yearlyStart;
  if (s.month < 1 || s.month > 12 || s.day < 1 || s.day > 28 || s.hour < 0 || s.hour > 23) {
    problems.push('年度启动日期无效(日期取 1–28,避免短月)');
  }
  return problems;
}
