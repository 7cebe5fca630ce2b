// The incidents a person may list: those whose place lies under a unit where
// they hold a reading role, those they reported, and those dispatched to a
// unit they handle for (a district office sees what the street sent it).
import type { Actor } from '../../domain/access';
import { VIEW_ROLES } from '../../domain/grid/access';
import { HANDLER_ROLE_BY_LEVEL } from '../../domain/grid/types';

const HANDLER_ROLES: readonly string[] = Object.values(HANDLER_ROLE_BY_LEVEL);

export function incidentScopeFilter(actor: Actor): Record<string, unknown> {
  const ors: Record<string, unknown>[] = actor.grants.filter((g) => VIEW_ROLES.includes(g.role)).map((g) => ({ placePath: { startsWith: g.unitPath } }));
  ors.push({ reportedById: actor.personId });
  const handled = actor.grants.filter((g) => HANDLER_ROLES.includes(g.role)).map((g) => g.unitId);
  if (handled.length) ors.push({ assigneeUnitId: { in: handled } });
  return { OR: ors };
}
