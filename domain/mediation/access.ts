// Who may see and do what on a mediation case. A mediator acts only on rounds
// held by their own unit at that level: a street mediator's grant covers the
// communities below, but a community round belongs to the community's
// mediation committee, so "covers the place" is not enough — the grant must be
// ON the round's unit. Supervisors are mediators on a unit strictly above a
// round's unit (the street committee over a community round, the district
// 矛调中心 over both).
import { accessRefusal, covers, type Actor, type UnitRef } from '../access';
import type { RoleName } from '../roles';


/** What the access rules need to know about a case. */
export interface CaseAccessView {
  placePath: string;
  rounds: Array<{ unit: UnitRef; mediatorId: string | null; assignedMediatorId: string | null }>;
}

/** Roles that may register a case over its place (the registrar records the channel). */
export const REGISTER_ROLES: readonly RoleName[] = ['mediator', 'grid_worker', 'community', 'street_office', 'admin'];

/** Roles that may read a case (masked personal data unless personalDataVisible). */
export const VIEW_ROLES: readonly RoleName[] = ['mediator', 'grid_worker', 'community', 'street_office', 'district_org', 'auditor', 'admin'];

/** Roles that may read statistics over a unit (a community secretary: their own community's). */
export const STATISTICS_ROLES: readonly RoleName[] = ['mediator', 'community', 'street_office', 'district_org', 'auditor', 'admin'];

export function isRoundMediator(actor: Actor, round: { mediatorId: string | null; assignedMediatorId: string | null }): boolean {
  return actor.personId === round.mediatorId || actor.personId === round.assignedMediatorId;
}

export function viewRefusal(actor: Actor, view: CaseAccessView) {
  if (view.rounds.some((r) => isRoundMediator(actor, r))) return null;
  return accessRefusal(actor, VIEW_ROLES, view.placePath);
}

/**
 * Who may act on a case at all, whatever its stage: a mediator whose unit
 * covers the case's place (its own committee or one above), or a mediator
 * named on one of its rounds. The first check of every action, in the API
 * (after "can read", else 404) and in the workflow's validators, so an
 * outsider never hears the stage or who holds the round.
 */
export function actRefusal(actor: Actor, view: CaseAccessView): 'FORBIDDEN_ROLE' | 'FORBIDDEN_SCOPE' | null {
  if (view.rounds.some((r) => isRoundMediator(actor, r))) return null;
  return accessRefusal(actor, ['mediator'], view.placePath);
}

/** What an outsider hears: no stage, no names. */
export const ACT_REFUSAL_MESSAGE = '只有承办本案的调解组织(或其上级)的调解员可以办理本案。';

/** A mediator grant on exactly this unit: "a mediator of that level whose unit covers the place". */
export function isMediatorOfUnit(actor: Pick<Actor, 'grants'>, unitId: string): boolean {
  return actor.grants.some((g) => g.role === 'mediator' && g.unitId === unitId);
}

/** Refusal code for acting as the mediator of a round's unit. */
export function unitMediatorRefusal(actor: Actor, unitId: string): 'FORBIDDEN_ROLE' | 'FORBIDDEN_SCOPE' | null {
  if (isMediatorOfUnit(actor, unitId)) return null;
  return actor.grants.some((g) => g.role === 'mediator') ? 'FORBIDDEN_SCOPE' : 'FORBIDDEN_ROLE';
}

/** A mediator on a unit strictly above `unitPath`. */
export function isSupervisorOf(actor: Pick<Actor, 'grants'>, unitPath: string): boolean {
  return actor.grants.some((g) => g.role === 'mediator' && g.unitPath !== unitPath && covers(g, unitPath));
}

/**
 * Parties' phone and ID number: the assigned mediators, their supervisors and
 * auditors over the place; everyone else sees them masked.
 */
export function personalDataVisible(actor: Actor, view: CaseAccessView): boolean {
  if (actor.grants.some((g) => g.role === 'auditor' && covers(g, view.placePath))) return true;
  return view.rounds.some((r) => isRoundMediator(actor, r) || isSupervisorOf(actor, r.unit.path));
}

/** "13812345678" → "138****5678". */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** "610402199001011234" → "610402********1234" (region code and last four kept). */
export function maskIdNumber(idNumber: string | null): string | null {
  if (!idNumber) return idNumber;
  if (idNumber.length <= 10) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}
