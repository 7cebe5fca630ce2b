// Read-model rows to API shapes. The reporter's contact is masked here, once,
// for everyone but the reporter, the community and street over the place and
// auditors; lists mask it whoever reads them.
import type { Actor } from '../../domain/access';
import { personalDataVisible, viewRefusal, type IncidentAccessView } from '../../domain/grid/access';
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

/** A list row; `fullData` is false in lists, where the contact is always masked. */
export function presentIncident(row: GridIncident, actor: Actor, fullData: boolean) {
  const visible = fullData && personalDataVisible(actor, accessViewOfRow(row));
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
    closedAt: row.closedAt?.toISOString() ?? null,
    satisfaction: (row.satisfaction ?? null) as Satisfaction | null,
    mediationCaseId: row.mediationCaseId,
    personalDataVisible: visible,
    contactName: row.contactName,
    contactPhone: visible ? row.contactPhone : maskPhone(row.contactPhone),
  };
}
