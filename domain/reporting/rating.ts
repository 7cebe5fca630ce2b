// The result of the year: upward and downward scores combined by weights
// into a grade (优秀 / 称职 / 基本称职 / 不称职). Scores travel as integer
// hundredths of a point ("centi"), so 87.35 is 8735 and sums stay exact.

import type { ReportingRules } from './rules';
import type { VoteRoundOutcome } from './vote';
import { downwardScoreCenti } from './vote';
import type { RatingGrade } from './terms';

/** Mean of the committee members' scores (integers 0–100), in hundredths. */
export function upwardScoreCenti(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const sum = scores.reduce((a, b) => a + b, 0);
  return Math.round((sum * 100) / scores.length);
}

/** Weighted mean of the two directions, in hundredths. */
export function combineScores(upCenti: number, downCenti: number, weights: ReportingRules['weights']): number {
  return Math.round((upCenti * weights.upward + downCenti * weights.downward) / (weights.upward + weights.downward));
}

export function gradeFor(combinedCenti: number, thresholds: ReportingRules['thresholds']): RatingGrade {
  if (combinedCenti >= thresholds.excellent * 100) return 'excellent';
  if (combinedCenti >= thresholds.competent * 100) return 'competent';
  if (combinedCenti >= thresholds.basically_competent * 100) return 'basically_competent';
  return 'incompetent';
}

export interface RatingResult {
  upwardCenti: number | null;
  downwardCenti: number | null;
  combinedCenti: number | null;
  grade: RatingGrade;
  /** zh-CN, shown in the 公示 and the timeline. */
  reason: string;
  needsRectification: boolean;
}

export function formatCenti(centi: number): string {
  return (centi / 100).toFixed(2);
}

/**
 * The year's rating. A vote that never reached quorum, or that fails the
 * branch rule, sets the grade by rule rather than by score: the combined
 * score is still shown, because the 公示 must show how it came about.
 */
export function rateReport(options: { upwardScores: readonly number[]; vote: VoteRoundOutcome; rules: ReportingRules }): RatingResult {
  const { upwardScores, vote, rules } = options;
  const upwardCenti = upwardScoreCenti(upwardScores);
  const downwardCenti = vote.kind === 'counted' ? downwardScoreCenti(vote.tally, rules.choicePoints) : null;
  const combinedCenti = upwardCenti !== null && downwardCenti !== null ? combineScores(upwardCenti, downwardCenti, rules.weights) : null;
  let grade: RatingGrade;
  let reason: string;
  if (vote.kind === 'no_quorum') {
    grade = rules.noQuorumRating;
    reason = '民主评议两轮均未达到法定人数,按规定评定';
  } else if (vote.verdict && !vote.verdict.passed) {
    grade = rules.verdictFailRating;
    reason = `赞成票 ${vote.verdict.yes} 票,未超过应到会人数 ${vote.verdict.shouldAttend} 人的半数`;
  } else if (combinedCenti === null) {
    grade = rules.noQuorumRating;
    reason = '缺少向上述职评分';
  } else {
    grade = gradeFor(combinedCenti, rules.thresholds);
    reason = `综合得分 ${formatCenti(combinedCenti)}(向上 ${rules.weights.upward}%、向下 ${rules.weights.downward}%)`;
  }
  return { upwardCenti, downwardCenti, combinedCenti, grade, reason, needsRectification: rules.rectificationGrades.includes(grade) };
}
