// The configurable figures of a mediation case. Defaults come from the clocks
// table of DOMAIN.md; config/mediation.ts reads overrides from the
// environment. A case carries the rules it was registered under in its
// workflow input, so changing configuration never alters a running case.
import type { Complexity, DisputeType, MediationLevel } from './types';

export interface TriageRules {
  /** Types that are not for people's mediation (人民调解工作若干规定 §22): referred out at intake. */
  notSuitableTypes: DisputeType[];
  /** Where a high-risk (激化风险高) case starts. */
  highRiskStartLevel: Exclude<MediationLevel, 'community'>;
  /** A high-risk case with at least this many parties (群体性纠纷) starts at the district centre. */
  districtPartyCount: number;
  /** A high-risk case with at least this amount in dispute (fen) starts at the district centre. */
  districtAmountFen: number;
}

/** 诉前调解 of a court-referred case (court notices): calendar days, see pre-litigation.ts. */
export interface PreLitigationRules {
  /** The whole mediation, from accepting the referral: 30 calendar days. */
  calendarDays: number;
  /** Calendar days one extension adds when both parties agree. */
  extensionCalendarDays: number;
  /** How many agreed extensions a case may have (0: none). */
  maxExtensions: number;
}

export interface MediationRules {
  triage: TriageRules;
  /** Time limit of each round by complexity (东至 county centre: simple 1, ordinary 7, complex 20 working days). */
  roundLimitWorkingDays: Record<Complexity, number>;
  /** After a round's due date a reminder goes out; after this many more working days the case escalates by itself. */
  overdueGraceWorkingDays: number;
  /** A mediation is normally concluded within one month (人民调解工作若干规定); shown as the target date. */
  overallTargetCalendarDays: number;
  /** Joint application for 司法确认 within 30 days of the agreement taking effect (人民调解法 §33), calendar days. */
  judicialApplicationCalendarDays: number;
  /** The court decides whether to accept an application within 3 days (法释〔2011〕5号 §4). */
  courtAcceptanceWorkingDays: number;
  /** The 回访 task opens this many working days after the agreement. */
  followUpDelayWorkingDays: number;
  /** Working days the mediator has to carry out the 回访 once its task opens. */
  followUpWorkingDays: number;
  preLitigation: PreLitigationRules;
}

export const DEFAULT_MEDIATION_RULES: MediationRules = {
  triage: {
    notSuitableTypes: ['criminal', 'administrative'],
    highRiskStartLevel: 'street',
    districtPartyCount: 10,
    districtAmountFen: 100_000_000, // 100万元
  },
  roundLimitWorkingDays: { simple: 1, ordinary: 7, complex: 20 },
  overdueGraceWorkingDays: 2,
  overallTargetCalendarDays: 30,
  judicialApplicationCalendarDays: 30,
  courtAcceptanceWorkingDays: 3,
  followUpDelayWorkingDays: 10,
  followUpWorkingDays: 5,
  // The notices allow "extendable if both parties agree" without a figure;
  // one extension of another 30 days is the usual local practice.
  preLitigation: { calendarDays: 30, extensionCalendarDays: 30, maxExtensions: 1 },
};
