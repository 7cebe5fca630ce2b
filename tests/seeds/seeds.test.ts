import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, verifyPassword, type PrismaClient } from '../../db';
import { createDatabase, DEFAULT_ADMIN_URL, dropDatabase, scratchDatabaseName } from '../../db/databases';
import { migrate } from '../../db/migrate';
import { ROLE_NAMES } from '../../domain/roles';
import {
  DEMO_PEOPLE,
  DEMO_UNITS,
  demoPassword,
  demoUnitsAt,
  RESIDENT_REPS_PER_COMMUNITY,
  ROLES_BY_LEVEL,
  runSeeds,
  usernameFor,
} from '../../seeds';
import { testPrisma } from '../helpers/db';

const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
const dbName = scratchDatabaseName('cg_test_seed');

async function tableHash(prisma: PrismaClient): Promise<{ counts: number[]; hash: string }> {
  const units = await prisma.unit.findMany({ orderBy: { id: 'asc' } });
  const people = await prisma.person.findMany({ orderBy: { username: 'asc' } });
  const roles = await prisma.roleAssignment.findMany({ orderBy: [{ personId: 'asc' }, { role: 'asc' }, { unitId: 'asc' }] });
  return {
    counts: [units.length, people.length, roles.length],
    hash: createHash('sha256').update(JSON.stringify([units, people, roles])).digest('hex'),
  };
}

describe('seeds', () => {
  let prisma: PrismaClient;

  beforeAll(async () => {
    const url = await createDatabase(adminUrl, dbName);
    await migrate(url);
    prisma = createPrisma(url, { poolSize: 2 });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(adminUrl, dbName);
  });

  it('are idempotent: a second run changes no row', async () => {
    await runSeeds(prisma);
    const first = await tableHash(prisma);
    expect(first.counts).toEqual([DEMO_UNITS.length, DEMO_PEOPLE.length, DEMO_PEOPLE.length]);
    await runSeeds(prisma);
    expect(await tableHash(prisma)).toEqual(first);
  });

  it('build the demo tree: district, ≥3 streets, ≥10 communities, grids, with readable ids and paths', async () => {
    expect(demoUnitsAt('district').map((u) => u.id)).toEqual(['qindu']);
    expect(demoUnitsAt('street').length).toBeGreaterThanOrEqual(3);
    expect(demoUnitsAt('community').length).toBeGreaterThanOrEqual(10);
    expect(demoUnitsAt('grid').length).toBeGreaterThanOrEqual(demoUnitsAt('community').length);
    const units = await prisma.unit.findMany();
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      const parent = u.parentId ? byId.get(u.parentId) : undefined;
      expect(u.path).toBe(`${parent?.path ?? ''}${u.id}/`);
      if (parent) expect(u.id.startsWith(`${parent.id}-`)).toBe(true);
    }
  });

  it('give every role a holder at every level where it exists, with computable usernames', async () => {
    const assignments = await prisma.roleAssignment.findMany({ include: { person: true, unit: true } });
    const held = new Set(assignments.map((a) => `${a.role}@${a.unitId}`));
    for (const unit of DEMO_UNITS) {
      for (const role of ROLES_BY_LEVEL[unit.level]) {
        expect(held.has(`${role}@${unit.id}`), `${role} on ${unit.id}`).toBe(true);
        const a = assignments.find((x) => x.role === role && x.unitId === unit.id)!;
        expect(a.person.username).toBe(usernameFor(role, unit.id));
      }
    }
    expect(new Set(assignments.map((a) => a.role))).toEqual(new Set(ROLE_NAMES));
    for (const c of demoUnitsAt('community')) {
      const reps = assignments.filter((a) => a.role === 'resident_rep' && a.unitId === c.id);
      expect(reps.length).toBe(RESIDENT_REPS_PER_COMMUNITY);
      expect(reps.map((r) => r.person.username).sort()).toContain(usernameFor('resident_rep', c.id, 6));
    }
  });

  it('store an argon2 hash of the demo password', async () => {
    const p = await prisma.person.findUniqueOrThrow({ where: { username: usernameFor('street_office', 'qindu-renmin') } });
    expect(p.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(p.passwordHash, demoPassword())).toBe(true);
    expect(await verifyPassword(p.passwordHash, 'wrong')).toBe(false);
  });

  it('were loaded into the run database by the global setup', async () => {
    expect(await testPrisma().person.count({ where: { username: usernameFor('district_org', 'qindu') } })).toBe(1);
  });
});
