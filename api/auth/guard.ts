// Route-level and unit-level access checks. A route first requires one of its
// roles anywhere (requireRole); the use case then checks the role covers the
// unit it acts on (assertAccess), or filters queries by the caller's scope
// (scopePaths). Both read the same grants, from domain/access.ts.
import type { RequestHandler } from 'express';
import { accessRefusal, ancestorPaths, type Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { Prisma } from '../../prisma/generated/client';
import { ROLE_LABELS, type RoleName } from '../../domain/roles';

export { canReadUnit, scopePaths } from '../../domain/access';

export type RouteAccess = 'public' | 'authenticated' | readonly RoleName[];

function roleList(roles: readonly RoleName[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join('、');
}

/** Express guard: the caller must hold at least one of `roles` on some unit. */
export function requireRole(roles: RouteAccess): RequestHandler {
  return (req, _res, next) => {
    if (roles === 'public') return next();
    const actor = req.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录。');
    if (roles === 'authenticated') return next();
    if (!actor.grants.some((g) => roles.includes(g.role))) {
      throw new AppError('FORBIDDEN_ROLE', `需要以下角色之一:${roleList(roles)}。`);
    }
    next();
  };
}

/** Throws FORBIDDEN_ROLE / FORBIDDEN_SCOPE unless the actor holds one of `roles` over the unit. */
export function assertAccess(actor: Actor, roles: readonly RoleName[], unitPath: string): void {
  const refusal = accessRefusal(actor, roles, unitPath);
  if (refusal === 'FORBIDDEN_ROLE') throw new AppError(refusal, `需要以下角色之一:${roleList(roles)}。`);
  if (refusal === 'FORBIDDEN_SCOPE') throw new AppError(refusal, '您的角色不覆盖该单位。');
}

/** `canReadUnit` as a Prisma filter on the unit-path `column`; matches nothing without grants. */
export function readScopeFilter(actor: Actor, column: string, roles?: readonly RoleName[]): Record<string, unknown> {
  const grants = actor.grants.filter((g) => !roles || roles.includes(g.role));
  if (grants.length === 0) return { [column]: '__none__' };
  const containing = new Set(grants.flatMap((g) => ancestorPaths(g.unitPath)));
  return { OR: [...grants.map((g) => ({ [column]: { startsWith: g.unitPath } })), { [column]: { in: [...containing] } }] };
}

/**
 * readScopeFilter for a raw query (one-round-trip lists): the same records,
 * as an SQL condition on `column` (a quoted column reference, e.g.
 * `p."unitPath"`).
 */
export function readScopeSql(actor: Actor, column: Prisma.Sql, roles?: readonly RoleName[]): Prisma.Sql {
  const grants = actor.grants.filter((g) => !roles || roles.includes(g.role));
  if (grants.length === 0) return Prisma.sql`FALSE`;
  const containing = [...new Set(grants.flatMap((g) => ancestorPaths(g.unitPath)))];
  const under = grants.map((g) => Prisma.sql`starts_with(${column}, ${g.unitPath})`);
  const above = containing.length > 0 ? [Prisma.sql`${column} IN (${Prisma.join(containing)})`] : [];
  return Prisma.sql`(${Prisma.join([...under, ...above], ' OR ')})`;
}
