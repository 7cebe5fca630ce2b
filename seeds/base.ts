// The demo district (units, people, role assignments), loaded idempotently:
// upserts keyed on unit id, username and (person, role, unit). Existing
// people keep their password hash, so a second run changes no row (argon2
// salts differ per hash); set DEMO_PASSWORD before the first run.
import { hashPassword } from '../db/passwords';
import { DEMO_PEOPLE, DEMO_UNITS, demoPassword } from './demo-org';
import type { Seed, SeedContext } from './types';

export async function seedDemoOrg({ prisma, log }: SeedContext): Promise<void> {
  // Parents come before children in DEMO_UNITS.
  for (const u of DEMO_UNITS) {
    const data = { name: u.name, level: u.level, parentId: u.parentId, path: u.path };
    await prisma.unit.upsert({ where: { id: u.id }, create: { id: u.id, ...data }, update: data });
  }
  const existing = new Map(
    (await prisma.person.findMany({ where: { username: { in: DEMO_PEOPLE.map((p) => p.username) } }, select: { id: true, username: true } })).map(
      (p) => [p.username, p.id],
    ),
  );
  const missing = DEMO_PEOPLE.filter((p) => !existing.has(p.username));
  if (missing.length > 0) {
    // One hash for every new demo person: hashing is deliberately slow.
    const passwordHash = await hashPassword(demoPassword());
    for (const p of missing) {
      const row = await prisma.person.upsert({
        where: { username: p.username },
        create: { username: p.username, displayName: p.displayName, passwordHash },
        update: {},
        select: { id: true },
      });
      existing.set(p.username, row.id);
    }
  }
  for (const p of DEMO_PEOPLE) {
    const personId = existing.get(p.username)!;
    await prisma.roleAssignment.upsert({
      where: { personId_role_unitId: { personId, role: p.role, unitId: p.unitId } },
      create: { personId, role: p.role, unitId: p.unitId },
      update: {},
    });
  }
  log(`demo district: ${DEMO_UNITS.length} units, ${DEMO_PEOPLE.length} people (${missing.length} new)`);
}

export const baseSeeds: Seed[] = [{ name: 'demo-org', run: seedDemoOrg }];
