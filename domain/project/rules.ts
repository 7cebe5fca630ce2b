// The configurable figures of the project process. Defaults come from
// ../shared/DOMAIN.md and the seeds; config/project.ts reads overrides from
// the environment and a workflow receives the values in its input, so a
// running project keeps the rules it started with.

import type { CostShare } from './cost-sharing';
import { DEFAULT_COST_SHARING } from './cost-sharing';
import type { AcceptanceCriterion, RatingThresholds } from './scoring';
import { DEFAULT_CRITERIA, DEFAULT_RATING_THRESHOLDS } from './scoring';
import type { ProjectRating } from './scoring';

export interface ProjectRules {
  /** 社区年度惠民项目资金上限 (seed 000: 20万元 per community per year). */
  yearlyFundCapFen: number;
  /** Budgets strictly above this also need district_org approval. */
  districtApprovalThresholdFen: number;
  /** 公示 length (DOMAIN.md: at least 5 working days). */
  noticeWorkingDays: number;
  /** Working days each waiting step has before it is overdue. */
  dueWorkingDays: {
    reviewApplication: number;
    decideDistrictApproval: number;
    resubmitApplication: number;
    answerObjection: number;
    verifyMilestone: number;
    releaseFunds: number;
    resubmitDisbursement: number;
    reviewChange: number;
    decideChangeApproval: number;
    submitCompletionReport: number;
    scoreAcceptance: number;
    /** 整改期 */
    submitRectification: number;
    proposeReward: number;
    confirmReward: number;
  };
  /** Working days after a missed due date before the step escalates to the supervising unit. */
  escalateAfterWorkingDays: number;
  defaultCostSharing: CostShare[];
  criteria: AcceptanceCriterion[];
  ratingThresholds: RatingThresholds;
  /** 以奖代补: the reward suggested per rating (the street may propose another amount). */
  suggestedRewardFen: Record<ProjectRating, number>;
}

export const DEFAULT_PROJECT_RULES: ProjectRules = {
  yearlyFundCapFen: 20_000_000,
  districtApprovalThresholdFen: 5_000_000,
  noticeWorkingDays: 5,
  dueWorkingDays: {
    reviewApplication: 5,
    decideDistrictApproval: 5,
    resubmitApplication: 10,
    answerObjection: 3,
    verifyMilestone: 5,
    releaseFunds: 5,
    resubmitDisbursement: 5,
    reviewChange: 5,
    decideChangeApproval: 5,
    submitCompletionReport: 20,
    scoreAcceptance: 10,
    submitRectification: 20,
    proposeReward: 10,
    confirmReward: 5,
  },
  escalateAfterWorkingDays: 3,
  defaultCostSharing: [...DEFAULT_COST_SHARING],
  criteria: [...DEFAULT_CRITERIA],
  ratingThresholds: { ...DEFAULT_RATING_THRESHOLDS },
  suggestedRewardFen: { excellent: 2_000_000, good: 1_000_000, pass: 0, fail: 0 },
};
