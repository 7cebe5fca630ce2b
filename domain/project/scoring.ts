// 验收评分: the street office scores the completion report against weighted
// criteria. Weights are integer percentages summing to 100 and scores are
// integers 0–100, so the weighted total is kept in hundredths of a point
// (Σ weight × score) and compared without floating point.

export const PROJECT_RATINGS = ['excellent', 'good', 'pass', 'fail'] as const;
export type ProjectRating = (typeof PROJECT_RATINGS)[number];

export const RATING_LABELS: Record<ProjectRating, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

export interface AcceptanceCriterion {
  key: string;
  label: string;
  /** Percentage weight; all weights sum to 100. */
  weight: number;
}

/** Minimum weighted score (in points, 0–100) for each passing grade. */
export interface RatingThresholds {
  excellent: number;
  good: number;
  pass: number;
}

export const DEFAULT_CRITERIA: readonly AcceptanceCriterion[] = [
  { key: 'goals', label: '目标完成情况', weight: 40 },
  { key: 'funds', label: '资金使用规范', weight: 20 },
  { key: 'satisfaction', label: '群众满意度', weight: 25 },
  { key: 'records', label: '资料台账完整', weight: 15 },
];

export const DEFAULT_RATING_THRESHOLDS: RatingThresholds = { excellent: 90, good: 80, pass: 60 };

export function criteriaProblem(criteria: readonly AcceptanceCriterion[]): string | null {
  if (criteria.length === 0) return '验收评分标准不能为空';
  const keys = new Set(criteria.map((c) => c.key));
  if (keys.size !== criteria.length) return '验收评分标准重复';
  if (criteria.some((c) => !Number.isInteger(c.weight) || c.weight <= 0)) return '权重必须为正整数';
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  if (sum !== 100) return `权重之和必须为100,当前为${sum}`;
  return null;
}

export interface ScoreResult {
  /** Weighted total in hundredths of a point: 8650 means 86.50 points. */
  totalCentiPoints: number;
  rating: ProjectRating;
}

/** Why a score sheet cannot be accepted, or null. */
export function scoreSheetProblem(
  criteria: readonly AcceptanceCriterion[],
  scores: Record<string, number>,
): string | null {
  for (const c of criteria) {
    const s = scores[c.key];
    if (s === undefined) return `缺少评分项:${c.label}`;
    if (!Number.isInteger(s) || s < 0 || s > 100) return `评分必须为0–100的整数:${c.label}`;
  }
  const unknown = Object.keys(scores).filter((k) => !criteria.some((c) => c.key === k));
  if (unknown.length > 0) return `未知评分项:${unknown.join('、')}`;
  return null;
}

export function rateScores(
  criteria: readonly AcceptanceCriterion[],
  scores: Record<string, number>,
  thresholds: RatingThresholds,
): ScoreResult {
  const problem = criteriaProblem(criteria) ?? scoreSheetProblem(criteria, scores);
  if (problem) throw new RangeError(problem);
  const total = criteria.reduce((sum, c) => sum + c.weight * scores[c.key], 0);
  const rating: ProjectRating =
    total >= thresholds.excellent * 100
      ? 'excellent'
      : total >= thresholds.good * 100
        ? 'good'
        : total >= thresholds.pass * 100
          ? 'pass'
          : 'fail';
  return { totalCentiPoints: total, rating };
}

export function isPassingRating(rating: ProjectRating): boolean {
  return rating !== 'fail';
}
