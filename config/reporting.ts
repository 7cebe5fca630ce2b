// 双向述职 configuration: every default is a figure of ../shared/DOMAIN.md
// ("Clocks and rules") and can be changed per deployment through the
// environment. A cycle reads these once, when it starts.
import { z } from 'zod';
import { blankAsUnset, defineSection, envVar, parseSection, type SectionValue } from './define';
import { DEFAULT_REPORTING_RULES as D, RATING_GRADES, ruleProblems, type RatingGrade, type ReportingRules } from '../domain/reporting';

const days = (fallback: number) => z.preprocess(blankAsUnset, z.coerce.number().int().min(0).default(fallback));
const pattern = <T>(re: RegExp, hint: string, fallback: T, parse: (m: RegExpMatchArray) => T) =>
  z.preprocess(blankAsUnset, z.string().regex(re, hint).optional()).transform((s) => (s === undefined ? fallback : parse(s.match(re)!)));

export const reportingSection = defineSection({
  reportDays: envVar({ env: 'REPORTING_REPORT_DAYS', schema: days(D.reportDays), doc: 'Working days to hand in the written report (述职报告).', example: String(D.reportDays) }),
  upwardDays: envVar({ env: 'REPORTING_UPWARD_DAYS', schema: days(D.upwardDays), doc: 'Working days of the upward step (向上述职, scoring and 质询).', example: String(D.upwardDays) }),
  downwardDays: envVar({ env: 'REPORTING_DOWNWARD_DAYS', schema: days(D.downwardDays), doc: 'Working days to hold the downward meeting (向下述职).', example: String(D.downwardDays) }),
  voteWindowDays: envVar({ env: 'REPORTING_VOTE_WINDOW_DAYS', schema: days(D.voteWindowDays), doc: 'Working days the 民主评议 vote stays open.', example: String(D.voteWindowDays) }),
  publicNoticeDays: envVar({ env: 'REPORTING_PUBLIC_NOTICE_DAYS', schema: days(D.publicNoticeDays), doc: 'Working days of the 公示 (at least 5).', example: String(D.publicNoticeDays) }),
  rectificationDays: envVar({ env: 'REPORTING_RECTIFICATION_DAYS', schema: days(D.rectificationDays), doc: 'Working days a rectification plan (整改) has.', example: String(D.rectificationDays) }),
  reminderLeadDays: envVar({ env: 'REPORTING_REMINDER_LEAD_DAYS', schema: days(D.reminderLeadDays), doc: 'Working days before a deadline when the reminder goes out.', example: String(D.reminderLeadDays) }),
  quorum: envVar({
    env: 'REPORTING_QUORUM',
    schema: pattern(/^(\d+)\/(\d+)$/, 'must be a fraction like 2/3', D.quorum, (m) => ({ numerator: Number(m[1]), denominator: Number(m[2]) })),
    doc: 'Share of the roll that must vote for the 民主评议 to count, as a fraction.',
    format: (q) => `${q.numerator}/${q.denominator}`,
    example: '2/3',
  }),
  voteReruns: envVar({ env: 'REPORTING_VOTE_RERUNS', schema: days(D.voteReruns), doc: 'How many times a vote missing quorum is re-run.', example: String(D.voteReruns) }),
  branchRule: envVar({
    env: 'REPORTING_BRANCH_RULE',
    schema: z.preprocess(blankAsUnset, z.enum(['true', 'false']).optional()).transform((v) => (v === undefined ? D.branchRule : v === 'true')),
    doc: 'Apply 支部工作条例 §11 (yes votes above half of 应到会) to the vote: true | false.',
    example: 'true',
  }),
  weights: envVar({
    env: 'REPORTING_WEIGHTS',
    schema: pattern(/^(\d+):(\d+)$/, 'must be upward:downward, e.g. 40:60', D.weights, (m) => ({ upward: Number(m[1]), downward: Number(m[2]) })),
    doc: 'Weights of the upward and downward scores in the rating, upward:downward.',
    format: (w) => `${w.upward}:${w.downward}`,
    example: '40:60',
  }),
  thresholds: envVar({
    env: 'REPORTING_THRESHOLDS',
    schema: pattern(/^(\d+),(\d+),(\d+)$/, 'must be three scores: 优秀,称职,基本称职', D.thresholds, (m) => ({ excellent: Number(m[1]), competent: Number(m[2]), basically_competent: Number(m[3]) })),
    doc: 'Lowest combined scores for 优秀, 称职 and 基本称职 (below: 不称职).',
    format: (t) => `${t.excellent},${t.competent},${t.basically_competent}`,
    example: '90,75,60',
  }),
  choicePoints: envVar({
    env: 'REPORTING_CHOICE_POINTS',
    schema: pattern(/^(\d+),(\d+),(\d+)$/, 'must be three points: 满意,基本满意,不满意', D.choicePoints, (m) => ({ satisfied: Number(m[1]), basically_satisfied: Number(m[2]), dissatisfied: Number(m[3]) })),
    doc: 'Points of a 满意, 基本满意 and 不满意 ballot in the downward score.',
    format: (p) => `${p.satisfied},${p.basically_satisfied},${p.dissatisfied}`,
    example: '100,70,0',
  }),
  rectificationGrades: envVar({
    env: 'REPORTING_RECTIFICATION_GRADES',
    schema: z
      .preprocess(blankAsUnset, z.string().optional())
      .transform((s) => (s === undefined ? D.rectificationGrades : s.split(',').map((g) => g.trim())))
      .pipe(z.array(z.enum(RATING_GRADES))),
    doc: 'Grades that open a rectification plan, comma-separated (excellent, competent, basically_competent, incompetent).',
    example: 'basically_competent,incompetent',
  }),
  yearlyStart: envVar({
    env: 'REPORTING_YEARLY_START',
    schema: pattern(/^(\d{1,2})-(\d{1,2})(?:T(\d{1,2}))?$/, 'must be MM-DD or MM-DDTHH (China time)', D.yearlyStart, (m) => ({ month: Number(m[1]), day: Number(m[2]), hour: m[3] === undefined ? 9 : Number(m[3]) })),
    doc: 'When each year\'s cycle starts by itself, MM-DDTHH in China time.',
    format: (s) => `${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}T${String(s.hour).padStart(2, '0')}`,
    example: '12-01T09',
  }),
});

export type ReportingSectionValue = SectionValue<typeof reportingSection>;

export function reportingRulesFrom(s: ReportingSectionValue): ReportingRules {
  return { ...D, ...s, rectificationGrades: s.rectificationGrades as RatingGrade[] };
}

/** The rules for a new cycle from an environment (defaults where unset). Throws on an invalid rule set. */
export function loadReportingRules(env: Record<string, string | undefined>): ReportingRules {
  const { values, lines: errors } = parseSection(reportingSection, env);
  const rules = reportingRulesFrom(values);
  errors.push(...ruleProblems(rules));
  if (errors.length > 0) throw new Error(`双向述职配置无效:\n${errors.join('\n')}`);
  return rules;
}
