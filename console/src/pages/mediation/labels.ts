// Words of the mediation pages. The terms of 三级三轮调解 have one home,
// domain/mediation/types.ts (pure, bundled into the console as it is); this
// file adds only what is the console's own (short outcome words, colours).
import * as terms from '../../../../domain/mediation/types';

// Widened to string keys: the console indexes them with the API's strings.
export const CHANNEL_LABELS: Record<string, string> = terms.CHANNEL_LABELS;
export const DISPUTE_TYPE_LABELS: Record<string, string> = terms.DISPUTE_TYPE_LABELS;
export const RISK_LABELS: Record<string, string> = terms.RISK_LABELS;
export const COMPLEXITY_LABELS: Record<string, string> = terms.COMPLEXITY_LABELS;
export const LEVEL_LABELS: Record<string, string> = terms.LEVEL_LABELS;
export const CASE_STAGE_LABELS: Record<string, string> = terms.STAGE_LABELS;
export const JUDICIAL_STATUS_LABELS: Record<string, string> = terms.JUDICIAL_STATUS_LABELS;
export const LEVELS = ['community', 'street', 'district'] as const;
export const OUTCOME_LABELS: Record<string, string> = {
  agreement: '调解成功',
  not_mediated: '调解不成',
  refused: '当事人拒绝调解',
  withdrawn: '当事人撤回',
  referred_out: '分流移送',
  in_progress: '办理中',
};
