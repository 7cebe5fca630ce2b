// The simulator's plan is the whole year drawn from the seed before any
// request: the same seed must give the same year (the summary's byte-for-byte
// promise rests on it), the org must have 秦都's figures at full scale, and
// the round outcomes must land the year near seed 004's 80% success.
import { describe, expect, it } from 'vitest';
import { buildOrg } from '../../simulate/org';
import { CASES_FULL, planYear } from '../../simulate/plan';
import { createRng } from '../../simulate/rng';

const strip = (plan: ReturnType<typeof planYear>) => JSON.stringify({ ...plan, projects: plan.projects.map(({ delay, ...p }) => ({ ...p, delays: ['review', 'm1', 'release-d1'].map((k) => delay(k)) })) }, (_k, v) => (v instanceof Map ? [...v] : v));

describe('simulation plan', () => {
  it('builds 秦都 at full scale and a tenth of it at 0.1', () => {
    const full = buildOrg(1);
    expect([full.streets.length, full.communities.length, full.grids.length]).toEqual([10, 106, 893]);
    const tenth = buildOrg(0.1);
    expect([tenth.streets.length, tenth.communities.length, tenth.grids.length]).toEqual([1, 11, 89]);
    // Seven representatives on every community's roll.
    expect(tenth.people.filter((p) => p.role === 'resident_rep')).toHaveLength(77);
  });

  it('draws the same year from the same seed, and another from another seed', () => {
    const org = buildOrg(0.1);
    const a = strip(planYear(createRng(7), org, 2027, 0.1));
    expect(strip(planYear(createRng(7), org, 2027, 0.1))).toBe(a);
    expect(strip(planYear(createRng(8), org, 2027, 0.1))).not.toBe(a);
  });

  it('plans seed 004’s caseload, arriving on working days, with about 80% ending in agreement', () => {
    const plan = planYear(createRng(7), buildOrg(1), 2027, 1);
    expect(plan.cases).toHaveLength(CASES_FULL);
    expect(plan.cases.every((c) => ![0, 6].includes(new Date(`${c.arrival}T12:00:00+08:00`).getUTCDay()))).toBe(true);
    // Each case climbs until a level ends it; a late round climbs too.
    let agreed = 0;
    let concluded = 0;
    for (const c of plan.cases) {
      for (const level of ['community', 'street', 'district'] as const) {
        const end = c.levels[level].end;
        if (end === 'failure' || end === 'late') {
          if (level === 'district') concluded++;
          continue;
        }
        concluded++;
        if (end === 'agreement') agreed++;
        break;
      }
    }
    expect(agreed / concluded).toBeGreaterThan(0.75);
    expect(agreed / concluded).toBeLessThan(0.85);
    const applied = plan.cases.filter((c) => c.judicial.apply).length / plan.cases.length;
    expect(applied).toBeGreaterThan(0.18);
    expect(applied).toBeLessThan(0.26);
  });
});
