// Mediation figures read from the environment; every default is the clocks
// table of DOMAIN.md (domain/mediation/rules.ts). `mediationSection` is
// listed in config/schema.ts; `loadMediationRules` parses it alone, for
// callers without the validated configuration (seeds).
import { z } from 'zod';
import { blankAsUnset, defineSection, envVar, parseSection, type SectionValue } from './define';
import { DEFAULT_MEDIATION_RULES, type MediationRules } from '../domain/mediation/rules';
import { DISPUTE_TYPES, type DisputeType } from '../domain/mediation/types';

const D = DEFAULT_MEDIATION_RULES;

const days = (fallback: number) =>
  z.preprocess(
    blankAsUnset,
    z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be at least 1').default(fallback),
  );

const nonNegativeInt = (fallback: number) =>
  z.preprocess(
    blankAsUnset,
    z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(0, 'must not be negative').default(fallback),
  );

export const mediationSection = defineSection({
  notSuitableTypes: envVar({
    env: 'MEDIATION_NOT_SUITABLE_TYPES',
    schema: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? v.split(',').map((s) => s.trim()) : undefined),
      z.array(z.enum(DISPUTE_TYPES)).default(D.triage.notSuitableTypes),
    ),
    doc: `Dispute types referred out at intake, comma-separated (${DISPUTE_TYPES.join(', ')}).`,
    example: D.triage.notSuitableTypes.join(','),
  }),
  highRiskStartLevel: envVar({
    env: 'MEDIATION_HIGH_RISK_START_LEVEL',
    schema: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['street', 'district']).default(D.triage.highRiskStartLevel)),
    doc: 'Level where a high-risk case starts: street | district.',
    example: D.triage.highRiskStartLevel,
  }),
  districtPartyCount: envVar({
    env: 'MEDIATION_DISTRICT_PARTY_COUNT',
    schema: days(D.triage.districtPartyCount),
    doc: 'A high-risk case with at least this many parties (群体性纠纷) starts at the district centre.',
    example: String(D.triage.districtPartyCount),
  }),
  districtAmountFen: envVar({
    env: 'MEDIATION_DISTRICT_AMOUNT_FEN',
    schema: nonNegativeInt(D.triage.districtAmountFen),
    doc: 'A high-risk case with at least this amount in dispute (fen) starts at the district centre.',
    example: String(D.triage.districtAmountFen),
  }),
  roundDaysSimple: envVar({
    env: 'MEDIATION_ROUND_DAYS_SIMPLE',
    schema: days(D.roundLimitWorkingDays.simple),
    doc: 'Working days per round for a simple case.',
    example: String(D.roundLimitWorkingDays.simple),
  }),
  roundDaysOrdinary: envVar({
    env: 'MEDIATION_ROUND_DAYS_ORDINARY',
    schema: days(D.roundLimitWorkingDays.ordinary),
    doc: 'Working days per round for an ordinary case.',
    example: String(D.roundLimitWorkingDays.ordinary),
  }),
  roundDaysComplex: envVar({
    env: 'MEDIATION_ROUND_DAYS_COMPLEX',
    schema: days(D.roundLimitWorkingDays.complex),
    doc: 'Working days per round for a complex case.',
    example: String(D.roundLimitWorkingDays.complex),
  }),
  overdueGraceDays: envVar({
    env: 'MEDIATION_OVERDUE_GRACE_DAYS',
    schema: days(D.overdueGraceWorkingDays),
    doc: 'Working days after the overdue reminder before a round escalates by itself.',
    example: String(D.overdueGraceWorkingDays),
  }),
  targetCalendarDays: envVar({
    env: 'MEDIATION_TARGET_CALENDAR_DAYS',
    schema: days(D.overallTargetCalendarDays),
    doc: 'Calendar days within which a mediation is normally concluded.',
    example: String(D.overallTargetCalendarDays),
  }),
  judicialApplicationDays: envVar({
    env: 'MEDIATION_JUDICIAL_APPLICATION_DAYS',
    schema: days(D.judicialApplicationCalendarDays),
    doc: 'Calendar days after the agreement for the joint 司法确认 application.',
    example: String(D.judicialApplicationCalendarDays),
  }),
  courtAcceptanceDays: envVar({
    env: 'MEDIATION_COURT_ACCEPTANCE_DAYS',
    schema: days(D.courtAcceptanceWorkingDays),
    doc: 'Working days for the court to decide whether it accepts a 司法确认 application.',
    example: String(D.courtAcceptanceWorkingDays),
  }),
  followUpDelayDays: envVar({
    env: 'MEDIATION_FOLLOW_UP_DELAY_DAYS',
    schema: days(D.followUpDelayWorkingDays),
    doc: 'Working days after the agreement when the 回访 task opens.',
    example: String(D.followUpDelayWorkingDays),
  }),
  followUpDays: envVar({
    env: 'MEDIATION_FOLLOW_UP_DAYS',
    schema: days(D.followUpWorkingDays),
    doc: 'Working days the mediator has to carry out the 回访.',
    example: String(D.followUpWorkingDays),
  }),
  preLitigationDays: envVar({
    env: 'MEDIATION_PRE_LITIGATION_DAYS',
    schema: days(D.preLitigation.calendarDays),
    doc: 'Calendar days for the whole 诉前调解 of a court-referred case, from accepting the referral; then it goes back to the court.',
    example: String(D.preLitigation.calendarDays),
  }),
  preLitigationExtensionDays: envVar({
    env: 'MEDIATION_PRE_LITIGATION_EXTENSION_DAYS',
    schema: days(D.preLitigation.extensionCalendarDays),
    doc: 'Calendar days one extension of the 诉前调解 term adds, when both parties agree.',
    example: String(D.preLitigation.extensionCalendarDays),
  }),
  preLitigationMaxExtensions: envVar({
    env: 'MEDIATION_PRE_LITIGATION_MAX_EXTENSIONS',
    schema: nonNegativeInt(D.preLitigation.maxExtensions),
    doc: 'How many agreed extensions of the 诉前调解 term a case may have (0: none).',
    example: String(D.preLitigation.maxExtensions),
  }),
});

export type MediationSectionValue = SectionValue<typeof mediationSection>;

export function mediationRulesFrom(v: MediationSectionValue): MediationRules {
  return {
    triage: {
      notSuitableTypes: v.notSuitableTypes as DisputeType[],
      highRiskStartLevel: v.highRiskStartLevel,
      districtPartyCount: v.districtPartyCount,
      districtAmountFen: v.districtAmountFen,
    },
    roundLimitWorkingDays: { simple: v.roundDaysSimple, ordinary: v.roundDaysOrdinary, complex: v.roundDaysComplex },
    overdueGraceWorkingDays: v.overdueGraceDays,
    overallTargetCalendarDays: v.targetCalendarDays,
    judicialApplicationCalendarDays: v.judicialApplicationDays,
    courtAcceptanceWorkingDays: v.courtAcceptanceDays,
    followUpDelayWorkingDays: v.followUpDelayDays,
    followUpWorkingDays: v.followUpDays,
    preLitigation: {
      calendarDays: v.preLitigationDays,
      extensionCalendarDays: v.preLitigationExtensionDays,
      maxExtensions: v.preLitigationMaxExtensions,
    },
  };
}

/** Parses the MEDIATION_* variables; throws with one line per bad value. */
export function loadMediationRules(env: Record<string, string | undefined>): MediationRules {
  const { values, lines } = parseSection(mediationSection, env);
  if (lines.length) throw new Error(`Invalid mediation configuration:\n${lines.join('\n')}`);
  return mediationRulesFrom(values);
}
