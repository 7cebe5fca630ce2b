import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { ROLE_LABELS, type RoleName } from '../../domain/roles';
import type { PrismaClient, UnitLevel } from '../../prisma/generated/client';

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

export async function getMe({ prisma, actor }: GetMeOptions) {
  const person = await prisma.person.findUnique({
    where: { id: actor.personId },
    select: {
      id: true,
      username: true,
      displayName: true,
      phone: true,
      roles: { select: { role: true, unit: { select: { id: true, name: true, level: true, path: true } } } },
    },
  });
  if (!person) throw new AppError('NOT_FOUND', '您的账号已不存在。');
  const grants: MeGrant[] = person.roles
    .map((r) => ({
      role: r.role,
      roleLabel: ROLE_LABELS[r.role],
      unitId: r.unit.id,
      unitName: r.unit.name,
      unitLevel: r.unit.level,
      unitPath: r.unit.path,
    }))
    .sort((a, b) => a.unitPath.localeCompare(b.unitPath) || a.role.localeCompare(b.role));
  return { person: { id: person.id, username: person.username, displayName: person.displayName, phone: person.phone }, grants };
}
