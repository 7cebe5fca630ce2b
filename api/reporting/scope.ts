// Who may read which reports. A role covers its unit's subtree; resident
// representatives sit on the community or on a grid below it, so a grant
// inside the community also lets its holder read that community's report.
import type { Actor } from '../../domain/access';
import { REPORT_READER_ROLES } from '../../domain/reporting';
import type { RoleName } from '../../domain/roles';

export function canReadCommunity(actor: Actor, communityPath: string, roles: readonly RoleName[] = REPORT_READER_ROLES): boolean {
  return actor.grants.some((g) => roles.includes(g.role) && (communityPath.startsWith(g.unitPath) || g.unitPath.startsWith(communityPath)));
}

/**
 * Prisma filter on a community path column: the communities under the
 * actor's covering grants, plus those containing a grant (a grid's rep).
 */
export function communityPathFilter(actor: Actor, column = 'communityPath'): Record<string, unknown> {
  const grants = actor.grants.filter((g) => REPORT_READER_ROLES.includes(g.role));
  const ors: Array<Record<string, unknown>> = grants.map((g) => ({ [column]: { startsWith: g.unitPath } }));
  // A grant below a community (a grid): every community path that is a prefix of it.
  const ancestors = new Set<string>();
  for (const g of grants) {
    const parts = g.unitPath.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) ancestors.add(`${parts.slice(0, i).join('/')}/`);
  }
  if (ancestors.size > 0) ors.push({ [column]: { in: [...ancestors] } });
  return ors.length > 0 ? { OR: ors } : { [column]: '__none__' };
}
