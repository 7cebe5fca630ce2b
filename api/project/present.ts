// Read-model rows → API shapes.
import type { PendingAction } from '../../domain/project/state';
import { STAGE_LABELS, type ProjectStage } from '../../domain/project/state';
import { RATING_LABELS, type ProjectRating } from '../../domain/project/scoring';
import type { Project } from '../../prisma/generated/client';

export function presentPending(p: PendingAction, now: Date) {
  return {
    key: p.key,
    action: p.action,
    title: p.title,
    role: p.role,
    unitId: p.unitId,
    dueAt: p.dueAt,
    overdue: !!p.remindedAt || (!!p.dueAt && Date.parse(p.dueAt) < now.getTime()),
    escalated: !!p.escalatedAt,
    ref: p.ref,
  };
}

/**
 * The columns a summary reads, and no more: a list reads these for each row
 * of its page (not `snapshot`, the workflow's state and the bulk of a row,
 * nor the timestamps a summary does not show, each a parse per row).
 */
export const SUMMARY_COLUMNS = [
  'id',
  'title',
  'category',
  'year',
  'communityId',
  'communityName',
  'streetId',
  'stage',
  'step',
  'budgetFen',
  'reservedFen',
  'paidFen',
  'rewardPaidFen',
  'revisionCount',
  'suspended',
  'pending',
  'nextDueAt',
  'overdue',
  'escalated',
  'rating',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof Project>;

export type ProjectSummaryRow = Pick<Project, (typeof SUMMARY_COLUMNS)[number]>;

export function presentSummary(row: ProjectSummaryRow, now: Date) {
  const stage = row.stage as ProjectStage;
  const rating = row.rating as ProjectRating | null;
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    year: row.year,
    communityId: row.communityId,
    communityName: row.communityName,
    streetId: row.streetId,
    stage,
    stageLabel: STAGE_LABELS[stage] ?? row.stage,
    step: row.step,
    budgetFen: row.budgetFen,
    reservedFen: row.reservedFen,
    paidFen: row.paidFen,
    rewardPaidFen: row.rewardPaidFen,
    revisionCount: row.revisionCount,
    suspended: row.suspended,
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
    overdue: row.overdue,
    escalated: row.escalated,
    rating,
    ratingLabel: rating ? RATING_LABELS[rating] : null,
    pendingActions: ((row.pending ?? []) as unknown as PendingAction[]).map((p) => presentPending(p, now)),
    updatedAt: row.updatedAt.toISOString(),
  };
}
