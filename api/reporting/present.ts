// Shapes read-model rows for responses. Scores travel as integer hundredths
// and are shown as two-decimal strings, so no float ever reaches a client.
import { formatCenti, RATING_LABELS, REPORT_STAGE_LABELS, type RatingGrade, type ReportStage } from '../../domain/reporting';
import type { ReportState } from '../../workflows/reporting-shared';

export const score = (centi: number | null | undefined) => (centi == null ? null : formatCenti(centi));

export function presentSummary(row: { id: string; cycleId: string; communityId: string; year: number; stage: string; dueAt: Date | null; grade: string | null; combinedCenti: number | null; state: unknown }) {
  const state = row.state as Omit<ReportState, 'timeline'>;
  const grade = (row.grade as RatingGrade | null) ?? null;
  return {
    id: row.id,
    cycleId: row.cycleId,
    communityId: row.communityId,
    communityName: state.community?.name ?? row.communityId,
    year: row.year,
    stage: row.stage as ReportStage,
    stageLabel: REPORT_STAGE_LABELS[row.stage as ReportStage] ?? row.stage,
    dueAt: row.dueAt?.toISOString() ?? null,
    grade,
    gradeLabel: grade ? RATING_LABELS[grade] : null,
    combinedScore: score(row.combinedCenti),
  };
}
