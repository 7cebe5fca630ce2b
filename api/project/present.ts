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

/** A list's row has no `snapshot` (the workflow's state, the bulk of a row): a summary never reads it. */
export function presentSummary(row: Omit<Project, 'snapshot'>, now: Date) {
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
