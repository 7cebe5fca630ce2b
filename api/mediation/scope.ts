// The cases a person may list: those whose place lies under a unit where they
// hold a reading role, plus those they mediate (a district mediator seconded
// to a case elsewhere still sees it).
import type { Actor } from '../../domain/access';
import { VIEW_ROLES } from '../../domain/mediation/access';

export function caseScopeFilter(actor: Actor): Record<string, unknown> {
  const ors: Record<string, unknown>[] = actor.grants
    .filter((g) => VIEW_ROLES.includes(g.role))
    .map((g) => ({ placePath: { startsWith: g.unitPath } }));
  ors.push({ mediatorId: actor.personId });
  return { OR: ors };
}
