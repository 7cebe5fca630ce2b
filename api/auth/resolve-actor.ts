import type { Actor } from '../../domain/access';
import type { PrismaClient } from '../../prisma/generated/client';

export interface ResolveActorOptions {
  prisma: PrismaClient;
  personId: string;
}

/**
 * Loads the person and every role they hold with the unit's materialised
 * path, the shape domain/access.ts checks scope against. Null when the person
 * is unknown or deactivated.
 */
export async function resolveActor({ prisma, personId }: ResolveActorOptions): Promise<Actor | null> {
  const person = await prisma.person.findUnique({
    where: { id: personId },
    select: {
      id: true,
      displayName: true,
      active: true,
      roles: { select: { role: true, unitId: true, unit: { select: { path: true } } } },
    },
  });
  if (!person || !person.active) return null;
  return {
    personId: person.id,
    displayName: person.displayName,
    grants: person.roles
      .map((r) => ({ role: r.role, unitId: r.unitId, unitPath: r.unit.path }))
      .sort((a, b) => a.unitPath.localeCompare(b.unitPath) || a.role.localeCompare(b.role)),
  };
}
