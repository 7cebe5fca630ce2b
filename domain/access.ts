// Role and organisational scope, as pure functions shared by the API and by
// workflow update validators. A role held on a unit covers that unit and its
// subtree (unit paths are "district/street/community/…/" with a trailing
// slash, so a subtree is a prefix match and "a/b/" never matches "a/bc/").

import type { RoleName } from './roles';

export interface RoleGrant {
  role: RoleName;
  unitId: string;
  unitPath: string;
}

/** A unit as processes carry it: id, path (for scope checks) and name (for people). */
export interface UnitRef {
  id: string;
  path: string;
  name: string;
}

/** Who performs an action: resolved by the API from the token and the database. */
export interface Actor {
  personId: string;
  displayName: string;
  grants: RoleGrant[];
}

/** "a/b/c/" → ["a/", "a/b/", "a/b/c/"]: the paths of the unit and of every unit above it. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `${parts.slice(0, i + 1).join('/')}/`);
}

export function covers(grant: Pick<RoleGrant, 'unitPath'>, targetUnitPath: string): boolean {
  return targetUnitPath.startsWith(grant.unitPath);
}

/** The grants of `role` the actor holds over the target unit. */
export function grantsOver(actor: Actor, role: RoleName, targetUnitPath: string): RoleGrant[] {
  return actor.grants.filter((g) => g.role === role && covers(g, targetUnitPath));
}

export function hasRoleOver(actor: Actor, role: RoleName, targetUnitPath: string): boolean {
  return grantsOver(actor, role, targetUnitPath).length > 0;
}

export function hasAnyRoleOver(actor: Actor, roles: readonly RoleName[], targetUnitPath: string): boolean {
  return roles.some((r) => hasRoleOver(actor, r, targetUnitPath));
}

/**
 * Why an actor may not act: FORBIDDEN_ROLE when they hold none of the roles
 * anywhere, FORBIDDEN_SCOPE when they hold one but not over this unit, null
 * when allowed.
 */
export function accessRefusal(
  actor: Actor,
  roles: readonly RoleName[],
  targetUnitPath: string,
): 'FORBIDDEN_ROLE' | 'FORBIDDEN_SCOPE' | null {
  if (hasAnyRoleOver(actor, roles, targetUnitPath)) return null;
  return actor.grants.some((g) => roles.includes(g.role)) ? 'FORBIDDEN_SCOPE' : 'FORBIDDEN_ROLE';
}

/**
 * Reading is wider than acting: a grant reaches the units below it and also
 * those containing it (a grid's resident representative reads its
 * community's projects and reports). A grant on a sibling never does. An
 * action on a record the actor cannot read is answered as if the record did
 * not exist (404).
 */
export function reachesUnit(grant: Pick<RoleGrant, 'unitPath'>, unitPath: string): boolean {
  return unitPath.startsWith(grant.unitPath) || grant.unitPath.startsWith(unitPath);
}

/** True when the actor may read records of the unit (holding any role, or one of `roles`). */
export function canReadUnit(actor: Actor, unitPath: string, roles?: readonly RoleName[]): boolean {
  return actor.grants.some((g) => (!roles || roles.includes(g.role)) && reachesUnit(g, unitPath));
}

/**
 * The unit-path prefixes the actor's `roles` cover, with nested ones removed
 * (a street grant makes its communities' grants redundant).
 */
export function scopePaths(actor: Actor, roles?: readonly RoleName[]): string[] {
  const paths = [...new Set(actor.grants.filter((g) => !roles || roles.includes(g.role)).map((g) => g.unitPath))].sort();
  return paths.filter((p, i) => !paths.some((q, j) => j !== i && p !== q && p.startsWith(q)));
}
