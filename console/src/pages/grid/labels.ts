// Words of the grid incident pages. The terms of 网格事件处置 have one home,
// domain/grid/types.ts (pure, bundled into the console as it is); this file
// adds only what is the console's own (the stepper's steps, colours).
import * as terms from '../../../../domain/grid/types';

// Widened to string keys: the console indexes them with the API's strings.
export const TYPE_LABELS: Record<string, string> = terms.INCIDENT_TYPE_LABELS;
export const URGENCY_LABELS: Record<string, string> = terms.URGENCY_LABELS;
export const CHANNEL_LABELS: Record<string, string> = terms.INCIDENT_CHANNEL_LABELS;
export const STAGE_LABELS: Record<string, string> = terms.INCIDENT_STAGE_LABELS;
export const OUTCOME_LABELS: Record<string, string> = terms.INCIDENT_OUTCOME_LABELS;
export const SATISFACTION_LABELS: Record<string, string> = terms.SATISFACTION_LABELS;
export const URGENCY_COLORS: Record<string, string> = { urgent: 'error', ordinary: 'processing', minor: 'default' };

/** The stepper 上报 → 研判 → 处置 → 核查 → 办结/回访, and where each stage stands on it. */
export const STEPS = ['上报', '研判', '处置', '核查', '办结/回访'] as const;
export const STEP_OF_STAGE: Record<string, number> = { triage: 1, street_triage: 1, handling: 2, verifying: 3, closed: 4, converted: 1 };

export function stageColor(stage: string): string {
  if (stage === 'closed') return 'success';
  if (stage === 'converted') return 'purple';
  if (stage === 'street_triage') return 'warning';
  return 'processing';
}

/** The incident list's 状态 filter 办理中: every incident not closed nor converted (事件统计's 办理中 opens it). */
export const OPEN = 'open';

export const options = (labels: Record<string, string>, all?: string) => [
  ...(all ? [{ value: '', label: all }] : []),
  ...Object.entries(labels).map(([value, label]) => ({ value, label })),
];
