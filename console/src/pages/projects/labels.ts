// Words of the project pages (stages, categories, disbursement kinds). Stage
// names have one home, domain/project/state.ts (pure, bundled as it is).
import { STAGE_LABELS } from '../../../../domain/project/state';

export const PROJECT_STAGE_LABELS: Record<string, string> = STAGE_LABELS;

/** The stepper 立项 → 公示 → 实施 → 验收 → 激励. */
export const STAGE_STEPS = [
  { stage: 'approval', title: '立项' },
  { stage: 'notice', title: '公示' },
  { stage: 'implementation', title: '实施' },
  { stage: 'acceptance', title: '验收' },
  { stage: 'reward', title: '激励' },
] as const;

export const CATEGORY_LABELS: Record<string, string> = {
  party_education: '党员教育',
  community_service: '为民服务',
  grid_governance: '网格治理',
  culture: '文化建设',
  volunteer: '志愿服务',
  other: '其他',
};

export const DISBURSEMENT_KIND_LABELS: Record<string, string> = { milestone: '节点拨付', final: '尾款', reward: '以奖代补' };
export const DISBURSEMENT_STATUS_LABELS: Record<string, string> = { requested: '待拨付', releasing: '拨付中', released: '已拨付', returned: '已退回', cancelled: '已取消' };
export const MILESTONE_STATUS_LABELS: Record<string, string> = { planned: '未开始', reported: '待核验', verified: '已核验', rejected: '核验未通过', paid: '已拨付' };

export const STAGE_COLORS: Record<string, string> = {
  approval: 'processing',
  notice: 'cyan',
  implementation: 'blue',
  acceptance: 'purple',
  reward: 'gold',
  completed: 'success',
  rejected: 'default',
  cancelled: 'default',
  terminated: 'error',
};
