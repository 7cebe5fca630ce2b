// 诉前调解: a dispute the court referred before filing (诉前委派) must be
// mediated within 30 days of the referral being accepted; the term may be
// extended only when both parties agree (court notices, DOMAIN.md "Clocks and
// rules"). The notices count the 30 days as calendar days (as the 30 days
// for 司法确认 are), to the end of the last day, Beijing time; a holiday on
// the last day does not move it. The term runs from 登记受理 of the referral,
// across rounds: escalating to the street or district does not restart it.
// When it runs out without an agreement the case goes back to the court; so
// does a case that ends without an agreement before that (the district round
// failed, a party refused or withdrew): the court holds the claim and
// registers it (登记立案), so the parties are not told to go and sue.
import type { ErrorCode } from '../errors';
import { addCalendarDays } from '../calendar';
import type { PreLitigationRules } from './rules';
import type { Channel } from './types';

export interface PreLitigationExtension {
  at: string;
  byId: string;
  byName: string;
  /** The deadline before and after the extension. */
  from: string;
  to: string;
  note: string | null;
}

export interface PreLitigationState {
  /** When the court's referral was accepted (the case registered): the term runs from here. */
  acceptedAt: string;
  calendarDays: number;
  /** Length of one agreed extension and how many are allowed, from the rules the case was registered under. */
  extensionCalendarDays: number;
  maxExtensions: number;
  /** The current deadline: end of its last day, Beijing time. */
  deadline: string;
  extensions: PreLitigationExtension[];
  /** Set when the term ran out and the case went back to the court. */
  expiredAt: string | null;
  /** Set when the case went back to the court, for whatever reason (term, failure, refusal, withdrawal). */
  returnedAt?: string | null;
}

export interface ExtensionConsent {
  /** The mediator records each party's consent; both are required. */
  applicantAgreed: boolean;
  respondentAgreed: boolean;
  note?: string | null;
}

/** Only a court's 诉前委派 carries the pre-litigation term. */
export function isPreLitigation(channel: Channel): boolean {
  return channel === 'court_referral';
}

export function startPreLitigation(acceptedAt: Date, rules: PreLitigationRules): PreLitigationState {
  return {
    acceptedAt: acceptedAt.toISOString(),
    calendarDays: rules.calendarDays,
    extensionCalendarDays: rules.extensionCalendarDays,
    maxExtensions: rules.maxExtensions,
    deadline: addCalendarDays(acceptedAt, rules.calendarDays).toISOString(),
    extensions: [],
    expiredAt: null,
    returnedAt: null,
  };
}

/**
 * Whether the term is over at `now`. The deadline instant itself counts as
 * over: the term's timer fires at it, so an extension or a round's own
 * reminder or escalation due at that same instant yields to the return to
 * the court, whichever the engine happens to deliver first.
 */
export function termOver(pl: PreLitigationState, now: Date): boolean {
  return pl.expiredAt !== null || now.getTime() >= Date.parse(pl.deadline);
}

/** The deadline after one more agreed extension: counted on from the current deadline's last day. */
export function extendedDeadline(pl: PreLitigationState): string {
  return addCalendarDays(pl.deadline, pl.extensionCalendarDays).toISOString();
}

/**
 * Why an extension may not be recorded now (stage and role are the caller's
 * business), or null. Limit reached → ALREADY_DONE; term over → WRONG_STAGE;
 * a party's consent missing → BUSINESS_RULE.
 */
export function extensionRefusal(pl: PreLitigationState, consent: ExtensionConsent, now: Date): { code: ErrorCode; message: string } | null {
  if (termOver(pl, now)) {
    return { code: 'WRONG_STAGE', message: '诉前调解期限已届满,不能再延长。' };
  }
  if (pl.extensions.length >= pl.maxExtensions) {
    return {
      code: 'ALREADY_DONE',
      message: pl.maxExtensions === 0 ? '按现行规定,诉前调解期限不能延长。' : `诉前调解期限已延长${pl.extensions.length}次,不能再延长。`,
    };
  }
  if (consent.applicantAgreed !== true || consent.respondentAgreed !== true) {
    return { code: 'BUSINESS_RULE', message: '延长诉前调解期限须经双方当事人同意,请先记录申请人和被申请人的同意。' };
  }
  return null;
}
