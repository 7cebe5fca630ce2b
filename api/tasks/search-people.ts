// The people picker's query: active people with a grant on the line (above or
// below) of some units, found by name, username or id. A superset: the caller
// keeps the grants its rule accepts (domain/inbox/candidates.ts), so the rule
// has one home and the SQL only narrows the rows read.
import { AppError } from '../../domain/errors';
import type { RoleName } from '../../domain/roles';
import { ROLE_LABELS } from '../../domain/roles';
import { Prisma, type PrismaClient } from '../../prisma/generated/client';
import { likeEscape } from '../http/like';

export interface FoundGrant {
  role: RoleName;
  unitId: string;
  unitName: string;
  unitPath: string;
}

export interface FoundPerson {
  personId: string;
  displayName: string;
  grants: FoundGrant[];
}

export interface SearchPeopleOptions {
  prisma: PrismaClient;
  /** Unit paths whose line (the units above and below each) a grant must lie on; null: any unit. */
  linePaths: string[] | null;
  /** Only grants of these roles. */
  roles?: readonly RoleName[];
  /** Name (any part), username (its start) or exact person id; empty: everyone on the line. */
  q: string;
  exclude: string[];
  /** Rows read before the rule filters them: bounds the work of a short query on a large street. */
  maxRows?: number;
}

export async function searchPeople({ prisma, linePaths, roles, q, exclude, maxRows = 500 }: SearchPeopleOptions): Promise<FoundPerson[]> {
  if (linePaths?.length === 0 || roles?.length === 0) return [];
  const and: Prisma.Sql[] = [Prisma.sql`p.active`];
  if (linePaths) and.push(Prisma.sql`(${Prisma.join(linePaths.map((p) => Prisma.sql`(starts_with(${p}, u.path) OR starts_with(u.path, ${p}))`), ' OR ')})`);
  if (roles) and.push(Prisma.sql`r.role::text IN (${Prisma.join([...roles])})`);
  if (exclude.length > 0) and.push(Prisma.sql`p.id NOT IN (${Prisma.join(exclude)})`);
  const text = q.trim();
  if (text) {
    const like = likeEscape(text);
    and.push(Prisma.sql`(p."displayName" ILIKE ${`%${like}%`} OR p.username ILIKE ${`${like}%`} OR p.id = ${text})`);
  }
  const rows = await prisma.$queryRaw<{ id: string; displayName: string; role: RoleName; unitId: string; unitName: string; unitPath: string }[]>`
    SELECT p.id, p."displayName", r.role::text AS role, u.id AS "unitId", u.name AS "unitName", u.path AS "unitPath"
      FROM "Person" p JOIN "RoleAssignment" r ON r."personId" = p.id JOIN "Unit" u ON u.id = r."unitId"
     WHERE ${Prisma.join(and, ' AND ')}
     ORDER BY p."displayName", p.id, u.path, r.role
     LIMIT ${maxRows}`;
  const people = new Map<string, FoundPerson>();
  for (const r of rows) {
    const person = people.get(r.id) ?? { personId: r.id, displayName: r.displayName, grants: [] };
    person.grants.push({ role: r.role, unitId: r.unitId, unitName: r.unitName, unitPath: r.unitPath });
    people.set(r.id, person);
  }
  return [...people.values()];
}

/** Keeps the grants `accept` allows, the people left with one, at most `limit`, labelled for the picker. */
export function presentCandidates(people: FoundPerson[], accept: (g: FoundGrant) => boolean, limit: number) {
  return people
    .map((p) => ({ ...p, grants: p.grants.filter(accept) }))
    .filter((p) => p.grants.length > 0)
    .slice(0, limit)
    .map((p) => ({
      personId: p.personId,
      displayName: p.displayName,
      grants: p.grants.map((g) => ({ role: g.role, roleLabel: ROLE_LABELS[g.role], unitId: g.unitId, unitName: g.unitName })),
    }));
}

/**
 * The people named by a request (a 委派 delegate, 抄送 readers, a 代理 deputy)
 * whom the picker would not have offered: active people without a grant
 * `accept` allows. Refuses with 422 TARGET_OUT_OF_REACH naming them, so the API
 * accepts exactly whom the picker offers — a hand-made request cannot send
 * work, news or a deputy's powers to a stranger's unit. Unknown or inactive
 * ids are the caller's own refusal (each operation words it).
 */
export async function refuseOutOfReach(
  prisma: PrismaClient,
  personIds: readonly string[],
  accept: (g: Pick<FoundGrant, 'role' | 'unitPath'>) => boolean,
  /** The operation and its rule, in the person's words. */
  said: { what: string; rule: string },
): Promise<void> {
  const rows = await prisma.roleAssignment.findMany({
    where: { personId: { in: [...personIds] } },
    select: { personId: true, role: true, unit: { select: { path: true } }, person: { select: { displayName: true } } },
  });
  const named = new Map<string, string>();
  const reached = new Set<string>();
  for (const r of rows) {
    named.set(r.personId, r.person.displayName);
    if (accept({ role: r.role, unitPath: r.unit.path })) reached.add(r.personId);
  }
  const out = personIds.filter((id) => !reached.has(id)).map((id) => named.get(id) ?? id);
  if (out.length > 0) throw new AppError('TARGET_OUT_OF_REACH', `${out.join('、')}不在可${said.what}的范围内:${said.rule}`);
}
