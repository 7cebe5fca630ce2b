import type { Actor } from '../../domain/access';
import type { PrismaClient } from '../../prisma/generated/client';
import { rawDb } from '../../db/raw-sql';

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

export interface SessionActor {
  /** Null when the person is unknown or deactivated. */
  actor: Actor | null;
  session: { personId: string; revokedAt: Date | null; expiresAt: Date };
}

interface SessionActorRow {
  personId: string;
  revokedAt: Date | null;
  expiresAt: Date;
  displayName: string;
  active: boolean;
  grants: Array<{ role: Actor['grants'][number]['role']; unitId: string; unitPath: string }>;
}

/**
 * What every authenticated request needs, in one round trip: the login
 * session named by the token and its person with every grant and the unit's
 * path. Read for every write, and for a read unless loaded within
 * AUTH_CACHE_MS (auth-cache.ts), so a logout, a deactivation or a changed
 * grant holds from the next action in every API process. Null when the
 * session does not exist.
 */
export async function loadSessionActor({ prisma, sessionId }: { prisma: PrismaClient; sessionId: string }): Promise<SessionActor | null> {
  const rows = await rawDb(prisma).$queryRaw<SessionActorRow[]>`
    SELECT s."personId", s."revokedAt", s."expiresAt", p."displayName", p.active,
           COALESCE(json_agg(json_build_object('role', r.role, 'unitId', r."unitId", 'unitPath', u.path)) FILTER (WHERE r.id IS NOT NULL), '[]') AS grants
      FROM "AuthSession" s
      JOIN "Person" p ON p.id = s."personId"
      LEFT JOIN "RoleAssignment" r ON r."personId" = p.id
      LEFT JOIN "Unit" u ON u.id = r."unitId"
     WHERE s.id = ${sessionId}
     GROUP BY s.id, p.id`;
  const row = rows[0];
  if (!row) return null;
  const session = { personId: row.personId, revokedAt: row.revokedAt, expiresAt: row.expiresAt };
  if (!row.active) return { actor: null, session };
  return {
    session,
    actor: {
      personId: row.personId,
      displayName: row.displayName,
      grants: row.grants.sort((a, b) => a.unitPath.localeCompare(b.unitPath) || a.role.localeCompare(b.role)),
    },
  };
}
