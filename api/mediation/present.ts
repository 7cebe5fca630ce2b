// Read-model rows to API shapes. Personal data is masked here, once, for
// every caller who is not an assigned mediator, a supervisor or an auditor.
import type { Actor } from '../../domain/access';
import { maskIdNumber, maskPhone, personalDataVisible, viewRefusal, type CaseAccessView } from '../../domain/mediation/access';
import type { MediationState } from '../../domain/mediation/case-state';
import {
  CASE_OUTCOME_LABELS,
  CHANNEL_LABELS,
  DISPUTE_TYPE_LABELS,
  STAGE_LABELS,
  type CaseOutcome,
  type Channel,
  type DisputeType,
  type Stage,
} from '../../domain/mediation/types';
import type { MediationCase, MediationParty } from '../../prisma/generated/client';

export function accessViewOf(row: Pick<MediationCase, 'placePath' | 'snapshot'>): CaseAccessView {
  const s = row.snapshot as Partial<MediationState>;
  return {
    placePath: row.placePath,
    rounds: (s.rounds ?? []).map((r) => ({ unit: r.unit, mediatorId: r.mediatorId, assignedMediatorId: r.assignedMediatorId })),
  };
}

export function canReadCase(actor: Actor, row: Pick<MediationCase, 'placePath' | 'snapshot'>): boolean {
  return viewRefusal(actor, accessViewOf(row)) === null;
}

export function presentParties(parties: MediationParty[], visible: boolean) {
  return [...parties]
    .sort((a, b) => a.seq - b.seq)
    .map((p) => ({
      seq: p.seq,
      role: p.role as 'applicant' | 'respondent',
      name: p.name,
      phone: visible ? p.phone : maskPhone(p.phone),
      idNumber: visible ? p.idNumber : maskIdNumber(p.idNumber),
      address: p.address,
    }));
}

/**
 * A list row. `fullData` is false in lists: the issue asks lists to show
 * personal data masked whoever reads them; the case page unmasks for those
 * entitled.
 */
export function presentSummary(row: MediationCase & { parties: MediationParty[] }, actor: Actor, fullData: boolean) {
  const visible = fullData && personalDataVisible(actor, accessViewOf(row));
  const s = row.snapshot as Partial<MediationState>;
  return {
    id: row.id,
    caseNo: row.caseNo,
    title: row.title,
    channel: row.channel as Channel,
    channelLabel: CHANNEL_LABELS[row.channel as Channel],
    disputeType: row.disputeType as DisputeType,
    disputeTypeLabel: DISPUTE_TYPE_LABELS[row.disputeType as DisputeType],
    risk: row.risk as 'low' | 'medium' | 'high',
    highRisk: row.highRisk,
    amountFen: row.amountFen,
    place: { id: row.placeUnitId, name: row.placeName },
    stage: row.stage as Stage,
    stageLabel: STAGE_LABELS[row.stage as Stage],
    currentLevel: (row.currentLevel ?? null) as 'community' | 'street' | 'district' | null,
    outcome: (row.outcome ?? null) as CaseOutcome | null,
    outcomeLabel: row.outcome ? CASE_OUTCOME_LABELS[row.outcome as CaseOutcome] : null,
    judicialStatus: (s.judicial?.status ?? null) as NonNullable<MediationState['judicial']>['status'] | null,
    registeredAt: row.registeredAt.toISOString(),
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
    concludedAt: row.concludedAt?.toISOString() ?? null,
    personalDataVisible: visible,
    parties: presentParties(row.parties, visible),
  };
}
