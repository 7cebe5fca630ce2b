// The figures seed 004 reports (成功调解…件、司法确认…件、调解成功率…%), per
// unit and period, computed from read-model rows. Pure so that the test can
// state the expected figures of a seeded set exactly.
import { toLocalDate } from '../calendar';

const hoursBetween = (from: string | Date, to: string | Date) => (new Date(to).getTime() - new Date(from).getTime()) / 3600_000;
import {
  CASE_OUTCOMES,
  CHANNELS,
  DISPUTE_TYPES,
  LEVELS,
  type CaseOutcome,
  type Channel,
  type DisputeType,
  type JudicialStatus,
  type MediationLevel,
} from './types';

export interface StatisticsCase {
  registeredAt: Date | string;
  channel: Channel;
  disputeType: DisputeType;
  /** Level of the last round held (null when referred out at intake). */
  finalLevel: MediationLevel | null;
  outcome: CaseOutcome | null;
  judicialStatus: JudicialStatus | null;
  rounds: Array<{ level: MediationLevel; startedAt: Date | string; endedAt: Date | string | null }>;
}

export interface MediationStatistics {
  total: number;
  byChannel: Record<Channel, number>;
  byType: Record<DisputeType, number>;
  /** Cases by the level where they were (or are being) mediated last. */
  byLevel: Record<MediationLevel, number>;
  byOutcome: Record<CaseOutcome | 'in_progress', number>;
  /** 成功调解: cases that ended in an agreement. */
  mediated: number;
  /** Cases whose mediation has ended (agreement, not mediated, refused, withdrawn); referrals never entered mediation. */
  concluded: number;
  /** mediated / concluded, as a percentage with one decimal ("80.0"); null when nothing has concluded. */
  successRatePercent: string | null;
  judicialConfirmations: { applied: number; confirmed: number; notConfirmed: number };
  /** Median hours from a round's start to its end, per level (ended rounds only). */
  medianRoundHours: Record<MediationLevel, number | null>;
  roundsEnded: Record<MediationLevel, number>;
  /** Per month of registration (Beijing time), in order: the period breakdown of the report. */
  byMonth: Array<{ month: string; total: number; mediated: number; concluded: number }>;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** n/d as a percentage with one decimal, rounded half up, in integer arithmetic. */
export function percentOneDecimal(n: number, d: number): string {
  const tenths = Math.floor((n * 2000 + d) / (2 * d)); // round(n * 1000 / d)
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

export function computeStatistics(cases: StatisticsCase[]): MediationStatistics {
  const byChannel = zeros(CHANNELS);
  const byType = zeros(DISPUTE_TYPES);
  const byLevel = zeros(LEVELS);
  const byOutcome = zeros([...CASE_OUTCOMES, 'in_progress'] as const);
  const roundHours: Record<MediationLevel, number[]> = { community: [], street: [], district: [] };
  const judicialConfirmations = { applied: 0, confirmed: 0, notConfirmed: 0 };

  const months = new Map<string, { month: string; total: number; mediated: number; concluded: number }>();
  for (const c of cases) {
    const month = toLocalDate(c.registeredAt).slice(0, 7);
    const m = months.get(month) ?? { month, total: 0, mediated: 0, concluded: 0 };
    m.total += 1;
    if (c.outcome === 'agreement') m.mediated += 1;
    if (c.outcome && c.outcome !== 'referred_out') m.concluded += 1;
    months.set(month, m);
    byChannel[c.channel] += 1;
    byType[c.disputeType] += 1;
    if (c.finalLevel) byLevel[c.finalLevel] += 1;
    byOutcome[c.outcome ?? 'in_progress'] += 1;
    const j = c.judicialStatus;
    if (j && j !== 'open' && j !== 'expired') judicialConfirmations.applied += 1;
    if (j === 'confirmed') judicialConfirmations.confirmed += 1;
    if (j === 'not_confirmed') judicialConfirmations.notConfirmed += 1;
    for (const r of c.rounds) if (r.endedAt) roundHours[r.level].push(hoursBetween(r.startedAt, r.endedAt));
  }

  const mediated = byOutcome.agreement;
  const concluded = mediated + byOutcome.not_mediated + byOutcome.refused + byOutcome.withdrawn;
  const round1 = (h: number | null) => (h === null ? null : Math.round(h * 10) / 10);
  return {
    total: cases.length,
    byChannel,
    byType,
    byLevel,
    byOutcome,
    mediated,
    concluded,
    successRatePercent: concluded === 0 ? null : percentOneDecimal(mediated, concluded),
    judicialConfirmations,
    medianRoundHours: {
      community: round1(median(roundHours.community)),
      street: round1(median(roundHours.street)),
      district: round1(median(roundHours.district)),
    },
    roundsEnded: { community: roundHours.community.length, street: roundHours.street.length, district: roundHours.district.length },
    byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
  };
}
