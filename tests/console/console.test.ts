// The web console (工作台) in a real browser against the real platform, part
// two: serving, login and the shell, 矛盾调解, 系统管理, the bell, deadline
// countdowns and sessions (part one, projects and 双向述职, is
// projects-and-reporting.test.ts). Screenshots into artifacts/, axe-core on
// each page.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { Context } from '@temporalio/activity';
import type { Activities } from '../../activities';
import { addWorkingDays, workingDaysBetween, yearsToLoad } from '../../domain/calendar';
import { loadCalendar } from '../../db/calendar-store';
import { listCalendarYears } from '../../api/admin/list-calendar-years';
import { caseBody, who as M } from '../mediation/support';
import { apply } from '../project/fixtures';
import { waitFor } from '../project/support';
import { uniqueSuffix } from '../helpers/db';
import { demoPassword } from '../../seeds/demo-org';
import { CONSOLE_PEOPLE as U, dateIn, DESKTOP, downloadedCsv, fillDate, PHONE, projectPlatform, pickOption, settled, startConsoleHarness, submitDialog, toPhone, extraPerson, type ConsoleHarness } from './browser';

let h: ConsoleHarness;
// 流程运维's retry: reading the working-day calendar fails for these processes, as in an outage of the calendar service, and for
// every process started while `calendarDown` is set.
const outage = new Set<string>();
let calendarDown = false;
beforeAll(async () => {
  h = await startConsoleHarness({
    activities: (a: Activities) => ({
      ...a,
      loadWorkCalendar: async () => {
        const workflowId = Context.current().info.workflowExecution?.workflowId ?? '';
        if (calendarDown) outage.add(workflowId);
        if (outage.has(workflowId)) throw new Error('测试:工作日历服务暂不可用');
        return a.loadWorkCalendar();
      },
    }),
  });
}, 240_000);
afterEach(async ({ task }) => h?.endTest(task));
afterAll(() => h?.close());

