// 立项申请: what a community applies with, and the checks every layer runs on
// it (API before starting the workflow, the workflow's validators on
// resubmission and change requests).

import { isLocalDate } from '../calendar/dates';
import { costSharingProblem, type CostShare } from './cost-sharing';
import { formatYuan, isFen } from './money';

export const PROJECT_CATEGORIES = {
  party_education: '党员教育',
  community_service: '为民服务',
  grid_governance: '网格治理',
  culture: '文化建设',
  volunteer: '志愿服务',
  other: '其他',
} as const;
export type ProjectCategory = keyof typeof PROJECT_CATEGORIES;

export interface MilestonePlan {
  title: string;
  amountFen: number;
  /** Calendar date "YYYY-MM-DD" (Asia/Shanghai) by which the milestone is reported. */
  dueDate: string;
}

export interface ProjectApplication {
  title: string;
  category: ProjectCategory;
  goals: string;
  budgetFen: number;
  milestones: MilestonePlan[];
  /** 尾款: paid only after acceptance passes. Budget = Σ milestones + final payment. */
  finalPaymentFen: number;
  costSharing: CostShare[];
}

export const MAX_MILESTONES = 20;


/**
 * The milestones due before the project's funding year: a project of 2026
 * cannot plan work due in 1999. Returns their indexes.
 */
export function milestonesDueBeforeYear(app: Pick<ProjectApplication, 'milestones'>, year: number): number[] {
  const first = `${String(year).padStart(4, '0')}-01-01`;
  return app.milestones.flatMap((m, i) => (m.dueDate < first ? [i] : []));
}

/** Every reason the application cannot be accepted (empty when it can). */
export function applicationProblems(app: ProjectApplication): string[] {
  const problems: string[] = [];
  if (!app.title.trim()) problems.push('项目名称不能为空');
  if (!app.goals.trim()) problems.push('项目目标不能为空');
  if (!isFen(app.budgetFen) || app.budgetFen <= 0) problems.push('项目预算必须为正整数(单位:分)');
  if (!isFen(app.finalPaymentFen)) problems.push('尾款必须为非负整数(单位:分)');
  if (app.milestones.length === 0) problems.push('至少需要一个实施节点');
  if (app.milestones.length > MAX_MILESTONES) problems.push(`实施节点不能超过${MAX_MILESTONES}个`);
  app.milestones.forEach((m, i) => {
    if (!m.title.trim()) problems.push(`第${i + 1}个节点名称不能为空`);
    if (!isFen(m.amountFen) || m.amountFen <= 0) problems.push(`第${i + 1}个节点金额必须为正整数(单位:分)`);
    if (!isLocalDate(m.dueDate)) problems.push(`第${i + 1}个节点完成日期无效:${m.dueDate}`);
  });
  const sum = app.milestones.reduce((s, m) => s + m.amountFen, 0) + app.finalPaymentFen;
  if (problems.length === 0 && sum !== app.budgetFen) {
    problems.push(`节点金额与尾款之和(${formatYuan(sum)})必须等于项目预算(${formatYuan(app.budgetFen)})`);
  }
  const sharing = costSharingProblem(app.costSharing);
  if (sharing) problems.push(sharing);
  return problems;
}

export function needsDistrictApproval(budgetFen: number, thresholdFen: number): boolean {
  return budgetFen > thresholdFen;
}

export interface FundCapCheck {
  ok: boolean;
  capFen: number;
  /** Already reserved this year by other projects of the community. */
  reservedFen: number;
  requestedFen: number;
  remainingFen: number;
}

/**
 * 年度资金上限: the community's reservations for the year plus this request
 * may not exceed the cap. `reservedFen` must not include this project's own
 * current reservation (a change request asks for the new total).
 */
export function checkFundCap(capFen: number, reservedFen: number, requestedFen: number): FundCapCheck {
  const remainingFen = capFen - reservedFen;
  return { ok: requestedFen <= remainingFen, capFen, reservedFen, requestedFen, remainingFen };
}

export function fundCapMessage(check: FundCapCheck): string {
  return `超出社区年度项目资金上限:上限${formatYuan(check.capFen)},已占用${formatYuan(check.reservedFen)},剩余${formatYuan(Math.max(0, check.remainingFen))},本次申请${formatYuan(check.requestedFen)}`;
}
