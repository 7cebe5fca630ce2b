// The people picker's query: active people with a grant on the line (above or
// below) of some units, found by name, username or id. A superset: the caller
// keeps the grants its rule accepts (domain/inbox/candidates.ts), so the rule
// has one home and the SQL only narrows the rows read.
import type { RoleName } from '../../domain/roles';
import { ROLE_LABELS } from '../../domain/roles';
import { Prisma, type PrismaClient } from '../../prisma/generated/client';

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
  /** Unit paths whose line (the units above and below each) a grant must lie on. */
  linePaths: string[];
  /** Only grants of this role. */
  role?: RoleName;
  /** Name (any part), username (its start) or exact person id; empty: everyone on the line. */
  q: string;
  exclude: string[];
  /** Rows read before the rule filters them: bounds the work of a short query on a large street. */
  maxRows?: number;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchPeople({ prisma, linePaths, role, q, exclude, maxRows = 500 }: SearchPeopleOptions): Promise<FoundPerson[]> {
  if (linePaths.length === 0) return [];
  const line = Prisma.join(
    linePaths.map((p) => Prisma.sql`(starts_with(${p}, u.path) OR starts_with(u.path, ${p}))`),
    ' OR ',
  );
  const and: Prisma.Sql[] = [Prisma.sql`p.active`, Prisma.sql`(${line})`];
  if (role) and.push(Prisma.sql`r.role = ${role}::"RoleName"`);
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
