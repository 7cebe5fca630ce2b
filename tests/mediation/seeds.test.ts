// The demo mediation cases: created through the real use cases and
// workflows, one in every state, and idempotent.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoMediationCases, seedMediationDemos } from '../../seeds/mediation';
import { startMediationPlatform, type MediationPlatform } from './support';

let p: MediationPlatform;
beforeAll(async () => {
  p = await startMediationPlatform();
});
afterAll(() => p?.close());

it('seeds a realistic mix of cases in every state, once', async () => {
  const ctx = { prisma: p.prisma, log: () => {}, temporal: p.client, taskQueue: p.taskQueue };
  await seedMediationDemos(ctx);
  const titles = demoMediationCases('2026-01-01').map((d) => d.body.title);
  const rows = await p.waitFor(async () => {
    const r = await p.prisma.mediationCase.findMany({ where: { title: { in: titles } } });
    return r.length === titles.length && r.every((x) => x.stage !== 'triage') ? r : false;
  });
  const byTitle = Object.fromEntries(rows.map((r) => [r.title, r]));
  expect(byTitle['广场舞音响噪声扰民']).toMatchObject({ stage: 'in_round', currentLevel: 'community', mediatorId: null });
  expect(byTitle['楼道堆放杂物引发邻里争执']).toMatchObject({ stage: 'in_round', currentLevel: 'community' });
  expect(byTitle['楼道堆放杂物引发邻里争执'].mediatorId).not.toBeNull();
  expect(byTitle['物业费争议及电梯维修']).toMatchObject({ stage: 'in_round', currentLevel: 'street' });
  expect(byTitle['务工人员讨要工资']).toMatchObject({ stage: 'in_round', currentLevel: 'street', highRisk: true });
  expect(byTitle['卫生间漏水致楼下受损']).toMatchObject({ stage: 'agreement', judicialStatus: 'applied' });
  await p.waitFor(async () => (await p.prisma.mediationCase.findFirst({ where: { title: '冬季供暖温度不达标', judicialStatus: 'confirmed' } })) !== null);
  expect(byTitle['装修工程款结算纠纷']).toMatchObject({ stage: 'closed', outcome: 'not_mediated' });
  expect(byTitle['邻里纠纷中一方被打伤']).toMatchObject({ stage: 'closed', outcome: 'referred_out' });
  await p.waitFor(async () => (await p.prisma.mediationCase.findFirst({ where: { title: '离婚后子女探视安排', outcome: 'withdrawn' } })) !== null);

  await seedMediationDemos(ctx);
  expect(await p.prisma.mediationCase.count({ where: { title: { in: titles } } })).toBe(titles.length);
});
