// The console's demo clock (CLOCK=virtual, issue 11 item 1): an administrator
// sees the platform's time, the next deadline and the record it belongs to,
// moves the clock from 系统管理, and every page shows the new time. With time
// moved, a node runs overdue and 督查通报 reports it (on a phone here).
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { apply, ok, toImplementation, U as P } from '../project/fixtures';
import { CONSOLE_PEOPLE as U, DESKTOP, PHONE, pickOption, projectPlatform, startConsoleHarness, type ConsoleHarness } from './browser';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startConsoleHarness({ virtualClock: true });
}, 180_000);
afterEach(async ({ task }) => h?.endTest(task));
afterAll(() => h?.close());

it('an administrator sees whose deadline is next and moves the clock a day; the banner shows the new time', { timeout: 120_000 }, async () => {
  // A project in its 公示: its end is a deadline of this platform, the only process running here.
  const pp = projectPlatform(h);
  const id = await apply(pp, { amounts: [1_000_000], title: '演示时钟-公示中的项目' });
  await ok(pp, P.street, id, 'reviewApplication', { decision: 'approve' });

  const admin = await h.loginAs(U.admin, DESKTOP, `/manage`);
  const card = admin.locator('.ant-card').filter({ hasText: '演示时钟' });
  await card.getByText('下一个截止时间', { exact: true }).waitFor();
  // The deadline's record, linked to its page.
  expect(await card.getByRole('link', { name: '演示时钟-公示中的项目' }).getAttribute('href')).toBe(`/projects/${id}`);
  const banner = admin.getByText(/演示模式:平台使用虚拟时钟,当前平台时间/);
  const timeOf = async () => Date.parse(`${/当前平台时间 (\d{4}-\d{2}-\d{2} \d{2}:\d{2})/.exec((await banner.textContent()) ?? '')![1]!.replace(' ', 'T')}:00+08:00`);
  const before = await timeOf();
  await h.shot(admin, '67-demo-clock');

  await card.getByRole('button', { name: '快进 1 天' }).click();
  await admin.getByText(/^已快进到 \d{4}-\d{2}-\d{2} \d{2}:\d{2},到期的处理已完成$/).waitFor();
  await expect.poll(timeOf).toBeGreaterThanOrEqual(before + 86_400_000);
  const audit = await h.p.prisma.auditLog.findFirst({ where: { action: 'advanceClock' }, orderBy: { id: 'desc' } });
  expect(audit?.data).toMatchObject({ request: { days: 1 } });
});

it('督查通报 on a phone lists a node overdue in the quarter as one stacked cell', { timeout: 120_000 }, async () => {
  const pp = projectPlatform(h);
  const title = '督查通报-逾期节点';
  const id = await apply(pp, { amounts: [1_000_000], dueInDays: 12, title });
  await toImplementation(pp, id);
  // Past the node's date: the process marks it overdue.
  await h.p.advanceTime(4 * 86_400_000);
  const overdueSince = async () => (await h.p.prisma.projectMilestone.findFirst({ where: { projectId: id, seq: 1 }, select: { overdueSince: true } }))?.overdueSince ?? null;
  await expect.poll(overdueSince, { timeout: 30_000 }).not.toBeNull();
  const beijing = new Date((await overdueSince())!.getTime() + 8 * 3_600_000);

  const street = await h.loginAs(U.street, PHONE, `/projects/supervision`);
  await street.getByLabel('年度').fill(String(beijing.getUTCFullYear()));
  await pickOption(street, '季度', `第${Math.floor(beijing.getUTCMonth() / 3) + 1}季度`);
  const card = street.locator('.section-card', { hasText: '逾期节点' });
  const row = card.locator('.ant-table-tbody tr', { hasText: title });
  await row.waitFor();
  expect(await card.locator('.ant-table-thead th').count()).toBe(1);
  expect(await row.textContent()).toMatch(/1\. 第1阶段.*计划 \d{4}-\d{2}-\d{2} 完成 · \d{4}-\d{2}-\d{2} 起逾期/);
  expect(await card.locator('.ant-table-content').first().evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await h.shot(street, '18b-supervision-overdue-phone');
});
