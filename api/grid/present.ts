// Read-model rows to API shapes. The reporter's contact is masked here, once,
// for everyone but the reporter, the community and street over the place and
// auditors; lists mask it whoever reads them.
import type { Actor } from '../../domain/access';
import { viewRefusal, type IncidentAccessView } from '../../domain/grid/access';
import type { GridIncidentState } from '../../domain/grid/machine';
import {
  INCIDENT_CHANNEL_LABELS,
  INCIDENT_OUTCOME_LABELS,
  INCIDENT_STAGE_LABELS,
  INCIDENT_TYPE_LABELS,
  URGENCY_LABELS,
  type IncidentChannel,
  type IncidentOutcome,
  type IncidentStage,
  type IncidentType,
  type Satisfaction,
  type Urgency,
} from '../../domain/grid/types';
import { maskPhone } from '../../domain/mediation/access';
import type { GridIncident } from '../../prisma/generated/client';

export function accessViewOfRow(row: Pick<GridIncident, 'placePath' | 'reportedById' | 'snapshot'>): IncidentAccessView {
  const s = row.snapshot as Partial<GridIncidentState>;
  return { placePath: row.placePath, reporterId: row.reportedById, assignees: (s.handlings ?? []).map((h) => h.unit) };
}

export function canReadIncident(actor: Actor, row: Pick<GridIncident, 'placePath' | 'reportedById' | 'snapshot'>): boolean {
  return viewRefusal(actor, accessViewOfRow(row)) === null;
}

/**
 * The columns a summary reads, and no more: a list reads these for each row
 * of its page, not `snapshot` (the incident's whole state, the bulk of a
 * row), of which a summary shows only the open step's deadline.
 */
export const SUMMARY_COLUMNS = [
  'id',
  'incidentNo',
  'title',
  'type',
  'urgency',
  'channel',
  'placeUnitId',
  'placeName',
  'address',
  'stage',
  'assigneeUnitId',
  'department',
  'outcome',
  'reportedAt',
  'nextDueAt',
  'closedAt',
  'satisfaction',
  'mediationCaseId',
  'contactName',
  'contactPhone',
] as const satisfies ReadonlyArray<keyof GridIncident>;

/** A summary's columns, and the open step's deadline out of the state (`stepDueAtOf`). */
export type IncidentSummaryRow = Pick<GridIncident, (typeof SUMMARY_COLUMNS)[number]> & { stepDueAt: string | null };

/** The open step's deadline in a saved state (ISO), or null. */
export function stepDueAtOf(snapshot: unknown): string | null {
  return (snapshot as Partial<GridIncidentState> | null)?.step?.dueAt ?? null;
}

/**
 * An incident's summary, as a list row and at the head of its own page.
 * `visible`: whether the caller sees the reporter's contact unmasked (never
 * in a list: see personalDataVisible for an incident's page).
 */
export function presentIncident(row: IncidentSummaryRow, visible: boolean) {
  return {
    id: row.id,
    incidentNo: row.incidentNo,
    title: row.title,
    type: row.type as IncidentType,
    typeLabel: INCIDENT_TYPE_LABELS[row.type as IncidentType],
    urgency: row.urgency as Urgency,
    urgencyLabel: URGENCY_LABELS[row.urgency as Urgency],
    channel: row.channel as IncidentChannel,
    channelLabel: INCIDENT_CHANNEL_LABELS[row.channel as IncidentChannel],
    place: { id: row.placeUnitId, name: row.placeName },
    address: row.address,
    stage: row.stage as IncidentStage,
    stageLabel: INCIDENT_STAGE_LABELS[row.stage as IncidentStage],
    assignee: row.assigneeUnitId ? { unitId: row.assigneeUnitId, department: row.department } : null,
    outcome: (row.outcome ?? null) as IncidentOutcome | null,
    outcomeLabel: row.outcome ? INCIDENT_OUTCOME_LABELS[row.outcome as IncidentOutcome] : null,
    reportedAt: row.reportedAt.toISOString(),
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
    stepDueAt: row.stepDueAt,
    closedAt: row.closedAt?.toISOString() ?? null,
    satisfaction: (row.satisfaction ?? null) as Satisfaction | null,
    mediationCaseId: row.mediationCaseId,
    personalDataVisible: visible,
    contactName: row.contactName,
    contactPhone: visible ? row.contactPhone : maskPhone(row.contactPhone),
  };
}
