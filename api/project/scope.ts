// Who may read which projects: any role covering the community (the street,
// the district, finance, auditors), plus people working inside it (a grid's
// resident representative reads the projects of its community).
import type { Actor } from '../../domain/access';

export function canReadProject(actor: Actor, communityPath: string): boolean {
  return actor.grants.some((g) => communityPath.startsWith(g.unitPath) || g.unitPath.startsWith(communityPath));
}

/** Prisma filter on Project.unitPath for the actor's scope. */
export function projectScopeFilter(actor: Actor): Record<string, unknown> {
  const ancestors = new Set<string>();
  for (const g of actor.grants) {
    const parts = g.unitPath.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) ancestors.add(`${parts.slice(0, i).join('/')}/`);
  }
  const ors: Record<string, unknown>[] = actor.grants.map((g) => ({ unitPath: { startsWith: g.unitPath } }));
  if (ancestors.size > 0) ors.push({ unitPath: { in: [...ancestors] } });
  return ors.length > 0 ? { OR: ors } : { unitPath: '__none__' };
}
