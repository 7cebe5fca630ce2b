// 党建项目化管理 configuration. Every default is a figure of
// ../shared/DOMAIN.md or a seed (domain/project/rules.ts); a deployment
// overrides them through the environment. A project reads them once, when it
// is created, and keeps them for its whole life.
import { z } from 'zod';
import { blankAsUnset, defineSection, envVar, parseSection, type SectionValue } from './define';
import { costSharingProblem, type CostShare } from '../domain/project/cost-sharing';
import { DEFAULT_PROJECT_RULES as D, type ProjectRules } from '../domain/project/rules';

const int = (fallback: number) => z.preprocess(blankAsUnset, z.coerce.number().int().min(0).default(fallback));
type DueKey = keyof ProjectRules['dueWorkingDays'];

export const projectSection = defineSection({
  yearlyFundCapFen: envVar({ env: 'PROJECT_YEARLY_FUND_CAP_FEN', schema: int(D.yearlyFundCapFen), doc: "A community's yearly project fund cap in fen (default 20万元 = 20000000).", example: String(D.yearlyFundCapFen) }),
  districtApprovalThresholdFen: envVar({ env: 'PROJECT_DISTRICT_APPROVAL_THRESHOLD_FEN', schema: int(D.districtApprovalThresholdFen), doc: 'Budgets above this (fen) also need district_org approval.', example: String(D.districtApprovalThresholdFen) }),
  noticeWorkingDays: envVar({ env: 'PROJECT_NOTICE_WORKING_DAYS', schema: int(D.noticeWorkingDays), doc: 'Working days of the 公示 after approval (at least 5).', example: String(D.noticeWorkingDays) }),
  escalateAfterWorkingDays: envVar({ env: 'PROJECT_ESCALATE_AFTER_WORKING_DAYS', schema: int(D.escalateAfterWorkingDays), doc: 'Working days after a missed due date before the step escalates to the supervising unit.', example: String(D.escalateAfterWorkingDays) }),
  dueWorkingDays: envVar({
    env: 'PROJECT_DUE_WORKING_DAYS',
    schema: z
      .preprocess(blankAsUnset, z.string().regex(/^(\w+=\d+)(,\w+=\d+)*$/, 'must be action=days,action=days').optional())
      .transform((s) => {
        const out = { ...D.dueWorkingDays };
        for (const pair of s ? s.split(',') : []) {
          const [k, v] = pair.split('=');
          if (Object.hasOwn(out, k)) out[k as DueKey] = Number(v);
        }
        return out;
      }),
    doc: 'Overrides of the working days per waiting step, e.g. "reviewApplication=5,releaseFunds=3".',
    format: (days) => Object.entries(days).map(([action, n]) => `${action}=${n}`).join(','),
    example: 'reviewApplication=5,verifyMilestone=5',
  }),
  defaultCostSharing: envVar({
    env: 'PROJECT_COST_SHARING',
    schema: z
      .preprocess(blankAsUnset, z.string().regex(/^([a-z_]+:[^:,]+:\d+)(,[a-z_]+:[^:,]+:\d+)*$/, 'must be party:label:weight,…').optional())
      .transform((s): CostShare[] => (s ? s.split(',').map((p) => { const [party, label, weight] = p.split(':'); return { party, label, weight: Number(weight) }; }) : D.defaultCostSharing)),
    doc: 'Default cost-sharing ratio of new projects, e.g. "city:市级:3,district:区级:3,street:街道:4".',
    format: (shares) => shares.map((s) => `${s.party}:${s.label}:${s.weight}`).join(','),
    example: 'city:市级:3,district:区级:3,street:街道:4',
  }),
  ratingThresholds: envVar({
    env: 'PROJECT_RATING_THRESHOLDS',
    schema: z
      .preprocess(blankAsUnset, z.string().regex(/^\d+,\d+,\d+$/, 'must be 优秀,良好,合格 minimum scores').optional())
      .transform((s) => { if (!s) return D.ratingThresholds; const [excellent, good, pass] = s.split(',').map(Number); return { excellent, good, pass }; }),
    doc: 'Lowest weighted acceptance scores for 优秀, 良好 and 合格 (below: 不合格).',
    format: (t) => `${t.excellent},${t.good},${t.pass}`,
    example: '90,80,60',
  }),
  suggestedRewardFen: envVar({
    env: 'PROJECT_SUGGESTED_REWARD_FEN',
    schema: z
      .preprocess(blankAsUnset, z.string().regex(/^\d+,\d+,\d+$/, 'must be three amounts in fen: 优秀,良好,合格').optional())
      .transform((s) => { if (!s) return D.suggestedRewardFen; const [excellent, good, pass] = s.split(',').map(Number); return { excellent, good, pass, fail: 0 }; }),
    doc: '以奖代补 amounts suggested for 优秀, 良好 and 合格 (fen).',
    format: (r) => `${r.excellent},${r.good},${r.pass}`,
    example: '2000000,1000000,0',
  }),
});

export type ProjectSectionValue = SectionValue<typeof projectSection>;

/** Rule problems of a parsed section, one line each (empty when valid). */
export function projectRuleProblems(rules: ProjectRules): string[] {
  const errors: string[] = [];
  const sharing = costSharingProblem(rules.defaultCostSharing);
  if (sharing) errors.push(`PROJECT_COST_SHARING: ${sharing}`);
  if (rules.noticeWorkingDays < 5) errors.push('PROJECT_NOTICE_WORKING_DAYS: 公示期不得少于5个工作日');
  const t = rules.ratingThresholds;
  if (!(t.excellent >= t.good && t.good >= t.pass)) errors.push('PROJECT_RATING_THRESHOLDS: 必须满足 优秀 ≥ 良好 ≥ 合格');
  return errors;
}

export function projectRulesFrom(values: ProjectSectionValue): ProjectRules {
  return { ...D, ...values };
}

/** The rules for a new project from an environment (defaults where unset). Throws on an invalid set. */
export function loadProjectRules(env: Record<string, string | undefined>): ProjectRules {
  const { values, lines: errors } = parseSection(projectSection, env);
  const rules = projectRulesFrom(values);
  errors.push(...projectRuleProblems(rules));
  if (errors.length > 0) throw new Error(`党建项目配置无效:\n${errors.join('\n')}`);
  return rules;
}
