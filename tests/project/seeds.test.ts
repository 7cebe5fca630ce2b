// The demo projects: real workflows in several stages, seeded idempotently.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toLocalDate } from '../../domain/calendar';
import { demoProjects, seedProjectDemos } from '../../seeds/project';
import { U } from './fixtures';
import { startProjectPlatform, waitFor, type ProjectPlatform } from './support';

let p: ProjectPlatform;
beforeAll(async () => {
  p = await startProjectPlatform();
});
afterAll(async () => {
  await p?.stop();
});

it('seeds demo projects in several stages, once', async () => {
  const ctx = { prisma: p.prisma, log: () => {}, temporal: p.base.client, taskQueue: p.base.taskQueue };
  await seedProjectDemos(ctx);
  await seedProjectDemos(ctx);
  const titles = ['红色物业·楼院微治理', '党员先锋岗·老旧小区加装电梯协调', '社区书院·党员教育', '网格党支部·邻里互助', '广场文化节'];
  expect(await p.prisma.project.count({ where: { title: { in: titles }, year: p.now().getUTCFullYear() } })).toBe(titles.length);
  await waitFor(async () => {
    const fresh = await p.prisma.project.findMany({ where: { title: { in: titles } } });
    return fresh.every((r) => r.version > 0) && fresh;
  });
  const fresh = await p.prisma.project.findMany({ where: { title: { in: titles } } });
  const by = (t: string) => fresh.find((r) => r.title === t)!;
  expect([by(titles[0]).stage, by(titles[0]).step]).toEqual(['approval', 'street_review']);
  expect([by(titles[1]).stage, by(titles[1]).step]).toEqual(['approval', 'district_review']);
  expect(by(titles[2]).stage).toBe('notice');
  expect([by(titles[3]).stage, by(titles[3]).step]).toEqual(['approval', 'revision']);
  expect(by(titles[4]).stage).toBe('rejected');
  // Planned after the day they were applied for: none is overdue before it has begun.
  const today = toLocalDate(p.now());
  for (const r of fresh) {
    for (const m of (r.snapshot as { application: { milestones: Array<{ dueDate: string }> } }).application.milestones) expect(m.dueDate > today, `${r.title}: ${m.dueDate}`).toBe(true);
  }
  // The seeded projects can be acted on like any other.
  const res = await p.post(U.district, `/api/projects/${by(titles[1]).id}/actions/decideDistrictApproval`, { decision: 'approve', comment: '同意' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
});

it('plans the demo milestones after the day of seeding, also when it is seeded in December', () => {
  for (const today of ['2027-01-02', '2026-12-06', '2026-12-31']) {
    for (const demo of demoProjects(today)) {
      expect(demo.body.year).toBe(Number(today.slice(0, 4)));
      const dates = demo.body.milestones!.map((m) => m.dueDate);
      expect(dates.every((d) => d > today), `${today} ${demo.body.title}: ${dates.join(', ')}`).toBe(true);
      expect([...dates].sort()).toEqual(dates);
    }
  }
  expect(demoProjects('2026-12-06')[0]!.body.milestones!.map((m) => m.dueDate)).toEqual(['2027-03-28', '2027-06-28']);
});
