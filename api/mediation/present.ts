// Read-model rows to API shapes. Personal data is masked here, once, for
// every caller who is not an assigned mediator, a supervisor or an auditor.
import type { Actor } from '../../domain/access';
import { maskIdNumber, maskPhone, viewRefusal, type CaseAccessView } from '../../domain/mediation/access';
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
import { Prisma, type MediationCase, type MediationParty } from '../../prisma/generated/client';

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

export function presentParties(parties: ReadonlyArray<Omit<MediationParty, 'caseId'>>, visible: boolean) {
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
 * The columns a summary reads, and no more: a list reads these for each row
 * of its page, not `snapshot` (the case's whole state, the bulk of a row)
 * nor the long texts only a case's own page shows.
 */
export const SUMMARY_COLUMNS = [
  'id',
  'caseNo',
  'title',
  'channel',
  'disputeType',
  'risk',
  'highRisk',
  'amountFen',
  'placeUnitId',
  'placeName',
  'stage',
  'currentLevel',
  'outcome',
  'judicialStatus',
  'registeredAt',
  'nextDueAt',
  'concludedAt',
] as const satisfies ReadonlyArray<keyof MediationCase>;

export type CaseSummaryRow = Pick<MediationCase, (typeof SUMMARY_COLUMNS)[number]> & { parties: Array<Omit<MediationParty, 'caseId'>> };

/** A case's parties in order, as `CaseSummaryRow['parties']`: one JSON column of a statement whose case is `c`. */
export const CASE_PARTIES_JSON = Prisma.sql`COALESCE((SELECT json_agg(json_build_object('seq', pa.seq, 'role', pa.role, 'name', pa.name, 'phone', pa.phone,
                                                         'idNumber', pa."idNumber", 'address', pa.address) ORDER BY pa.seq)
                        FROM "MediationParty" pa WHERE pa."caseId" = c.id), '[]')`;

/**
 * A case's summary, as a list row and at the head of its own page. `visible`:
 * whether the caller sees the parties' personal data unmasked (never in a
 * list: see personalDataVisible for a case's page).
 */
export function presentSummary(row: CaseSummaryRow, visible: boolean) {
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
    // The column the save keeps equal to the state's judicial.status (activities/mediation.ts).
    judicialStatus: (row.judicialStatus ?? null) as NonNullable<MediationState['judicial']>['status'] | null,
    registeredAt: row.registeredAt.toISOString(),
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
    concludedAt: row.concludedAt?.toISOString() ?? null,
    personalDataVisible: visible,
    parties: presentParties(row.parties, visible),
  };
}