describe('serving', () => {
  it('serves the console at / with history fallback, long-lived hashed assets and the CSP', async () => {
    const index = await fetch(`${h.baseUrl}/projects/some-deep-link`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    // Images only from the console itself, data: and blob: (an incident's photos, fetched with the token).
    expect(index.headers.get('content-security-policy')).toContain("img-src 'self' data: blob:");
    const html = await index.text();
    expect(html).toContain('<div id="root">');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const js = await fetch(`${h.baseUrl}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(js.headers.get('cache-control')).toContain('max-age=31536000');
    // Nothing from another origin.
    expect(html).not.toMatch(/https?:\/\//);
    // The API keeps its own 404s.
    const api = await fetch(`${h.baseUrl}/api/nowhere`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    const missing = await fetch(`${h.baseUrl}/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
  });
});

describe('login and the shell', () => {
  it('refuses a wrong password with the API message, then logs in', async () => {
    const page = await h.anonymous();
    await page.goto(`${h.baseUrl}/`);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('用户名').fill(U.street);
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBeTruthy();
    await h.shot(page, '00-login');
    await h.axe(page, 'login');
  });

  it('shows no animation to a person who asked their system for less motion, and follows the setting when it changes', async () => {
    // How long antd's buttons take to change colour, and how many animations (not spinners) are running.
    // Strings, as this file is compiled without the DOM library.
    const buttonTransition = (page: Page) => page.evaluate("getComputedStyle(document.querySelector('.ant-btn')).transitionDuration");
    const animating = (page: Page) =>
      page.evaluate("document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity).length");
    const login = (page: Page) => page.getByRole('button', { name: /登\s*录/ }).click();

    const page = await h.anonymous(DESKTOP, 'no-preference');
    await page.goto(`${h.baseUrl}/login`);
    expect(await buttonTransition(page)).not.toBe('0s');
    // 登录 with nothing filled in: the button ripples (for two seconds) and the form's messages slide in.
    await login(page);
    await expect.poll(() => animating(page)).toBeGreaterThan(0);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect.poll(() => buttonTransition(page)).toBe('0s');
    await expect.poll(() => animating(page)).toBe(0);
    // Nothing starts (the ripple begins a frame or two after the click).
    await login(page);
    await page.waitForTimeout(300);
    expect(await animating(page)).toBe(0);

    const still = await h.loginAs(U.street);
    await still.getByRole('heading', { name: '工作台' }).waitFor();
    await still.getByRole('button', { name: /消息提醒/ }).click();
    await still.locator('.bell-panel').waitFor();
    expect(await animating(still)).toBe(0);
  });

  it('builds the menu from /api/me and shows the 工作台', async () => {
    const page = await h.loginAs(U.street);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    const menu = page.locator('.shell-sider');
    await expect.poll(() => menu.textContent()).toContain('督查通报');
    expect(await menu.textContent()).not.toContain('财务拨付');
    expect(await menu.textContent()).not.toContain('系统管理');
    await page.locator('.ant-table-tbody').waitFor();
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await h.shot(page, '01-workbench-street');
    await h.axe(page, 'workbench');

    const finance = await h.loginAs(U.finance);
    await finance.getByRole('heading', { name: '工作台' }).waitFor();
    await expect.poll(() => finance.locator('.shell-sider').textContent()).toContain('财务拨付');
    // Its counts are its processes' only: 双向述职, 矛盾调解 and 网格事件 are not a finance officer's (they showed 0 each).
    await expect.poll(() => finance.locator('.counts').textContent()).toMatch(/^待办总数\d+\+?已逾期\d+党建项目\d+$/);
    // A page the role does not hold: 403 state.
    await finance.goto(`${h.baseUrl}/projects/new`);
    await finance.getByText('无权访问').waitFor();
    await h.shot(finance, '02-forbidden');
    await h.axe(finance, 'forbidden');
    // A list offers 登记/申报 only to those who may: an auditor reads cases and projects (the button led to 无权访问).
    const auditor = await h.loginAs(U.auditor);
    for (const [path, heading, button] of [['/mediation', '矛盾调解', '案件登记'], ['/projects', '党建项目', '新建申报']] as const) {
      await auditor.goto(`${h.baseUrl}${path}`);
      // The header, button and all, renders at once with the heading.
      await auditor.getByRole('heading', { name: heading, exact: true }).waitFor();
      expect(await auditor.getByRole('button', { name: button }).count(), path).toBe(0);
    }
    await page.goto(`${h.baseUrl}/mediation`);
    await page.getByRole('button', { name: '案件登记' }).waitFor();

    // 退出
    await page.getByRole('button', { name: /退\s*出/ }).click();
    await page.waitForURL(/\/login$/);
  });
});

describe('矛盾调解', () => {
  it('a mediator accepts a case, records a session, fails it, and the street mediator sees it arrive', { timeout: 240_000 }, async () => {
    const reg = await (await h.p.as(M.gridWorker)).post('/api/mediation-cases').send(caseBody({ channel: 'grid_worker' }));
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const caseId = reg.body.caseId as string;

    const mediator = await h.loginAs(M.communityMediator, DESKTOP, `/mediation`);
    await mediator.locator('.ant-table-tbody tr', { hasText: reg.body.caseNo }).waitFor();
    await h.shot(mediator, '40-mediation-list');
    await h.axe(mediator, 'mediation-list');
    // 导出台账: every case the filters find, searched here to this one, as the committee's ledger (names, no phone).
    await mediator.getByRole('searchbox', { name: '搜索案件' }).fill(reg.body.caseNo);
    await mediator.getByRole('searchbox', { name: '搜索案件' }).press('Enter');
    await expect.poll(() => mediator.locator('.ant-table-tbody .ant-table-row').count()).toBe(1);
    const ledger = await downloadedCsv(mediator, '导出台账');
    expect(ledger.fileName).toMatch(/^调解案件台账-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(ledger.lines[0]).toBe('案号,登记时间,案由,纠纷类型,受理渠道,当事人,纠纷发生地,调解层级,状态,调解结果,司法确认,涉及金额(元),高风险,办结时间');
    expect(ledger.lines.filter(Boolean)).toHaveLength(2);
    expect(ledger.lines[1]).toContain(`${reg.body.caseNo},`);
    for (const text of ['卫生间漏水致楼下天花板受损', '房屋漏水', '网格员上报', '张建国', '4800.00']) expect(ledger.lines[1]).toContain(text);
    expect(ledger.lines[1]).not.toMatch(/1[3-9]\d{9}|\*{4}/);
    // 登记日期, for a month's or a year's 台账: last year has not this case, this year has.
    const registered = mediator.locator('.ant-picker-range', { has: mediator.getByLabel('登记日期') });
    await registered.click();
    await mediator.locator('.ant-picker-dropdown:visible .ant-picker-presets li', { hasText: '上一年' }).click();
    await mediator.getByText('暂无调解案件').waitFor();
    const lastYear = new URL(mediator.url()).searchParams.get('from');
    // 本年 right after 上一年 was undone about one time in seven: the picker re-rendered before the address (a
    // transition) and handed back its old value (console/src/main.tsx, useTransitions). The picker is reopened once
    // the first has closed, as a person would.
    await expect.poll(() => mediator.locator('.ant-picker-dropdown:visible').count()).toBe(0);
    await settled(mediator);
    await registered.click();
    await mediator.locator('.ant-picker-dropdown:visible .ant-picker-presets li', { hasText: '本年' }).click();
    await mediator.waitForURL((u) => u.searchParams.get('from') !== lastYear);
    await expect.poll(() => mediator.locator('.ant-table-tbody .ant-table-row').count()).toBe(1);
    await mediator.getByRole('searchbox', { name: '搜索案件' }).fill('');
    await mediator.getByRole('searchbox', { name: '搜索案件' }).press('Enter');
    // On a phone a case is one stacked cell (number, 案由, type and channel, parties, level, state), nothing off to the side.
    await toPhone(mediator);
    const row = mediator.locator('.ant-table-tbody tr', { hasText: reg.body.caseNo });
    await expect.poll(() => mediator.locator('.ant-table-thead th').count()).toBe(1);
    for (const text of ['卫生间漏水致楼下天花板受损', '房屋漏水 · 网格员上报', '张建国', '¥4,800.00']) expect(await row.textContent()).toContain(text);
    expect(await mediator.locator('.ant-table-content').first().evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await h.shot(mediator, '40b-mediation-list-phone');
    await mediator.setViewportSize(DESKTOP);
    await mediator.goto(`${h.baseUrl}/mediation/${caseId}`);
    const accept = mediator.getByRole('button', { name: '受理案件' });
    await accept.waitFor();
    await h.shot(mediator, '41-mediation-detail-new');
    await h.axe(mediator, 'mediation-detail');
    await accept.click();
    const acceptForm = mediator.getByRole('dialog');
    await submitDialog(mediator);
    // The form closes once the process has answered (slow on a loaded machine); a refusal stays in it, said here.
    await acceptForm.waitFor({ state: 'hidden', timeout: 60_000 }).catch(async (error) => {
      throw new Error(`受理案件 did not go through: ${await acceptForm.textContent().catch(() => '')}`, { cause: error });
    });
    const session = mediator.getByRole('button', { name: '记录调解会' });
    await session.waitFor();
    await session.click();
    const dialog = mediator.getByRole('dialog');
    await fillDate(mediator, '调解会日期', dateIn(h, 0));
    await dialog.getByLabel('地点').fill('芙蓉社区调解室');
    await dialog.getByLabel('参加人员(每行一人)').fill('张建国\n李秀兰');
    await dialog.getByLabel('调解情况').fill('双方对赔偿金额分歧较大');
    await submitDialog(mediator);
    await h.shot(mediator, '42-mediation-session-form');
    await dialog.waitFor({ state: 'hidden' });
    await mediator.getByText('第 1 次调解会', { exact: false }).waitFor();
    await mediator.getByRole('button', { name: '调解不成,提交上一级' }).click();
    await mediator.getByRole('dialog').getByLabel('调解不成的原因').fill('双方分歧较大,申请提交街道调解');
    await submitDialog(mediator);
    await mediator.getByText('街道调解 ·', { exact: false }).waitFor();
    await h.shot(mediator, '43-mediation-detail-escalated');

    const street = await h.loginAs(M.streetMediator);
    await street.getByRole('heading', { name: '工作台' }).waitFor();
    await street.locator('tr', { hasText: reg.body.caseNo }).or(street.locator('tr', { hasText: '漏水' })).first().waitFor();
    await h.shot(street, '44-workbench-street-mediator');
    await street.goto(`${h.baseUrl}/mediation/${caseId}`);
    await street.getByRole('button', { name: '受理案件' }).waitFor();

    // A sibling street's mediator: not in their list, and the case page is refused.
    const sibling = await h.loginAs(M.otherStreetMediator, DESKTOP, `/mediation`);
    await sibling.locator('.ant-table-tbody').waitFor();
    await sibling.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    expect(await sibling.locator('.ant-table-tbody tr', { hasText: reg.body.caseNo }).count()).toBe(0);
    await sibling.goto(`${h.baseUrl}/mediation/${caseId}`);
    await sibling.getByText('无权访问').or(sibling.getByText('未找到')).first().waitFor();

    await street.goto(`${h.baseUrl}/mediation/statistics`);
    await street.getByRole('heading', { name: '调解统计' }).waitFor();
    await street.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
    await h.shot(street, '45-mediation-statistics');
    await street.locator('canvas').first().waitFor();
    // The community round failed seconds after it began: a median under six minutes, not "0.0 小时" (which reads as no data).
    expect(await street.locator('.round-medians').textContent()).toContain('社区 不足 6 分钟');
    await h.shot(street, '45-mediation-statistics');
    await h.axe(street, 'mediation-statistics');
    // 导出表格: the figures shown, as a spreadsheet for the report upward.
    const exported = await downloadedCsv(street, '导出表格');
    const year0 = Number(dateIn(h, 0).slice(0, 4));
    expect(exported.fileName).toBe(`调解统计-人民路街道-${year0}-01-01至${year0}-12-31.csv`);
    expect(exported.lines.slice(0, 2)).toEqual(['人民路街道 人民调解统计', `统计期间(登记日期),${year0}-01-01 至 ${year0}-12-31`]);
    expect(Number(exported.lines.find((l) => l.startsWith('受理案件,'))!.split(',')[1])).toBeGreaterThanOrEqual(1);
    for (const section of ['按受理渠道,件数', '按纠纷类型,件数', '按调解层级,件数', '按调解结果,件数', '按登记月份,受理,调解成功,调解已终结']) expect(exported.lines).toContain(section);
    expect(exported.lines.some((l) => /^每轮用时中位数\(小时\),社区,[\d.]+,街道,/.test(l))).toBe(true);
    // A figure opens the cases it counts: 受理案件 → the case list of the street's cases registered this year, this
    // file's case among them, the unit and the dates shown in the list's own filters.
    const yearDays = { from: `${year0}-01-01`, to: `${year0}-12-31` };
    await street.getByRole('link', { name: /^受理案件.*明细$/ }).click();
    await street.waitForURL((u) => u.pathname === '/mediation');
    expect(Object.fromEntries(new URL(street.url()).searchParams)).toEqual({ unitId: 'qindu-renmin', ...yearDays });
    await street.locator('.ant-table-tbody tr', { hasText: reg.body.caseNo }).waitFor();
    expect(await street.locator('.ant-select', { has: street.getByRole('combobox', { name: '纠纷发生地所在街道、社区或网格' }) }).textContent()).toContain('人民路街道');
    expect(await street.locator('.ant-picker-range', { has: street.getByLabel('登记日期') }).locator('input').first().inputValue()).toBe(yearDays.from);
    // The list counts what the figure counted (asked at one moment: other files register cases in the same database).
    const asStreet = await h.p.as(M.streetMediator);
    const counted = async () => {
      const query = new URLSearchParams({ unitId: 'qindu-renmin', ...yearDays }).toString();
      const [figures, all, agreements, confirmed] = await Promise.all([
        asStreet.get(`/api/mediation-cases/statistics?${query}`),
        asStreet.get(`/api/mediation-cases?${query}&limit=1`),
        asStreet.get(`/api/mediation-cases?${query}&outcome=agreement&limit=1`),
        asStreet.get(`/api/mediation-cases?${query}&judicialStatus=confirmed&limit=1`),
      ]);
      return [all.body.total - figures.body.total, agreements.body.total - figures.body.mediated, confirmed.body.total - figures.body.judicialConfirmations.confirmed];
    };
    await expect.poll(counted).toEqual([0, 0, 0]);
    // 成功调解's list (its card links there when it counts any: other files' cases decide that) shows its filter.
    await street.goto(`${h.baseUrl}/mediation?${new URLSearchParams({ unitId: 'qindu-renmin', ...yearDays, outcome: 'agreement' })}`);
    await street.getByRole('heading', { name: '矛盾调解' }).waitFor();
    await expect.poll(() => street.locator('.ant-select', { has: street.getByRole('combobox', { name: '调解结果' }) }).textContent()).toContain('调解成功');
    // 返回 (twice: the list, then the list 受理案件 opened): the statistics as they were.
    await street.goBack();
    await street.goBack();
    await street.getByRole('heading', { name: '调解统计' }).waitFor();
    await street.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
    // A bar opens the cases it counts: 按受理渠道's second of six, 网格员上报 (this file's case came so), clicked just
    // above the axis (the chart's grid: 40 px left, 20 right, 50 below).
    const byChannel = street.locator('.chart').first();
    await byChannel.locator('canvas').waitFor();
    const box = (await byChannel.boundingBox())!;
    await street.mouse.click(box.x + 40 + ((box.width - 60) / 6) * 1.5, box.y + box.height - 53);
    await street.waitForURL((u) => u.pathname === '/mediation' && u.searchParams.get('channel') === 'grid_worker' && u.searchParams.get('unitId') === 'qindu-renmin');
    await street.locator('.ant-table-tbody tr', { hasText: reg.body.caseNo }).waitFor();
    await street.goBack();
    await street.getByRole('heading', { name: '调解统计' }).waitFor();
    await street.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
    // The periods people report by are one click away, from the platform's today: 上一年 in January, when this year
    // holds a few days.
    const year = Number(dateIn(h, 0).slice(0, 4));
    const period = street.locator('.ant-picker-range');
    await expect.poll(() => period.locator('input').first().inputValue()).toBe(`${year}-01-01`);
    await period.click();
    await street.locator('.ant-picker-presets li', { hasText: '上一年' }).click();
    await expect.poll(() => period.locator('input').first().inputValue()).toBe(`${year - 1}-01-01`);
    expect(await period.locator('input').last().inputValue()).toBe(`${year - 1}-12-31`);
    // The address keeps the period: a reload (or 返回 from the cases a figure opened) shows last year still.
    await street.waitForURL((u) => u.searchParams.get('from') === `${year - 1}-01-01` && u.searchParams.get('to') === `${year - 1}-12-31`);
    await street.reload();
    await street.getByRole('heading', { name: '调解统计' }).waitFor();
    await expect.poll(() => period.locator('input').first().inputValue()).toBe(`${year - 1}-01-01`);
    await street.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
    await street.goto(`${h.baseUrl}/mediation/new`);
    await street.getByRole('heading', { name: '调解案件登记' }).waitFor();
    await h.shot(street, '46-mediation-new');
    await h.axe(street, 'mediation-new');
    // The place is required, and marked so as the other required fields are.
    expect(await street.getByRole('combobox', { name: '* 纠纷发生地(社区或网格)', exact: true }).count()).toBe(1);
    await street.getByRole('button', { name: '登记案件' }).click();
    await street.getByText('请选择纠纷发生地').waitFor();
    // What the API refuses is shown under the box to correct, not as "parties.0.phone" in the alert; nothing is registered.
    const marker = `字段错误-${Date.now().toString(36)}`;
    await street.locator('.ant-select', { has: street.getByRole('combobox', { name: /纠纷发生地/ }) }).click();
    await street.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: /^芙蓉社区$/ }).click();
    await street.getByLabel('案由').fill(marker);
    await street.getByLabel('纠纷简要情况').fill('楼上漏水');
    await street.getByLabel('姓名或单位').nth(0).fill('张建国');
    await street.getByLabel('姓名或单位').nth(1).fill('李秀兰');
    await street.getByLabel('联系电话').nth(0).fill('一三八零');
    await street.getByLabel('证件号码').nth(1).fill('12-34');
    await street.getByRole('button', { name: '登记案件' }).click();
    const alert = street.getByRole('alert').filter({ hasText: '登记未成功' });
    await expect.poll(() => alert.textContent()).toContain('有 2 处需要修改,已在表单中标出。');
    expect(await alert.textContent()).not.toContain('parties');
    const fieldError = (label: string, i: number) => street.locator('.ant-form-item', { has: street.getByLabel(label) }).nth(i).locator('.ant-form-item-explain-error');
    expect(await fieldError('联系电话', 0).textContent()).toBe('电话号码格式不正确');
    expect(await fieldError('证件号码', 1).textContent()).toBe('证件号码格式不正确');
    expect(await fieldError('联系电话', 1).count()).toBe(0);
    await h.shot(street, '46b-mediation-new-refused-fields');
    expect(await h.p.prisma.mediationCase.count({ where: { title: marker } })).toBe(0);
    // Correcting the box clears its error.
    await street.getByLabel('联系电话').nth(0).fill('13800138000');
    await expect.poll(() => fieldError('联系电话', 0).count()).toBe(0);

    // A reload (or a session that ended, or a tab the browser dropped) keeps what was typed, in this tab only;
    // 清空重填 starts over.
    await street.reload();
    await street.getByRole('heading', { name: '调解案件登记' }).waitFor();
    const restored = street.getByRole('alert').filter({ hasText: '已恢复您在此页尚未提交的内容' });
    await restored.waitFor();
    expect(await street.getByLabel('案由').inputValue()).toBe(marker);
    expect(await street.getByLabel('姓名或单位').nth(1).inputValue()).toBe('李秀兰');
    expect(await street.getByLabel('联系电话').nth(0).inputValue()).toBe('13800138000');
    await h.shot(street, '46c-mediation-new-draft-restored');
    const otherTab = await street.context().newPage();
    await otherTab.goto(`${h.baseUrl}/mediation/new`);
    await otherTab.getByRole('heading', { name: '调解案件登记' }).waitFor();
    expect(await otherTab.getByLabel('案由').inputValue()).toBe('');
    await otherTab.close();
    await restored.getByRole('button', { name: '清空重填' }).click();
    await expect.poll(() => street.getByLabel('案由').inputValue()).toBe('');
    expect(await restored.count()).toBe(0);
    await street.reload();
    await street.getByRole('heading', { name: '调解案件登记' }).waitFor();
    expect(await street.getByRole('alert').filter({ hasText: '已恢复' }).count()).toBe(0);
    // 退出 forgets the drafts: whoever logs in next in this tab (the same person here) finds the form empty.
    await street.getByLabel('案由').fill('退出前未提交的案由');
    await street.getByRole('button', { name: /退\s*出/ }).click();
    await street.waitForURL(/\/login$/);
    expect(await street.evaluate(() => JSON.stringify(Object.keys((globalThis as unknown as { sessionStorage: Record<string, unknown> }).sessionStorage)))).not.toContain('draft:');
  });
});

  it('a list keeps its search and page when a case opened from it is left with 返回, an address past its last page shows the last, and the 工作台 keeps its tab and filters', { timeout: 120_000 }, async () => {
    // 22 cases with a word of their own: two pages of 20.
    const marker = `翻页${uniqueSuffix().slice(-6)}`;
    const grid = await h.p.as(M.gridWorker);
    const register = async (i: number) => {
      const res = await grid.post('/api/mediation-cases').send(caseBody({ channel: 'grid_worker', title: `${marker}第${i + 1}号楼道堆物纠纷` }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { caseId: string; caseNo: string };
    };
    // The first two one after the other, then twenty at once: all of them later than those two.
    const cases = [await register(0), await register(1)];
    cases.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => register(i + 2)))));
    // Withdrawn when the test ends: 22 open cases in the community mediator's 待办 pushed other files' new case off its first page.
    onTestFinished(async () => {
      const mediatorApi = await h.p.as(M.communityMediator);
      const withdrawn = await Promise.all(cases.map((c) => mediatorApi.post(`/api/mediation-cases/${c.caseId}/actions/recordWithdrawal`).send({ kind: 'withdrawn', party: '申请人', reason: '测试结束,申请人撤回' })));
      expect(withdrawn.map((r) => r.status)).toEqual(cases.map(() => 200));
    });
    const mediator = await h.loginAs(M.communityMediator, DESKTOP, '/mediation');
    const search = mediator.getByRole('searchbox', { name: '搜索案件' });
    await search.fill(marker);
    await search.press('Enter');
    const rows = mediator.locator('.ant-table-tbody .ant-table-row');
    await mediator.locator('.ant-pagination-total-text', { hasText: '共 22 件' }).waitFor();
    await mediator.locator('.ant-pagination-item-2').click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(mediator.url()).toMatch(/[?&]page=2(&|$)/);
    // The page turned just after the search keeps the search (an updater given the address as last rendered dropped it).
    expect(new URL(mediator.url()).searchParams.get('q')).toBe(marker);
    // Newest first: the second page holds the first two registered.
    const second = await rows.first().textContent();
    expect([cases[0].caseNo, cases[1].caseNo].some((no) => second?.includes(no))).toBe(true);
    await rows.first().getByRole('link').first().click();
    await mediator.waitForURL(/\/mediation\/[^/?]+$/);
    await mediator.getByText('案件信息').first().waitFor();
    await mediator.goBack();
    // The same search on the same page, not page 1 of every case (the case's page has a table of two rows too: its parties).
    await mediator.waitForURL(/\/mediation\?/);
    await mediator.locator('.ant-pagination-total-text', { hasText: '共 22 件' }).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => search.inputValue()).toBe(marker);
    expect(await mediator.locator('.ant-pagination-item-active').textContent()).toBe('2');
    expect(await mediator.locator('.ant-pagination-total-text').textContent()).toBe('共 22 件');
    // An address past the end (sent before cases closed, say) opens on the last page.
    await mediator.goto(`${h.baseUrl}/mediation?q=${encodeURIComponent(marker)}&page=9`);
    await expect.poll(() => mediator.locator('.ant-pagination-item-active').textContent()).toBe('2');
    await expect.poll(() => rows.count()).toBe(2);
    expect(mediator.url()).toMatch(/[?&]page=2(&|$)/);
    // The menu's 案件列表 opens the list unfiltered, its search box empty with it.
    await mediator.locator('.shell-sider').getByRole('link', { name: '案件列表' }).click();
    await mediator.waitForURL(/\/mediation$/);
    await expect.poll(() => search.inputValue()).toBe('');
    // A filter value the list does not know (an address from before a stage was renamed, say) is 全部, not an error.
    await mediator.goto(`${h.baseUrl}/mediation?q=${encodeURIComponent(marker)}&stage=no_such_stage`);
    await mediator.locator('.ant-pagination-total-text', { hasText: '共 22 件' }).waitFor();
    expect(await mediator.getByRole('combobox', { name: '阶段' }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent()).toBe('全部阶段');
    // The 工作台 likewise: 返回 to it (here a reload) from a record opened under 已办 finds 已办 open, not 待办.
    await mediator.goto(`${h.baseUrl}/`);
    await mediator.getByRole('tab', { name: '已办' }).click();
    await mediator.waitForURL(/[?&]tab=done(&|$)/);
    await mediator.reload();
    await expect.poll(() => mediator.getByRole('tab', { name: '已办' }).getAttribute('aria-selected')).toBe('true');
    // And its filters: 已逾期 picked under 待办 is still picked when the 工作台 is come back to.
    await mediator.goto(`${h.baseUrl}/`);
    // Once the counts and the rows are in: the filters move down as the counts' placeholders fill, and a click aimed before missed.
    await rows.first().waitFor();
    await mediator.locator('.counts .ant-skeleton').first().waitFor({ state: 'detached' });
    await pickOption(mediator, '是否逾期', '已逾期');
    await mediator.waitForURL(/[?&]overdue=true(&|$)/);
    await mediator.reload();
    await expect.poll(() => mediator.getByRole('combobox', { name: '是否逾期' }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent()).toBe('已逾期');
    // 期限 is the 待办's own filter: 已办, which does not show it, is not narrowed by it.
    const done = mediator.waitForRequest((r) => r.url().includes('/api/tasks?') && r.url().includes('status=done'));
    await mediator.getByRole('tab', { name: '已办' }).click();
    expect((await done).url()).not.toContain('overdue');
    // A count opens the 待办 it counts, from its first page: on page 2 of every 待办, 矛盾调解's count opens the
    // mediation tasks' page 1 (a cursor of the other list read on from a row of it).
    await mediator.goto(`${h.baseUrl}/`);
    await rows.first().waitFor();
    await mediator.locator('.counts .ant-skeleton').first().waitFor({ state: 'detached' });
    await mediator.getByRole('button', { name: '下一页' }).click();
    await expect.poll(() => mediator.getByRole('button', { name: '上一页' }).isEnabled()).toBe(true);
    await mediator.locator('.counts').getByRole('link', { name: /^矛盾调解/ }).click();
    await mediator.waitForURL(/[?&]process=mediation(&|$)/);
    await expect.poll(() => mediator.getByRole('button', { name: '上一页' }).isDisabled()).toBe(true);
    expect(await mediator.getByRole('combobox', { name: '业务' }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent()).toBe('矛盾调解');
    await expect.poll(() => rows.count()).toBe(20);
  });

describe('a refresh that fails', () => {
  it('keeps the page and the form being filled in, says the page may be out of date, and clears once the API answers again', { timeout: 120_000 }, async () => {
    const reg = await (await h.p.as(M.gridWorker)).post('/api/mediation-cases').send(caseBody({ channel: 'grid_worker' }));
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const page = await h.loginAs(M.communityMediator, DESKTOP, `/mediation/${reg.body.caseId}`);
    await page.getByRole('button', { name: '受理案件' }).click();
    const form = page.getByRole('dialog');
    await form.waitFor();
    // The case page refreshes itself every few seconds while it waits for the mediator; the next refreshes get no answer.
    const caseUrl = `**/api/mediation-cases/${reg.body.caseId}`;
    await page.route(caseUrl, (route) => route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: '服务暂时不可用', status: 503, code: 'SERVICE_UNAVAILABLE' }) }));
    await page.locator('.stale-notice').waitFor({ timeout: 60_000 });
    expect(await page.locator('.stale-notice').innerText()).toContain('以下是上次加载的内容');
    expect(await form.isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: reg.body.caseNo }).or(page.getByText(reg.body.caseNo).first()).first().isVisible()).toBe(true);
    await h.shot(page, '46-mediation-stale-refresh');
    await page.unroute(caseUrl);
    await page.locator('.stale-notice').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await form.isVisible()).toBe(true);
  });
});

