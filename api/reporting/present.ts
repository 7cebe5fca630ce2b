// Shapes read-model rows for responses. Scores travel as integer hundredths
// and are shown as two-decimal strings, so no float ever reaches a client.
import { formatCenti, RATING_LABELS, REPORT_STAGE_LABELS, type RatingGrade, type ReportStage } from '../../domain/reporting';
import type { ReportState } from '../../workflows/reporting-shared';

export const score = (centi: number | null | undefined) => (centi == null ? null : formatCenti(centi));

/** A report's summary columns, and its community's name out of the state (`communityNameOf`). */
export interface ReportSummaryRow {
  id: string;
  cycleId: string;
  communityId: string;
  communityName: string | null;
  streetId: string | null;
  year: number;
  stage: string;
  dueAt: Date | null;
  grade: string | null;
  combinedCenti: number | null;
}

/** The community's name in a saved state, or null before the workflow's first save. */
export function communityNameOf(state: unknown): string | null {
  return (state as Partial<ReportState> | null)?.community?.name ?? null;
}

export function presentSummary(row: ReportSummaryRow) {
  const grade = (row.grade as RatingGrade | null) ?? null;
  return {
    id: row.id,
    cycleId: row.cycleId,
    communityId: row.communityId,
    communityName: row.communityName ?? row.communityId,
    streetId: row.streetId,
    year: row.year,
    stage: row.stage as ReportStage,
    stageLabel: REPORT_STAGE_LABELS[row.stage as ReportStage] ?? row.stage,
    dueAt: row.dueAt?.toISOString() ?? null,
    grade,
    gradeLabel: grade ? RATING_LABELS[grade] : null,
    combinedScore: score(row.combinedCenti),
  };
}
