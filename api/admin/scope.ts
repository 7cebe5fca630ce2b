// Which people an administrator manages: those holding at least one role on a
// unit inside the administrator's own admin grants. Everyone else is
// invisible (404), the way other units' records are. Grants outside the scope
// are not shown either: a street's admin does not learn what a person does
// in another street.
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { ROLE_LABELS, type RoleName } from '../../domain/roles';
import type { PrismaClient } from '../../prisma/generated/client';
import { scopePaths } from '../auth/guard';

export const adminScope = (actor: Actor): string[] => scopePaths(actor, ['admin']);

export const inScope = (paths: string[], unitPath: string): boolean => paths.some((p) => unitPath.startsWith(p));

/** Prisma filter on a unit relation's path: any unit inside the scope. */
export const unitInScope = (paths: string[]) => ({ OR: paths.map((p) => ({ path: { startsWith: p } })) });

export const PERSON_SELECT = {
  id: true,
  username: true,
  displayName: true,
  phone: true,
  active: true,
  roles: { select: { id: true, role: true, unit: { select: { id: true, name: true, path: true } } } },
} as const;

type PersonRow = {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  active: boolean;
  roles: Array<{ id: string; role: RoleName; unit: { id: string; name: string; path: string } }>;
};

export function presentPerson(person: PersonRow, paths: string[]) {
  return {
    id: person.id,
    username: person.username,
    displayName: person.displayName,
    phone: person.phone,
    active: person.active,
    grants: person.roles
      .filter((r) => inScope(paths, r.unit.path))
      .map((r) => ({ id: r.id, role: r.role, roleLabel: ROLE_LABELS[r.role], unitId: r.unit.id, unitName: r.unit.name, unitPath: r.unit.path }))
      .sort((a, b) => a.unitPath.localeCompare(b.unitPath) || a.role.localeCompare(b.role)),
  };
}

/**
 * The person, when the administrator manages them; NOT_FOUND otherwise.
 * `wholeAccount` is true when every grant of the person lies in the scope:
 * only then may the administrator act on the account itself (deactivate).
 */
export async function loadManagedPerson(options: { prisma: PrismaClient; actor: Actor; personId: string }) {
  const paths = adminScope(options.actor);
  const person = await options.prisma.person.findUnique({ where: { id: options.personId }, select: PERSON_SELECT });
  if (!person || !person.roles.some((r) => inScope(paths, r.unit.path))) throw new AppError('NOT_FOUND', '没有该人员，或不在您的管理范围内');
  return { person, paths, wholeAccount: person.roles.every((r) => inScope(paths, r.unit.path)) };
}
