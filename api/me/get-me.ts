import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { ROLE_LABELS, type RoleName } from '../../domain/roles';
import type { PrismaClient, UnitLevel } from '../../prisma/generated/client';
import { rawDb } from '../../db/raw-sql';

export interface GetMeOptions {
  prisma: PrismaClient;
  actor: Actor;
}

export interface MeGrant {
  role: RoleName;
  roleLabel: string;
  unitId: string;
  unitName: string;
  unitLevel: UnitLevel;
  unitPath: string;
}

/**
 * The caller and their grants, in one query (the console asks on every
 * load): through the model, a person with their roles and each role's unit
 * cost the API's thread more than a page of tasks.
 */
export async function getMe({ prisma, actor }: GetMeOptions) {
  const rows = await rawDb(prisma).$queryRaw<
    Array<{ id: string; username: string; displayName: string; phone: string | null; role: RoleName | null; unitId: string | null; unitName: string | null; unitLevel: UnitLevel | null; unitPath: string | null }>
  >`SELECT p.id, p.username, p."displayName", p.phone, r.role::text AS role, u.id AS "unitId", u.name AS "unitName", u.level::text AS "unitLevel", u.path AS "unitPath"
      FROM "Person" p LEFT JOIN "RoleAssignment" r ON r."personId" = p.id LEFT JOIN "Unit" u ON u.id = r."unitId"
     WHERE p.id = ${actor.personId}`;
  const person = rows[0];
  if (!person) throw new AppError('NOT_FOUND', '您的账号已不存在。');
  const grants: MeGrant[] = rows
    .filter((r) => r.role !== null && r.unitId !== null)
    .map((r) => ({ role: r.role!, roleLabel: ROLE_LABELS[r.role!], unitId: r.unitId!, unitName: r.unitName!, unitLevel: r.unitLevel!, unitPath: r.unitPath! }))
    .sort((a, b) => a.unitPath.localeCompare(b.unitPath) || a.role.localeCompare(b.role));
  return { person: { id: person.id, username: person.username, displayName: person.displayName, phone: person.phone }, grants };
}
