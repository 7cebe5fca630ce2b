// Who may see and do what on a grid incident. Reading follows the place (a
// grant over the incident's grid, community, street or district), plus the
// reporter and whoever holds the handling role on the unit it was dispatched
// to (a district office handling a community's incident still sees it).
import { accessRefusal, covers, type Actor, type UnitRef } from '../access';
import type { RoleName } from '../roles';
import { HANDLER_ROLE_BY_LEVEL, type UnitLevel } from './types';

/** A unit with its level: where an incident is, or where it was dispatched. */
export interface LevelledUnit extends UnitRef {
  level: UnitLevel;
}

/** Roles that may report an incident over its place (a community or the street takes 12345 tickets). */
export const REPORT_ROLES: readonly RoleName[] = ['grid_worker', 'community', 'street_office', 'admin'];

/** Roles that may read an incident over its place (the reporter's contact is masked unless personalDataVisible). */
export const VIEW_ROLES: readonly RoleName[] = ['grid_worker', 'community', 'street_office', 'district_org', 'mediator', 'auditor', 'admin'];

/** Roles that may act on an incident over its place at all (each action narrows it further). */
export const ACT_ROLES: readonly RoleName[] = ['grid_worker', 'community', 'street_office'];

/** Roles that may read statistics over a unit. */
export const STATISTICS_ROLES: readonly RoleName[] = ['community', 'street_office', 'district_org', 'auditor', 'admin'];

/** What the access rules need to know about an incident. */
export interface IncidentAccessView {
  placePath: string;
  reporterId: string;
  /** Every unit it has been dispatched to. */
  assignees: Pick<LevelledUnit, 'path' | 'level'>[];
}

export const handlerRoleOf = (level: UnitLevel): RoleName => HANDLER_ROLE_BY_LEVEL[level];

export function isHandler(actor: Actor, unit: Pick<LevelledUnit, 'path' | 'level'>): boolean {
  return accessRefusal(actor, [handlerRoleOf(unit.level)], unit.path) === null;
}

export function viewRefusal(actor: Actor, view: IncidentAccessView): 'FORBIDDEN_ROLE' | 'FORBIDDEN_SCOPE' | null {
  if (actor.personId === view.reporterId || view.assignees.some((u) => isHandler(actor, u))) return null;
  return accessRefusal(actor, VIEW_ROLES, view.placePath);
}

/** The first check of every action, before the stage: an outsider hears nothing about the incident. */
export function actRefusal(actor: Actor, view: IncidentAccessView): 'FORBIDDEN_ROLE' | 'FORBIDDEN_SCOPE' | null {
  if (actor.personId === view.reporterId || view.assignees.some((u) => isHandler(actor, u))) return null;
  return accessRefusal(actor, ACT_ROLES, view.placePath);
}

export const ACT_REFUSAL_MESSAGE = '只有事件所在网格、社区、街道的工作人员或承办单位可以办理该事件。';

/** The reporter's contact (a resident who called 12345): the community and street over the place, auditors and the reporter. */
export function personalDataVisible(actor: Actor, view: IncidentAccessView): boolean {
  if (actor.personId === view.reporterId) return true;
  return actor.grants.some((g) => (g.role === 'community' || g.role === 'street_office' || g.role === 'auditor') && covers(g, view.placePath));
}
