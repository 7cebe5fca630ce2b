// The unit and date range a list or statistics query names, read the same way
// by every process's routes (grid incidents, mediation cases).
import type { Actor } from '../../domain/access';
import { endOfDay, startOfDay, yearOf } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import type { RoleName } from '../../domain/roles';
import { Prisma } from '../../prisma/generated/client';
import { businessTime, type AppDeps } from '../deps';

/** The named unit, or 404 NOT_FOUND. */
export async function findUnit(deps: AppDeps, unitId: string): Promise<{ id: string; name: string; path: string }> {
  const unit = await deps.prisma.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true, path: true } });
  if (!unit) throw new AppError('NOT_FOUND', `单位不存在:${unitId}`);
  return unit;
}

/** A list's optional unit filter, as conditions on its place-path `column`: records whose place lies in the unit (404 for an unknown unit). */
export async function placeInUnitSql(deps: AppDeps, column: Prisma.Sql, unitId: string | undefined): Promise<Prisma.Sql[]> {
  return unitId ? [Prisma.sql`starts_with(${column}, ${(await findUnit(deps, unitId)).path})`] : [];
}

/** A list's optional Beijing date range on one `column`, as conditions (either end may be open, both are included); 400 for a reversed range. */
export function dateRangeSql(column: Prisma.Sql, from: string | undefined, to: string | undefined): Prisma.Sql[] {
  // A reversed range would answer an empty list, which reads as "nothing happened then".
  if (from && to) assertDateOrder(from, to);
  return [...(from ? [Prisma.sql`${column} >= ${startOfDay(from)}`] : []), ...(to ? [Prisma.sql`${column} <= ${endOfDay(to)}`] : [])];
}

export interface StatisticsScopeOptions {
  deps: AppDeps;
  actor: Actor;
  query: { unitId?: string; from?: string; to?: string };
  authorize: (unitPath: string, roles: readonly RoleName[]) => void;
  /** Who may read these statistics. */
  roles: readonly RoleName[];
  /** The 403 message for someone with none of them, e.g. "您没有可以查看调解统计的角色。". */
  noRoleMessage: string;
}

/**
 * The unit and period of a statistics query: the unit defaults to the
 * caller's highest unit where they may read the statistics, the period to the
 * current year. Checks role and scope first, then that the period is ordered.
 */
export async function statisticsScope({ deps, actor, query, authorize, roles, noRoleMessage }: StatisticsScopeOptions) {
  const unitId = query.unitId ?? highestUnitWith(actor, roles);
  if (!unitId) throw new AppError('FORBIDDEN_ROLE', noRoleMessage);
  const year = yearOf(businessTime(deps));
  const from = query.from ?? `${year}-01-01`;
  const to = query.to ?? `${year}-12-31`;
  const unit = await findUnit(deps, unitId);
  authorize(unit.path, roles);
  assertDateOrder(from, to);
  return { unit, from, to, period: { gte: startOfDay(from), lte: endOfDay(to) } };
}

/** 400 VALIDATION_FAILED (`date_order` on `from`) unless `from` is on or before `to` (both YYYY-MM-DD). */
function assertDateOrder(from: string, to: string): void {
  if (from > to) {
    throw new AppError('VALIDATION_FAILED', '起始日期不能晚于截止日期。', {
      details: [{ in: 'query', field: 'from', code: 'date_order', message: '不能晚于截止日期(to)' }],
    });
  }
}

function highestUnitWith(actor: Actor, roles: readonly RoleName[]): string | undefined {
  const grants = actor.grants.filter((g) => roles.includes(g.role));
  grants.sort((a, b) => a.unitPath.split('/').length - b.unitPath.split('/').length);
  return grants[0]?.unitId;
}
