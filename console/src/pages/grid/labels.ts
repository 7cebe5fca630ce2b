// Words of the 网格事件 pages: their one home is domain/grid/types.ts (pure, bundled as it is).
import * as terms from '../../../../domain/grid/types';

export const STAGE_LABELS: Record<string, string> = terms.INCIDENT_STAGE_LABELS;
export const TYPE_LABELS: Record<string, string> = terms.INCIDENT_TYPE_LABELS;
export const URGENCY_LABELS: Record<string, string> = terms.URGENCY_LABELS;
export const CHANNEL_LABELS: Record<string, string> = terms.INCIDENT_CHANNEL_LABELS;
export const OUTCOME_LABELS: Record<string, string> = terms.INCIDENT_OUTCOME_LABELS;
export const STAGE_COLORS: Record<string, string> = { triage: 'orange', street_triage: 'orange', handling: 'blue', verifying: 'cyan', closed: 'green', converted: 'purple' };
export const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