describe('系统管理', () => {
  const PERSON = 'resident_rep.qindu-xilan-lanyuan.7';

  it('an administrator grants and removes a role, deactivates and reactivates an account, and loads a calendar year', { timeout: 120_000 }, async () => {
    const admin = await h.loginAs(U.admin, DESKTOP, `/manage/people`);
    await admin.getByRole('heading', { name: '人员与授权' }).waitFor();
    await admin.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await h.shot(admin, '60-manage-people');
    await h.axe(admin, 'manage-people');
    await admin.getByRole('button', { name: '下一页' }).click();
    await admin.getByText('第 2 页').waitFor();
    await admin.getByLabel('搜索姓名或用户名').fill('xilan-lanyuan.7');
    await admin.getByLabel('搜索姓名或用户名').press('Enter');
    const row = admin.locator('.ant-table-tbody tr', { hasText: PERSON });
    await row.waitFor();
    await expect.poll(() => admin.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    // A search starts at its first page; it is kept in the address, so a reload finds the same person.
    await admin.getByText('第 1 页').waitFor();
    await admin.waitForURL((u) => u.searchParams.get('q') === 'xilan-lanyuan.7');
    await admin.reload();
    await row.waitFor();
    expect(await admin.getByLabel('搜索姓名或用户名').inputValue()).toBe('xilan-lanyuan.7');

    const grant = async (role: string) => {
      await row.getByRole('button', { name: /授\s*权/ }).click();
      const dialog = admin.getByRole('dialog');
      await pickOption(dialog, '角色', role);
      await pickOption(dialog, '单位', '兰苑社区', '兰苑社区');
      await dialog.getByRole('button', { name: /授\s*权/ }).click();
      return dialog;
    };
    const dialog = await grant('调解员');
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('兰苑社区 · 调解员').waitFor();
    expect(await h.p.prisma.roleAssignment.count({ where: { person: { username: PERSON }, role: 'mediator', unitId: 'qindu-xilan-lanyuan' } })).toBe(1);

    // A grant the person already holds: refused with the API's message, nothing changes.
    const again = await grant('党员/居民代表');
    await again.getByRole('alert').getByText('已在该单位担任此角色', { exact: false }).waitFor();
    await h.shot(admin, '61-manage-grant-refused');
    await h.axe(admin, 'manage-grant-form');
    await again.getByRole('button', { name: /取\s*消/ }).click();
    expect(await h.p.prisma.roleAssignment.count({ where: { person: { username: PERSON } } })).toBe(2);

    await row.getByLabel('撤销兰苑社区调解员').click();
    await admin.locator('.ant-popconfirm:visible').getByRole('button', { name: /撤\s*销/ }).click();
    await expect.poll(() => row.textContent()).not.toContain('调解员');
    expect(await h.p.prisma.roleAssignment.count({ where: { person: { username: PERSON }, role: 'mediator' } })).toBe(0);

    await row.getByRole('button', { name: /停\s*用/ }).click();
    await admin.locator('.ant-popconfirm:visible').getByRole('button', { name: /停\s*用/ }).click();
    await row.getByText('已停用').waitFor();
    const refusedLogin = await fetch(`${h.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: PERSON, password: demoPassword() }) });
    expect(refusedLogin.status).toBe(401);
    await row.getByRole('button', { name: /启\s*用/ }).click();
    await row.locator('.ant-tag', { hasText: /^启用$/ }).waitFor();
    expect((await h.p.prisma.person.findUniqueOrThrow({ where: { username: PERSON } })).active).toBe(true);

    // On a phone a person is one stacked cell with the buttons under the grants: five columns scrolled sideways,
    // 授权 and 停用 out of sight.
    await toPhone(admin);
    await expect.poll(() => admin.locator('.ant-table-thead th').count()).toBe(1);
    expect(await row.textContent()).toMatch(/兰苑社区 · 党员\/居民代表/);
    expect(await admin.locator('.ant-table-content').first().evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    const grantBox = await row.getByRole('button', { name: /授\s*权/ }).boundingBox();
    expect(grantBox!.x + grantBox!.width).toBeLessThanOrEqual(375);
    await h.shot(admin, '60b-manage-people-phone');
    await admin.setViewportSize(DESKTOP);
    await expect.poll(() => admin.locator('.ant-table-thead th').count()).toBe(5);

    await admin.locator('.shell-sider').getByRole('link', { name: '工作日历' }).click();
    await admin.getByRole('heading', { name: '工作日历' }).waitFor();
    await admin.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await h.shot(admin, '62-manage-calendar');
    await h.axe(admin, 'manage-calendar');
    // A year due and not loaded (the current one; from November the next) is said above the table, with a button that
    // opens the form on that year; on the 系统管理 page too.
    const known = (await listCalendarYears({ prisma: h.p.prisma, now: h.p.now() })).years.map((y) => y.year);
    const due = yearsToLoad(h.p.now(), known);
    const dueAlerts = admin.locator('.ant-alert').filter({ hasText: '年度的节假日安排尚未载入' });
    expect(await dueAlerts.count()).toBe(due.length);
    if (due.length) {
      await admin.getByRole('button', { name: `载入 ${due[0].year} 年度` }).click();
      expect(await admin.getByRole('dialog').getByLabel('年度').inputValue()).toBe(String(due[0].year));
      await admin.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
      await admin.getByRole('dialog').waitFor({ state: 'hidden' });
    }
    await admin.getByRole('button', { name: '载入新年度' }).click();
    const form = admin.getByRole('dialog');
    await form.getByLabel('年度').fill('2031');
    await form.getByLabel('依据文件').fill('国务院办公厅关于2031年部分节假日安排的通知');
    await form.getByLabel(/放假日期/).fill('2031-01-01\n2031-01-22~2031-01-28');
    // 2031-01-20 is a Monday: not a make-up working day; the API says so and nothing is saved.
    await form.getByLabel(/调休上班日期/).fill('2031-01-20');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByRole('alert').getByText('不是周六或周日', { exact: false }).waitFor();
    expect(await h.p.prisma.calendarYear.count({ where: { year: 2031 } })).toBe(0);
    await form.getByLabel(/调休上班日期/).fill('2031-01-19');
    await expect.poll(() => form.textContent()).toContain('共 8 天');
    await h.shot(admin, '63-manage-calendar-load');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    const loaded = admin.locator('.ant-table-tbody tr', { hasText: '2031' }).first();
    await loaded.getByText('管理员载入').waitFor();
    expect(await h.p.prisma.calendarYear.findUniqueOrThrow({ where: { year: 2031 } })).toMatchObject({ workdays: ['2031-01-19'], holidays: expect.arrayContaining(['2031-01-01', '2031-01-25']) });
    // On a phone a year is one stacked cell, 修改 in it (seven columns scrolled sideways, 修改 last).
    await toPhone(admin);
    await expect.poll(() => admin.locator('.ant-table-thead th').count()).toBeLessThanOrEqual(2); // the year, and the expand button's
    expect(await loaded.textContent()).toContain('2031 年 · 放假 8 天 · 调休上班 1 天');
    expect(await admin.locator('.ant-table-content').first().evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await h.shot(admin, '62b-manage-calendar-phone');
    await loaded.getByRole('button', { name: /修\s*改/ }).click();
    await admin.getByRole('dialog').getByLabel('依据文件').waitFor();
    expect(await admin.getByRole('dialog').getByLabel('依据文件').inputValue()).toBe('国务院办公厅关于2031年部分节假日安排的通知');
    await admin.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
    await admin.setViewportSize(DESKTOP);

    await admin.locator('.shell-sider').getByRole('link', { name: '组织机构与运行' }).click();
    await admin.locator('.ant-tree').waitFor();
    await expect.poll(() => admin.locator('.ant-alert').filter({ hasText: '年度的节假日安排尚未载入' }).count()).toBe(due.length ? 1 : 0);
    await h.shot(admin, '64-manage-org');
    await h.axe(admin, 'manage-org');
  });
  it('a street\'s administrator reads the 工作日历 without its buttons and has no 流程运维: both are the district\'s to change', { timeout: 60_000 }, async () => {
    const made: string[] = [];
    onTestFinished(() => h.p.prisma.person.deleteMany({ where: { id: { in: made } } }).then(() => undefined));
    const streetAdmin = await extraPerson(h, made, 'admin', 'qindu-renmin', '街道管理员');
    const page = await h.loginAs(streetAdmin.username, DESKTOP, `/manage/calendar`);
    await page.getByRole('heading', { name: '工作日历' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByRole('button', { name: /载入|修\s*改/ }).count()).toBe(0);
    const due = yearsToLoad(h.p.now(), (await listCalendarYears({ prisma: h.p.prisma, now: h.p.now() })).years.map((y) => y.year));
    expect(await page.getByText('由区级系统管理员载入', { exact: false }).count()).toBe(due.length);
    expect(await page.locator('.shell-sider').getByRole('link', { name: '流程运维' }).count()).toBe(0);
    expect(await page.locator('.shell-sider').getByRole('link', { name: '人员与授权' }).count()).toBe(1);
    await page.goto(`${h.baseUrl}/manage/workflows`);
    await page.getByText('无权访问').waitFor();
  });
});

describe('流程运维', () => {
  it('an administrator finds the process of a project by id, sees what it waits for and its last events, resets it to one of them and terminates it, each with a reason that is audited', { timeout: 120_000 }, async () => {
    const projectId = await apply(projectPlatform(h), { amounts: [1_000_000], title: '流程运维-项目' });
    const workflowId = `project-${projectId}`;
    const admin = await h.loginAs(U.admin, DESKTOP, `/manage`);
    await admin.getByRole('link', { name: '流程运维' }).first().click();
    await admin.getByRole('heading', { name: '流程运维' }).waitFor();
    await admin.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    // This platform's worker works both queues: listed by identity (pid@host) with its last poll, no warning.
    const workers = admin.locator('.ant-card').filter({ hasText: '工作进程' });
    for (const queue of ['流程任务', '活动任务']) {
      await workers.locator('tr').filter({ hasText: queue }).locator('.ant-tag-success').filter({ hasText: /^\d+@.+秒前\)$/ }).waitFor();
    }
    expect(await workers.getByRole('alert').count()).toBe(0);
    await h.shot(admin, '65-manage-workflows');
    await h.axe(admin, 'manage-workflows');
    await toPhone(admin);
    await h.shot(admin, '65-manage-workflows-phone');
    await admin.setViewportSize(DESKTOP);

    // A query the engine cannot read: its message, nothing listed.
    await admin.getByLabel('高级查询').fill('WorkflowType = AND');
    await admin.getByRole('button', { name: /查\s*询/ }).click();
    await admin.getByRole('alert').getByText('position 16', { exact: false }).waitFor();
    await h.shot(admin, '65b-manage-workflows-bad-query');
    await admin.getByLabel('高级查询').fill('');

    await pickOption(admin, '类型', '党建项目');
    await admin.getByLabel('流程 ID 前缀').fill(workflowId);
    await admin.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => admin.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await admin.getByRole('button', { name: workflowId }).click();
    const drawer = admin.locator('.ant-drawer-content');
    await drawer.getByText('运行中').waitFor();
    await drawer.getByText('没有待执行的活动').waitFor();
    await settled(admin);
    await h.shot(admin, '66-manage-workflow-detail');
    await h.axe(admin, 'manage-workflow-detail');

    // The run's last events, newest first, in words (a local activity by what it does); a completed workflow task
    // is a point to reset to, from its own row.
    const events = drawer.locator('.ant-card').filter({ hasText: '最近的流程事件' });
    await events.locator('tr').filter({ hasText: '本地活动' }).filter({ hasText: '保存项目步骤' }).first().waitFor();
    // The oldest events are on the table's last page: the run's first completed workflow task is always there.
    await events.locator('.ant-pagination-item').last().click();
    const point = events.locator('tr').filter({ has: admin.getByRole('button', { name: '重置到此处' }) }).last();
    const eventId = Number(await point.locator('td').first().textContent());
    expect(await point.locator('td').nth(2).textContent()).toBe('工作流任务完成');
    const runBefore = (await h.p.client.workflow.getHandle(workflowId).describe()).runId;
    await point.getByRole('button', { name: '重置到此处' }).click();
    const reset = admin.getByRole('dialog', { name: `重置到事件 ${eventId}` });
    await settled(admin);
    await reset.getByLabel('原因(记入审计日志)').fill('演练:重置到选定的工作流任务');
    await reset.getByRole('button', { name: /确\s*定/ }).click();
    await reset.waitFor({ state: 'hidden' });
    await admin.getByText(`重置到事件 ${eventId}:已完成`).waitFor();
    const resetAudit = await h.p.prisma.auditLog.findFirst({ where: { action: 'resetWorkflow', subjectId: workflowId } });
    expect(resetAudit?.data).toMatchObject({ previousRunId: runBefore, resetToEventId: eventId, reason: '演练:重置到选定的工作流任务' });
    expect((await h.p.client.workflow.getHandle(workflowId).describe()).runId).not.toBe(runBefore);

    await drawer.getByRole('button', { name: '终止流程' }).click();
    const dialog = admin.getByRole('dialog', { name: '终止流程' });
    await settled(admin);
    // The dialog names what it ends by the record, not only by its id.
    expect(await dialog.textContent()).toContain('业务:流程运维-项目 · 芙蓉社区');
    await h.shot(admin, '66d-manage-workflow-terminate-dialog');
    // No reason, no action.
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.getByText('请填写原因').waitFor();
    await dialog.getByLabel('原因(记入审计日志)').fill('重复申报,终止');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await drawer.getByText('已终止').waitFor();
    expect((await h.p.client.workflow.getHandle(workflowId).describe()).status.name).toBe('TERMINATED');
    const audit = await h.p.prisma.auditLog.findFirst({ where: { action: 'terminateWorkflow', subjectId: workflowId } });
    expect(audit?.data).toMatchObject({ reason: '重复申报,终止' });
  });
  it('an administrator finds a stuck process by its project\'s name, sees an activity failing with its attempt and message and retries it now, after the outage; a page left behind gets a clear refusal and refreshes', { timeout: 150_000 }, async () => {
    const pp = projectPlatform(h);
    const failing = async (workflowId: string) =>
      ((await pp.get(U.admin, `/api/admin/workflows/${workflowId}`)).body.pendingActivities ?? []).find(
        (a: { activityType: string; lastFailure: unknown }) => a.activityType === 'loadWorkCalendar' && a.lastFailure,
      );
    // Two projects stuck before their first step: reading the calendar fails and is retried with backoff.
    calendarDown = true;
    onTestFinished(() => {
      calendarDown = false;
      outage.clear();
    });
    const [retried, behind] = await Promise.all(['流程运维-立即重试', '流程运维-页面滞后'].map(async (title) => `project-${await apply(pp, { amounts: [1_000_000], title })}`));
    // Each is in the outage from its first call of the activity on, which may come after its 201.
    await expect.poll(() => outage.has(retried!) && outage.has(behind!), { timeout: 30_000 }).toBe(true);
    calendarDown = false;
    await expect.poll(async () => !!(await failing(retried!)) && !!(await failing(behind!)), { timeout: 30_000 }).toBe(true);
    const reviewOpen = (workflowId: string) => h.p.prisma.humanTask.count({ where: { workflowId, status: 'open', action: 'reviewApplication' } });

    const admin = await h.loginAs(U.admin);
    const openDetail = async (workflowId: string) => {
      await admin.goto(`${h.baseUrl}/manage/workflows`);
      await admin.getByLabel('流程 ID 前缀').fill(workflowId);
      await admin.getByRole('button', { name: /查\s*询/ }).click();
      await expect.poll(() => admin.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
      await admin.getByRole('button', { name: workflowId }).click();
      const drawer = admin.locator('.ant-drawer-content');
      return { drawer, row: drawer.locator('.ant-table-tbody tr.ant-table-row', { hasText: 'loadWorkCalendar' }) };
    };
    const retryDialog = async (row: Awaited<ReturnType<typeof openDetail>>['row'], reason: string) => {
      await row.getByRole('button', { name: '立即重试' }).click();
      const dialog = admin.getByRole('dialog', { name: '立即重试活动:读取工作日历' });
      await settled(admin);
      await dialog.getByLabel('原因(记入审计日志)').fill(reason);
      return dialog;
    };

    // The administrator is told the project's name, not its workflow id: the name finds the process and links to the project.
    await admin.goto(`${h.baseUrl}/manage/workflows`);
    await admin.getByLabel('业务', { exact: true }).fill('流程运维-立即重试');
    await admin.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => admin.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    const found = admin.locator('.ant-table-tbody tr.ant-table-row');
    await found.getByRole('button', { name: retried! }).waitFor();
    expect(await found.getByRole('link', { name: '流程运维-立即重试' }).getAttribute('href')).toBe(`/projects/${retried!.slice('project-'.length)}`);
    // The query is in the address: 返回 from the project opened from the row finds the same query and its row.
    await admin.waitForURL((u) => u.searchParams.get('subject') === '流程运维-立即重试');
    await found.getByRole('link', { name: '流程运维-立即重试' }).click();
    await admin.waitForURL((u) => u.pathname.startsWith('/projects/'));
    await admin.goBack();
    await expect.poll(() => admin.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    expect(await admin.getByLabel('业务', { exact: true }).inputValue()).toBe('流程运维-立即重试');
    // On a phone the process is one stacked cell (name, id, state), with nothing to scroll sideways.
    await toPhone(admin);
    await found.getByRole('button', { name: retried! }).waitFor();
    await expect.poll(() => found.locator('td').count()).toBe(1);
    expect(await admin.locator('.ant-table-content').first().evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await h.shot(admin, '66a-manage-workflows-by-name-phone');
    await admin.setViewportSize(DESKTOP);
    // From the project's own page, the administrator's link finds the same process.
    await admin.goto(`${h.baseUrl}/projects/${retried!.slice('project-'.length)}`);
    await admin.getByRole('link', { name: '在流程运维中查看' }).click();
    await admin.waitForURL((u) => u.pathname === '/manage/workflows');
    await expect.poll(() => admin.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await found.getByRole('button', { name: retried! }).waitFor();
    expect(await admin.getByLabel('业务', { exact: true }).inputValue()).toBe('流程运维-立即重试');
    await admin.getByLabel('业务', { exact: true }).fill('没有这个项目');
    await admin.getByRole('button', { name: /查\s*询/ }).click();
    await admin.getByText('没有符合条件的流程(业务名称或编号含「没有这个项目」)').waitFor();

    let { drawer, row } = await openDetail(retried!);
    await drawer.getByRole('link', { name: '流程运维-立即重试' }).waitFor();
    await row.getByText('工作日历服务暂不可用').waitFor();
    expect(await row.textContent()).toMatch(/\d+\(不限次数\)|\d+ \/ \d+/);
    await settled(admin);
    await h.shot(admin, '66b-manage-workflow-failing-activity');
    await h.axe(admin, 'manage-workflow-failing-activity');
    await toPhone(admin);
    await h.shot(admin, '66b-manage-workflow-failing-activity-phone');
    await admin.setViewportSize(DESKTOP);

    // The service is back the moment the administrator confirms: the retry runs the activity now, not after its backoff.
    let dialog = await retryDialog(row, '工作日历服务已恢复');
    await admin.route('**/api/admin/workflows/*/activities/*/retry', async (route) => {
      outage.delete(retried!);
      await route.continue();
    });
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await admin.unrouteAll();
    // The process goes on, in the same run: its first step reaches the street's inbox.
    await expect.poll(() => reviewOpen(retried!), { timeout: 30_000 }).toBe(1);
    ({ drawer } = await openDetail(retried!));
    await drawer.getByText('没有待执行的活动').waitFor();
    await drawer.getByText('运行中').waitFor();
    const audit = await h.p.prisma.auditLog.findFirst({ where: { action: 'retryActivity', subjectId: retried } });
    expect(audit?.data).toMatchObject({ activityType: 'loadWorkCalendar', reason: '工作日历服务已恢复' });
    const history = (await h.p.client.workflow.getHandle(retried!).fetchHistory()).events ?? [];
    expect(history.filter((e) => e.workflowExecutionContinuedAsNewEventAttributes || e.workflowExecutionTerminatedEventAttributes)).toEqual([]);

    // A page left open while the activity ran by itself after the outage: the retry is refused in words a person
    // understands, nothing is audited, and the drawer behind the dialog shows the process as it now is.
    ({ drawer, row } = await openDetail(behind!));
    await row.getByText('工作日历服务暂不可用').waitFor();
    dialog = await retryDialog(row, '重试');
    outage.delete(behind!);
    await expect.poll(() => reviewOpen(behind!), { timeout: 60_000 }).toBe(1);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.getByRole('alert').getByText('已不在等待执行').waitFor();
    await drawer.getByText('没有待执行的活动').waitFor();
    await h.shot(admin, '66c-manage-workflow-retry-refused');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    expect(await h.p.prisma.auditLog.count({ where: { action: 'retryActivity', subjectId: behind } })).toBe(0);
  });
});

describe('消息提醒', () => {
  it('the bell shows my unread notifications, opens the page one links to, and marks them read', { timeout: 90_000 }, async () => {
    // An auditor of this test's own: other files notify the demo auditor too (one database), and the bell counts them all.
    const template = await h.p.prisma.person.findUniqueOrThrow({ where: { username: U.auditor } });
    const auditor = await h.p.prisma.person.create({
      data: { username: `auditor.qindu.bell${uniqueSuffix()}`, displayName: '铃声审计', passwordHash: template.passwordHash, roles: { create: { role: 'auditor', unitId: 'qindu' } } },
    });
    try {
    const anyProject = { id: await apply(projectPlatform(h), { amounts: [1_000_000], title: '消息提醒-项目' }) };
    const at = (minutesAgo: number) => new Date(h.p.now().getTime() - minutesAgo * 60_000);
    await h.p.prisma.notification.createMany({
      data: [
        { recipientId: auditor.id, kind: 'task.opened', title: '待办:查阅项目台账', body: '请及时办理。', link: `/api/projects/${anyProject.id}`, idempotencyKey: `bell-1-${Date.now()}`, createdAt: at(2) },
        { recipientId: auditor.id, kind: 'info', title: '季度督查通报已生成', body: '请查阅。', link: null, idempotencyKey: `bell-2-${Date.now()}`, createdAt: at(1) },
      ],
    });
    const page = await h.loginAs(auditor.username);
    const bell = page.getByRole('button', { name: /消息提醒,2 条未读/ });
    await bell.waitFor();
    await bell.click();
    const panel = page.locator('.bell-panel');
    await panel.getByText('季度督查通报已生成').waitFor();
    expect(await panel.locator('.bell-unread').count()).toBe(2);
    await h.shot(page, '03-bell-open');
    await h.axe(page, 'bell');
    await panel.getByText('待办:查阅项目台账').click();
    await page.waitForURL((u) => u.pathname === `/projects/${anyProject.id}`);
    await page.getByRole('button', { name: /消息提醒,1 条未读/ }).click();
    // After the panel's entrance: a click while it still zoomed in was lost once under load (the count stayed at 1).
    await settled(page);
    await panel.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByRole('button', { name: /消息提醒,0 条未读/ }).waitFor();
    expect(await h.p.prisma.notification.count({ where: { recipientId: auditor.id, readAt: null } })).toBe(0);
    // On a phone the panel stays on the screen (it ran off the left edge, aligned to a bell that is not at the right).
    await page.getByRole('button', { name: /消息提醒/ }).click();
    await panel.waitFor({ state: 'hidden' });
    await toPhone(page);
    await page.getByRole('button', { name: /消息提醒/ }).click();
    await panel.getByText('季度督查通报已生成').waitFor();
    await settled(page);
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await h.shot(page, '03b-bell-phone');
    } finally {
      await h.p.prisma.person.delete({ where: { id: auditor.id } });
    }
  });
});

describe('期限倒计时', () => {
  it('待办 shows days overdue in red and working days left; a case counts its round down in working days and the 司法确认 window in days', { timeout: 120_000 }, async () => {
    const calendar = await loadCalendar(h.p.prisma);
    const now = h.p.now();
    const task = (title: string, dueAt: Date, key: string) =>
      h.p.prisma.humanTask.create({
        data: { process: 'project', workflowId: 'wf-console-countdown', subjectId: 'countdown', key, action: 'reviewApplication', title, role: 'street_office', unitId: 'qindu-xilan', dueAt },
      });
    await task('逾期演示:立项审核', new Date(now.getTime() - 3 * 86_400_000), 'overdue');
    await task('期限演示:立项审核', addWorkingDays(now, 4, calendar), 'due');
    const clerk = await h.loginAs(U.siblingStreet);
    const overdue = clerk.locator('tr', { hasText: '逾期演示:立项审核' });
    await expect.poll(() => overdue.locator('.overdue').textContent()).toContain('已超期 3 天');
    // Red: the due date in the overdue colour, the count on an error tag.
    expect(await overdue.locator('.overdue .ant-tag-error').textContent()).toBe('已超期 3 天');
    await expect.poll(() => clerk.locator('tr', { hasText: '期限演示:立项审核' }).textContent()).toContain('剩余 4 个工作日');
    await h.shot(clerk, '04-workbench-countdowns');
    // On a phone the 待办 is the record (its process, unit and deadline under the title) beside its buttons: as the
    // desktop's six columns the title had a few characters a line, in a table that scrolled sideways.
    await toPhone(clerk);
    const link = overdue.getByRole('link', { name: '逾期演示:立项审核' });
    await expect.poll(async () => (await link.boundingBox())?.height ?? Infinity).toBeLessThan(30);
    expect(await overdue.textContent()).toContain('已超期 3 天');
    expect(await overdue.textContent()).toContain('党建项目');
    expect(await clerk.locator('.ant-table-content').first().evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    // The six counts in one card, three a row: as six cards they took three rows (about 320 px) of the first screen.
    await expect.poll(async () => (await clerk.locator('.counts').boundingBox())?.height ?? Infinity).toBeLessThan(160);
    expect(await clerk.locator('.counts').textContent()).toMatch(/待办总数\d+\+?已逾期\d+党建项目\d+双向述职\d+矛盾调解\d+网格事件\d+/);
    await h.shot(clerk, '04b-workbench-phone');
    await clerk.setViewportSize(DESKTOP);

    // A case in its first round: the round's limit in working days; another with an agreement: 30 days to apply for 司法确认.
    const grid = await h.p.as(M.gridWorker);
    const mediator = await h.p.as(M.communityMediator);
    // The case's process opens the step a moment after registration: act once it is there.
    const act = (caseId: string, action: string, body: object) =>
      waitFor(async () => {
        const res = await mediator.post(`/api/mediation-cases/${caseId}/actions/${action}`).send(body);
        if (res.status === 409) return null;
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res;
      });
    const running = (await grid.post('/api/mediation-cases').send(caseBody({ channel: 'grid_worker' }))).body.caseId as string;
    await act(running, 'acceptCase', {});
    const agreed = (await grid.post('/api/mediation-cases').send(caseBody({ channel: 'grid_worker' }))).body.caseId as string;
    await act(agreed, 'acceptCase', {});
    const today = new Date(h.p.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    await act(agreed, 'recordSession', { heldOn: today, participants: ['张建国', '李秀兰'], place: '调解室', summary: '释法明理' });
    await act(agreed, 'recordAgreement', { terms: '李秀兰赔偿维修费4000元。', performance: '银行转账', amountFen: 400_000, performBy: null });

    const page = await h.loginAs(M.communityMediator);
    const view = (await mediator.get(`/api/mediation-cases/${running}`)).body;
    const roundDue = (view.state.rounds as Array<{ dueAt: string }>).at(-1)!.dueAt;
    await page.goto(`${h.baseUrl}/mediation/${running}`);
    await expect.poll(() => page.locator('.round').first().textContent()).toContain(`剩余 ${workingDaysBetween(h.p.now(), roundDue, calendar)} 个工作日`);
    await h.shot(page, '47-mediation-round-countdown');
    await page.goto(`${h.baseUrl}/mediation/${agreed}`);
    const window = page.locator('.ant-descriptions-row', { hasText: '司法确认申请期限' });
    await expect.poll(() => window.textContent()).toContain('剩余 30 天');
    await h.shot(page, '48-mediation-judicial-window');
    await h.axe(page, 'mediation-agreement');
  });
});

describe('会话', () => {
  it('two tabs whose access token has expired refresh it once between them and both carry on, also when a tab reloads in the middle of a refresh', { timeout: 120_000 }, async () => {
    const first = await h.loginAs(U.auditor);
    await first.getByRole('heading', { name: '工作台' }).waitFor();
    const second = await first.context().newPage();
    await second.goto(`${h.baseUrl}/`);
    await second.getByRole('heading', { name: '工作台' }).waitFor();
    const bothCarryOn = async () => {
      for (const page of [first, second]) {
        await page.getByRole('heading', { name: '工作台' }).waitFor();
        await page.locator('.ant-table-tbody').waitFor();
        expect(new URL(page.url()).pathname).toBe('/');
      }
    };
    const isRefresh = (r: { url(): string }) => new URL(r.url()).pathname === '/api/auth/refresh';

    // The token stops being accepted while both tabs poll their 工作台; the
    // moment one starts its refresh, both reload, which cuts that refresh off
    // (the API may or may not have exchanged the token by then). Neither tab
    // may take that for a logout.
    await first.evaluate("localStorage.setItem('cg.console.token', 'expired.access.token')");
    const refreshStarted = new Promise<void>((resolve) => first.context().on('request', (r) => isRefresh(r) && resolve()));
    await refreshStarted;
    await Promise.all([first.reload(), second.reload()]);
    await bothCarryOn();

    // With no page running (both tabs on a static file of the origin), the
    // token expires; then both tabs open at once, each with several requests
    // answered 401: one refresh between them.
    await Promise.all([first.goto(`${h.baseUrl}/favicon.svg`), second.goto(`${h.baseUrl}/favicon.svg`)]);
    await first.evaluate("localStorage.setItem('cg.console.token', 'another.expired.token')");
    const refreshes: string[] = [];
    first.context().on('request', (r) => {
      if (isRefresh(r)) refreshes.push(r.frame().page() === first ? 'first' : 'second');
    });
    await Promise.all([first.goto(`${h.baseUrl}/`), second.goto(`${h.baseUrl}/`)]);
    await bothCarryOn();
    expect(refreshes, refreshes.join()).toHaveLength(1);
    // The refresh token was used once: the session lives on (a second use of a rotated token would have ended it).
    await second.goto(`${h.baseUrl}/projects`);
    await second.locator('.ant-table-tbody').waitFor();
    expect(new URL(second.url()).pathname).toBe('/projects');
    expect(await first.evaluate("localStorage.getItem('cg.console.token')")).not.toBe('another.expired.token');
  });
});
