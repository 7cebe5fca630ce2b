// The 代理 date rule has one home in domain/inbox with two forms: the pure
// `proxyCovers` and the SQL fragment the task list filters with. Both run on
// the same arrangements and the same moments (Beijing midnight edges,
// cancelled, one-day ranges) against the real PostgreSQL, so they cannot
// drift apart. Likewise for the personal-step condition.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPersonalStep } from '../../domain/inbox/personal';
import { personalStepSql, proxyCoversSql } from '../../domain/inbox/proxy-sql';
import { proxyCovers } from '../../domain/inbox/rules';
import { Prisma } from '../../prisma/generated/client';
import { testPrisma, uniqueSuffix } from '../helpers/db';

const prisma = testPrisma();
const key = uniqueSuffix();
const ranges: { startsOn: string; endsOn: string; cancelled: boolean }[] = [
  { startsOn: '2026-06-10', endsOn: '2026-06-12', cancelled: false },
  { startsOn: '2026-06-10', endsOn: '2026-06-10', cancelled: false },
  { startsOn: '2026-06-11', endsOn: '2026-06-11', cancelled: false },
  { startsOn: '2026-06-09', endsOn: '2026-06-09', cancelled: false },
  { startsOn: '2026-05-31', endsOn: '2026-06-30', cancelled: true },
  { startsOn: '2025-12-31', endsOn: '2026-01-01', cancelled: false },
];
// Around Beijing midnight (UTC+8): 2026-06-09T16:00Z is 06-10 00:00 in Beijing.
const moments = [
  '2026-06-09T15:59:59Z',
  '2026-06-09T16:00:00Z',
  '2026-06-10T04:00:00Z',
  '2026-06-10T15:59:59Z',
  '2026-06-10T16:00:00Z',
  '2026-06-12T15:59:59Z',
  '2026-06-12T16:00:00Z',
  '2025-12-31T15:59:59Z',
  '2025-12-31T16:00:00Z',
  '2026-01-01T15:59:59Z',
].map((s) => new Date(s));
const ids: string[] = [];

beforeAll(async () => {
  const now = new Date();
  for (const [i, r] of ranges.entries()) {
    const row = await prisma.outOfOfficeProxy.create({
      data: { personId: `sqlp-${key}-${i}`, deputyId: `sqld-${key}`, startsOn: r.startsOn, endsOn: r.endsOn, reason: 'test', createdAt: now, cancelledAt: r.cancelled ? now : null },
    });
    ids.push(row.id);
  }
});
afterAll(async () => {
  await prisma.outOfOfficeProxy.deleteMany({ where: { id: { in: ids } } });
});

describe('代理: proxyCovers and proxyCoversSql agree', () => {
  it.each(moments.map((m) => [m.toISOString(), m] as const))('at %s', async (_label, now) => {
    const rows = await prisma.$queryRaw<{ id: string }[]>`SELECT p.id FROM "OutOfOfficeProxy" p WHERE p."deputyId" = ${`sqld-${key}`} AND ${proxyCoversSql('p', now)}`;
    const bySql = new Set(rows.map((r) => r.id));
    const byRule = new Set(ranges.map((r, i) => (proxyCovers({ personId: 'x', deputyId: 'y', ...r }, now) ? ids[i]! : null)).filter((x): x is string => x !== null));
    expect(bySql).toEqual(byRule);
  });

  it('covers something and leaves something out on the moments chosen (the comparison is not vacuous)', () => {
    const counts = moments.map((now) => ranges.filter((r) => proxyCovers({ personId: 'x', deputyId: 'y', ...r }, now)).length);
    expect(Math.max(...counts)).toBeGreaterThan(0);
    expect(Math.min(...counts)).toBe(0);
  });

  it('refuses an alias that is not a plain identifier', () => {
    expect(() => proxyCoversSql('p; DROP TABLE x', new Date())).toThrow(/alias/);
  });
});

describe('personal steps: isPersonalStep and personalStepSql agree', () => {
  it.each([
    ['reporting', 'castVote'],
    ['reporting', 'scoreUpward'],
    ['project', 'castVote'],
    ['mediation', 'acceptCase'],
  ])('%s.%s', async (process, action) => {
    const [row] = await prisma.$queryRaw<{ personal: boolean }[]>`SELECT ${personalStepSql('t')} AS personal FROM (SELECT ${process}::text AS process, ${action}::text AS action) t`;
    expect(row!.personal).toBe(isPersonalStep(process, action));
  });
  it('names the vote as personal', () => {
    expect(isPersonalStep('reporting', 'castVote')).toBe(true);
    expect(Prisma.sql`${personalStepSql('t')}`.values).toEqual(['reporting', 'castVote']);
  });
});
