// The web console (工作台) in a real browser against the real platform, part
// one: 党建项目 (the stepped application, review from 待办, plan forms, the
// ledger, finance's queue) and 双向述职 (the vote on a phone, the report
// pages). Screenshots into artifacts/, axe-core on each page. Part two is
// console.test.ts; two files so the two test workers share the browser work.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chinaYear } from '../../domain/reporting';
import { applicationBody, apply, freshYear, ok, project, toImplementation, U as P } from '../project/fixtures';
import { waitFor } from '../project/support';
import { actOk, bringToVote, repsOf, waitForStage } from '../reporting/helpers';
import { claimedTaskRow, CONSOLE_PEOPLE as U, dateIn, downloadedCsv, DESKTOP, fillDate, PHONE, pickOption, projectPlatform, startConsoleHarness, submitDialog, type ConsoleHarness } from './browser';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startConsoleHarness();
}, 240_000);
afterEach(async ({ task }) => h?.endTest(task));
afterAll(() => h?.close());

describe('党建项目', () => {
  const title = `楼院微治理试点-${Date.now().toString(36)}`;
  let projectUrl = '';

  it('a community applies through the stepped form and the street office approves from its 待办', { timeout: 240_000 }, async () => {
    const year = applicationBody({ now: () => h.p.now() } as never, {}).year;
    const page = await h.loginAs(U.community);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.locator('.shell-sider').getByRole('link', { name: '新建申报' }).click();
    await page.getByRole('heading', { name: '新建党建项目申报' }).waitFor();
    await page.getByLabel('资金年度').fill(String(year));
    await page.getByLabel('项目名称').fill(title);
    await page.getByLabel('项目目标').fill('推动物业党建联建,解决楼院环境问题');
    await h.shot(page, '10-project-new-basic');
    await h.axe(page, 'project-new');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('节点名称').fill('楼院环境整治');
    await page.getByLabel('拨付金额').fill('10000');
    await fillDate(page, '计划完成日期', dateIn(h, 60));
    await page.getByLabel('尾款(验收合格后拨付)').fill('5000');
    await expect.poll(() => page.locator('.cap-box').textContent()).toContain('¥15,000.00');
    // A reload halfway keeps what was typed, the milestone's date included (the tab's draft).
    await page.reload();
    await page.getByRole('heading', { name: '新建党建项目申报' }).waitFor();
    await page.getByText('已恢复您在此页尚未提交的内容').waitFor();
    expect(await page.getByLabel('项目名称').inputValue()).toBe(title);
    await page.getByRole('button', { name: '下一步' }).click();
    expect(await page.getByLabel('节点名称').inputValue()).toBe('楼院环境整治');
    expect(await page.getByLabel('计划完成日期').inputValue()).toBe(dateIn(h, 60));
    await expect.poll(() => page.locator('.cap-box').textContent()).toContain('¥15,000.00');
    await h.shot(page, '11-project-new-milestones');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('各级资金按比例分担').waitFor();
    await h.shot(page, '12-project-new-sharing');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    projectUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: title }).waitFor();
    await page.locator('.pending-line').first().waitFor();
    await h.shot(page, '13-project-detail-applied');

    const street = await h.loginAs(U.street);
    const row = await claimedTaskRow(street, title);
    await h.shot(street, '14-workbench-with-task');
    await row.getByRole('button', { name: /办\s*理/ }).click();
    await street.waitForURL((u) => u.pathname === projectUrl);
    const dialog = street.getByRole('dialog');
    await dialog.getByText('审核结论').waitFor();
    await h.shot(street, '15-project-review-form');
    await dialog.locator('textarea').fill('同意立项');
    await h.shot(street, '15-project-review-form');
    await h.axe(street, 'project-review-form');
    await submitDialog(street);
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => street.locator('.ant-tag').first().textContent()).toBe('立项公示');
    await h.shot(street, '16-project-detail-notice');
    // The link to the project's process is for the district's administrators only.
    expect(await street.getByRole('link', { name: '在流程运维中查看' }).count()).toBe(0);
    await h.axe(street, 'project-detail');

    await street.locator('.shell-sider').getByRole('link', { name: '项目列表' }).click();
    await street.locator('tr', { hasText: title }).waitFor();
    await h.shot(street, '17-project-list');
    await h.axe(street, 'project-list');
    // 导出台账: every project the street's filters find, the one just approved among them, amounts in yuan.
    const ledger = await downloadedCsv(street, '导出台账');
    expect(ledger.fileName).toMatch(/^党建项目台账-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(ledger.lines[0]).toBe('项目名称,类别,社区,年度,阶段,预算(元),已预留(元),已拨付(元),奖补已拨付(元),验收等次,下一期限,逾期,暂停');
    expect(ledger.lines.find((l) => l.startsWith(`${title},`))).toMatch(/^[^,]+,[^,]+,芙蓉社区,\d{4},立项公示,\d+\.\d{2},\d+\.\d{2},0\.00,0\.00,,/);
    await street.locator('.shell-sider').getByRole('link', { name: '督查通报' }).click();
    await street.getByRole('button', { name: /导出表格/ }).waitFor();
    await street.locator('.ant-statistic').first().waitFor();
    const download = street.waitForEvent('download');
    await street.getByRole('button', { name: /导出表格/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^督查通报-人民路街道-\d{4}Q\d\.csv$/);
    await h.shot(street, '18-supervision');
    await h.axe(street, 'supervision');
    // A quarter with nothing in it yet (as every quarter's first weeks) offers the one before, across a year's end too.
    await street.getByLabel('年度').fill('2001');
    await pickOption(street, '季度', '第1季度');
    await street.getByText('2001 年第1季度尚无逾期节点、拨付和验收').waitFor();
    await street.getByRole('button', { name: '查看 2000 年第4季度' }).click();
    await street.getByText('2000 年第4季度尚无逾期节点、拨付和验收').waitFor();
    expect(await street.getByLabel('年度').inputValue()).toBe('2000');
    await street.getByRole('button', { name: '查看第3季度' }).click();
    await street.getByText('2000 年第3季度尚无逾期节点、拨付和验收').waitFor();
  });

  it("starts forms and filters at the platform's year, not at a wrong clock of the PC; lists a project on a phone as one cell", async () => {
    const year = chinaYear(h.p.now());
    const page = await h.loginAs(U.community);
    // A PC whose clock is more than a year behind the platform's (or a demo whose clock was moved ahead).
    await page.clock.setSystemTime(h.p.now().getTime() - 400 * 86_400_000);
    await page.goto(`${h.baseUrl}/projects/new`);
    await page.getByRole('heading', { name: '新建党建项目申报' }).waitFor();
    expect(await page.evaluate(() => new Date().getFullYear())).toBeLessThan(year);
    await expect.poll(() => page.getByLabel('资金年度').inputValue()).toBe(String(year));
    await expect.poll(() => page.locator('.cap-box').textContent()).toContain(`${year} 年度资金上限`);
    await page.goto(`${h.baseUrl}/reporting`);
    await page.getByRole('heading', { name: '双向述职' }).waitFor();
    await expect.poll(() => page.getByLabel('年度').inputValue()).toBe(String(year));
    // On a phone a project is one stacked cell, as the other lists: the one applied for above, with its stage and money.
    await page.setViewportSize(PHONE);
    await page.goto(`${h.baseUrl}/projects`);
    const row = page.locator('.ant-table-tbody tr', { hasText: title });
    await row.waitFor();
    expect(await page.locator('.ant-table-thead th').count()).toBe(1);
    for (const text of ['立项公示', '预算 ¥15,000.00', '已拨付 ¥0.00']) expect(await row.textContent()).toContain(text);
    // A community's own projects only: no 街道 or 社区 filter, which would offer one choice or none.
    await page.getByRole('combobox', { name: '阶段', exact: true }).waitFor();
    for (const unit of ['街道', '社区']) expect(await page.getByRole('combobox', { name: unit, exact: true }).count()).toBe(0);
    expect(await page.locator('.ant-table-content').first().evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await h.shot(page, '13b-project-list-phone');
    // Its page: each node one stacked cell (five columns left its name a character a line).
    await row.getByRole('link').first().click();
    const nodes = page.locator('.section-card', { hasText: '实施节点' });
    const node = nodes.locator('.ant-table-tbody tr', { hasText: '楼院环境整治' });
    await node.waitFor();
    expect(await nodes.locator('.ant-table-thead th').count()).toBe(1);
    expect(await node.textContent()).toMatch(/1\. 楼院环境整治¥[\d,.]+ · 计划 \d{4}-\d{2}-\d{2} 完成/);
    expect((await node.getByText('1. 楼院环境整治').boundingBox())!.height).toBeLessThan(30);
    await h.shot(page, '13c-project-nodes-phone');
  });

  it('refuses an over-cap budget in the form, before anything is submitted', async () => {
    const year = freshYear();
    const page = await h.loginAs(U.community, DESKTOP, `/projects/new`);
    await page.getByLabel('资金年度').fill(String(year));
    await page.getByLabel('项目名称').fill('超额申报测试');
    await page.getByLabel('项目目标').fill('测试上限');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('节点名称').fill('一期');
    await page.getByLabel('拨付金额').fill('99999999');
    await fillDate(page, '计划完成日期', dateIn(h, 30));
    const alert = page.locator('.cap-box').getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('超出社区年度项目资金上限');
    expect(await page.getByRole('button', { name: '下一步' }).isDisabled()).toBe(true);
    await h.shot(page, '19-project-new-over-cap');
    expect(await h.p.prisma.project.count({ where: { title: '超额申报测试', year } })).toBe(0);
  });

  it('a refusal the API gives after the last step goes back to the step with the field, the error under it', async () => {
    const year = freshYear();
    const marker = `早于年度-${Date.now().toString(36)}`;
    const page = await h.loginAs(U.community, DESKTOP, `/projects/new`);
    await page.getByLabel('资金年度').fill(String(year));
    await page.getByLabel('项目名称').fill(marker);
    await page.getByLabel('项目目标').fill('测试');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('节点名称').fill('一期');
    await page.getByLabel('拨付金额').fill('1000');
    // Due in the year before the project's: the API's rule, not the form's.
    await fillDate(page, '计划完成日期', `${year - 1}-06-30`);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '提交申报' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '申报未成功' });
    await expect.poll(() => alert.textContent()).toContain('有 1 处需要修改,已在表单中标出。');
    const dateItem = page.locator('.ant-form-item', { has: page.getByLabel('计划完成日期') });
    expect(await dateItem.isVisible()).toBe(true);
    expect(await dateItem.locator('.ant-form-item-explain-error').textContent()).toContain(`${year} 年`);
    await h.shot(page, '19b-project-new-refused-field');
    expect(await h.p.prisma.project.count({ where: { title: marker } })).toBe(0);
  });

  it("a sibling street's clerk sees none of it", async () => {
    const sibling = await h.loginAs(U.siblingStreet);
    await sibling.getByRole('heading', { name: '工作台' }).waitFor();
    await sibling.locator('.ant-table-tbody').waitFor();
    await sibling.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    expect(await sibling.locator('tr', { hasText: title }).count()).toBe(0);
    await sibling.goto(`${h.baseUrl}/projects`);
    await sibling.locator('.ant-table-tbody').waitFor();
    await sibling.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    expect(await sibling.locator('tr', { hasText: title }).count()).toBe(0);
    // A street's clerk filters by their communities; a 街道 filter of their one street would narrow nothing.
    await sibling.getByRole('combobox', { name: '社区', exact: true }).waitFor();
    expect(await sibling.getByRole('combobox', { name: '街道', exact: true }).count()).toBe(0);
    await sibling.goto(`${h.baseUrl}${projectUrl}`);
    await sibling.getByText('无权访问').or(sibling.getByText('未找到')).first().waitFor();
    await h.shot(sibling, '20-project-detail-sibling-refused');
  });
});

describe('财务拨付', () => {
  it('finance sees the queue (403 for a community)', async () => {
    const finance = await h.loginAs(U.finance, DESKTOP, `/finance/disbursements`);
    await finance.locator('.ant-table-tbody').waitFor();
    await finance.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    await h.shot(finance, '50-disbursements');
    await h.axe(finance, 'disbursements');
  });
});

describe('党建项目: plan forms and the ledger', () => {
  it('a returned application is edited and resubmitted with its plan; a change request carries its proposal', { timeout: 180_000 }, async () => {
    const pp = projectPlatform(h);
    const returned = await apply(pp, { amounts: [1_000_000, 1_000_001], finalFen: 500_000, title: '返修申报-楼道照明' });
    await ok(pp, P.street, returned, 'reviewApplication', { decision: 'return', comment: '请细化第一阶段预算' });
    await waitFor(async () => (await project(pp, returned, P.community)).availableActions.some((a: { action: string }) => a.action === 'resubmitApplication'));

    const community = await h.loginAs(P.community, DESKTOP, `/projects/${returned}?do=resubmitApplication`);
    const dialog = community.getByRole('dialog');
    await dialog.getByLabel('修改说明').waitFor();
    expect(await dialog.getByLabel('项目名称').inputValue()).toBe('返修申报-楼道照明');
    await dialog.getByLabel('拨付金额').first().fill('12000');
    await dialog.getByLabel('修改说明').fill('按街道意见细化第一阶段预算');
    await expect.poll(() => dialog.locator('.plan-budget').textContent()).toContain('¥27,000.01');
    await h.shot(community, '21-project-resubmit-form');
    await h.axe(community, 'project-resubmit-form');
    await submitDialog(community);
    await dialog.waitFor({ state: 'hidden' });
    const resubmitted = await project(pp, returned);
    expect(resubmitted.budgetFen).toBe(1_200_000 + 1_000_001 + 500_000);
    expect(resubmitted.revisionCount).toBe(1);
    expect(resubmitted.pendingActions.map((a: { action: string }) => a.action)).toContain('reviewApplication');

    const running = await apply(pp, { amounts: [1_000_000], finalFen: 500_000, title: '变更申请-议事亭' });
    await toImplementation(pp, running);
    await community.goto(`${h.baseUrl}/projects/${running}`);
    await community.getByRole('button', { name: '申请变更' }).click();
    await dialog.getByLabel('变更理由').waitFor();
    await dialog.getByLabel('尾款(验收合格后拨付)').fill('3000');
    await dialog.getByLabel('变更理由').fill('材料价格下降,调减尾款');
    await h.shot(community, '22-project-change-form');
    await h.axe(community, 'project-change-form');
    await submitDialog(community);
    await dialog.waitFor({ state: 'hidden' });
    const changed = await waitFor(async () => {
      const p = await project(pp, running);
      return p.pendingActions.some((a: { action: string }) => a.action === 'reviewChange') ? p : null;
    });
    const change = (changed.state.changes as Array<{ proposal: { budgetFen: number; finalPaymentFen: number } }>).at(-1)!;
    expect(change.proposal).toMatchObject({ budgetFen: 1_300_000, finalPaymentFen: 300_000 });
  });

  it('finance releases a milestone from the queue and the ledger shows the 3:3:4 split', { timeout: 180_000 }, async () => {
    const pp = projectPlatform(h);
    const id = await apply(pp, { amounts: [1_000_000], finalFen: 500_000, title: '拨付演示-睦邻点' });
    await toImplementation(pp, id);
    await ok(pp, P.community, id, 'reportMilestone', { milestoneSeq: 1, summary: '第一阶段完成', evidence: ['验收照片.jpg'] });
    await ok(pp, P.street, id, 'verifyMilestone', { milestoneSeq: 1, decision: 'verify' });

    const finance = await h.loginAs(U.finance, DESKTOP, `/finance/disbursements`);
    const row = finance.locator('tr', { hasText: '拨付演示-睦邻点' });
    // The split one party a line, in the cost sharing's order.
    await expect.poll(() => row.locator('.cell-nowrap').allTextContents()).toEqual(['市级 ¥3,000.00', '区级 ¥3,000.00', '街道 ¥4,000.00']);
    // Released from a phone: the request is one stacked cell with its split and its buttons, nothing to scroll sideways.
    await finance.setViewportSize(PHONE);
    await expect.poll(() => finance.locator('.ant-table-thead th:not(.ant-table-selection-column)').count()).toBe(1);
    expect(await row.textContent()).toContain('市级 ¥3,000.00 · 区级 ¥3,000.00 · 街道 ¥4,000.00');
    expect(await finance.locator('.ant-table-content').first().evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await h.shot(finance, '50b-disbursements-phone');
    await row.getByRole('button', { name: '拨付资金' }).click();
    const dialog = finance.getByRole('dialog');
    await dialog.getByLabel('拨付凭证号').fill('财拨-2026-0099');
    await submitDialog(finance);
    await dialog.waitFor({ state: 'hidden' });
    await finance.setViewportSize(DESKTOP);
    // Gone from the queue, it is under 已拨付 with its voucher and the time it was released.
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
    await finance.locator('.ant-segmented-item', { hasText: '已拨付' }).click();
    const paid = finance.locator('tr', { hasText: '拨付演示-睦邻点' });
    await paid.waitFor({ timeout: 15_000 });
    expect(await paid.textContent()).toContain('财拨-2026-0099');
    expect(await finance.locator('.ant-table-thead th').allTextContents()).toEqual(expect.arrayContaining(['拨付时间', '拨付凭证']));
    expect(await finance.getByRole('button', { name: '拨付资金' }).count()).toBe(0);
    await h.shot(finance, '50c-disbursements-released');
    // 导出表格: every released request of the view, amounts in yuan, a column per cost-sharing party, the voucher.
    const { fileName, lines } = await downloadedCsv(finance, '导出表格');
    expect(fileName).toMatch(/^财务拨付-已拨付-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(lines[0]).toBe('项目,社区,类型,金额(元),市级(元),区级(元),街道(元),申请时间,状态,拨付时间,拨付凭证');
    expect(lines.find((l) => l.startsWith('拨付演示-睦邻点,'))).toMatch(/^拨付演示-睦邻点,芙蓉社区,节点拨付 1,10000\.00,3000\.00,3000\.00,4000\.00,[\d-]+ [\d:]+,已拨付,[\d-]+ [\d:]+,财拨-2026-0099$/);

    await finance.goto(`${h.baseUrl}/projects/${id}`);
    const ledger = finance.locator('.ledger-by-party');
    await expect.poll(() => ledger.textContent(), { timeout: 15_000 }).toContain('¥4,000.00');
    const rows = await ledger.locator('.ant-table-tbody tr').allTextContents();
    expect(rows).toEqual(['市级¥3,000.00', '区级¥3,000.00', '街道¥4,000.00']);
    await finance.getByText('凭证 财拨-2026-0099', { exact: false }).waitFor();
    await h.shot(finance, '51-project-ledger-after-release');
    await h.axe(finance, 'project-ledger');
  });
});

describe('双向述职', () => {
  const STREET = 'qindu-weiyang';
  const COMMUNITY = 'qindu-weiyang-binhe';
  let reportId = '';

  it('a resident representative votes on a 375-px phone; a second vote is refused', { timeout: 240_000 }, async () => {
    // A year no other test file uses: the cycle is per community and year.
    const year = chinaYear(h.p.now()) - 13;
    const started = await (await h.p.as(U.district)).post('/api/reporting/cycles').send({ unitId: STREET, year });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    reportId = `reporting-${COMMUNITY}-${year}`;
    await bringToVote(h.p, reportId, COMMUNITY, STREET, 88);

    const rep = repsOf(COMMUNITY)[0];
    const phone = await h.loginAs(rep, PHONE);
    await phone.getByRole('heading', { name: '工作台' }).waitFor();
    await h.shot(phone, '30-workbench-phone');
    // A second tab opened before voting: its vote must be refused afterwards.
    const stale = await phone.context().newPage();
    await stale.goto(`${h.baseUrl}/reporting/${reportId}/vote`);
    await stale.getByRole('button', { name: '基本满意' }).waitFor();

    await phone.goto(`${h.baseUrl}/reporting/${reportId}/vote`);
    await phone.getByRole('button', { name: '满意', exact: true }).waitFor();
    await h.shot(phone, '31-vote-phone');
    await h.axe(phone, 'vote');
    const width = await phone.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(375);
    await phone.getByRole('button', { name: '满意', exact: true }).click();
    await phone.getByRole('dialog').getByText('确认投票').waitFor();
    await h.shot(phone, '32-vote-confirm-phone');
    await phone.getByRole('button', { name: '确认提交' }).click();
    await phone.getByText('已投票').waitFor();
    await h.shot(phone, '33-vote-done-phone');
    expect(await phone.content()).not.toMatch(/dissatisfied|不满意\s*\d/);

    await stale.getByRole('button', { name: '不满意' }).click();
    await stale.getByRole('dialog').getByText('确认投票').waitFor();
    await stale.getByRole('button', { name: '确认提交' }).click();
    await stale.getByRole('alert').waitFor({ timeout: 60_000 });
    expect(await stale.getByRole('alert').textContent()).toContain('投票未成功');
    await h.shot(stale, '34-vote-refused-phone');
    // Reloaded, the page says 已投票 and offers no choice.
    await stale.reload();
    await stale.getByText('已投票').waitFor();
    expect(await stale.getByRole('button', { name: '不满意' }).count()).toBe(0);
  });

  it('the report pages for the street office and the auditor (ballots for the auditor only, after the vote window)', { timeout: 180_000 }, async () => {
    const street = await h.loginAs(`street_office.${STREET}`, DESKTOP, `/reporting`);
    await street.locator('.ant-table-tbody').waitFor();
    await street.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    await h.shot(street, '35-reporting-list');
    await h.axe(street, 'reporting-list');
    // A street's clerk reads their own street's communities: no 街道 column or filter.
    expect(await street.getByRole('columnheader', { name: '街道' }).count()).toBe(0);
    expect(await street.getByRole('combobox', { name: '街道', exact: true }).count()).toBe(0);
    // On a phone a report is one stacked cell (six columns broke the community's name a character a line).
    await street.setViewportSize(PHONE);
    await street.getByLabel('年度').fill(reportId.slice(-4));
    const reportRow = street.locator('.ant-table-tbody tr', { has: street.locator(`a[href="/reporting/${reportId}"]`) });
    await reportRow.waitFor();
    // The layout follows the viewport on the next render: poll, not read once.
    await expect.poll(() => street.locator('.ant-table-thead th').count()).toBe(1);
    expect(await reportRow.textContent()).toMatch(/ · \d{4} 年度.*当前期限/);
    expect(await street.locator('.ant-table-content').first().evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await h.shot(street, '35b-reporting-list-phone');
    await street.setViewportSize(DESKTOP);
    await street.goto(`${h.baseUrl}/reporting/${reportId}`);
    await street.getByRole('heading', { name: /年度双向述职/ }).waitFor();
    expect(await street.getByText('民主评议选票(仅审计可见)').count()).toBe(0);
    await h.shot(street, '36-reporting-detail-street');
    await h.axe(street, 'reporting-detail');
    const refused = await (await h.p.as(`street_office.${STREET}`)).get(`/api/reporting/${reportId}/ballots`);
    expect(refused.status).toBe(403);

    // More representatives vote (quorum), then the engine's clock passes the vote window: ballots are unsealed.
    for (const rep of repsOf(COMMUNITY).slice(1, 5)) await actOk(h.p, rep, reportId, 'castVote', { choice: 'basically_satisfied' });
    await h.p.advanceTime(8 * 86_400_000);
    await waitForStage(h.p, reportId, 'public_notice', `street_office.${STREET}`);
    const auditor = await h.loginAs(U.auditor, DESKTOP, `/reporting/${reportId}`);
    await auditor.getByRole('button', { name: /查看选票明细/ }).click();
    await auditor.locator('.ant-table-tbody tr', { hasText: '满意' }).first().waitFor();
    await h.shot(auditor, '37-reporting-ballots-auditor');
    await h.axe(auditor, 'reporting-ballots');
    await auditor.goto(`${h.baseUrl}/reporting/results`);
    await auditor.locator('.ant-table-tbody').waitFor();
    await auditor.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    await h.shot(auditor, '38-reporting-results');
    await h.axe(auditor, 'reporting-results');
    // A year with no results yet (as every year's January) offers the year before.
    const reportYear = Number(reportId.slice(-4));
    await auditor.getByLabel('年度').fill(String(reportYear + 1));
    await auditor.getByText(`${reportYear + 1} 年度暂无评议结果`).waitFor();
    await auditor.getByRole('button', { name: `查看 ${reportYear} 年度` }).click();
    await auditor.locator(`.ant-table-tbody a[href="/reporting/${reportId}"]`).waitFor();
    expect(await auditor.getByLabel('年度').inputValue()).toBe(String(reportYear));
    // 导出表格: the year's results with their scores and grades, for the assessment's files.
    const results = await downloadedCsv(auditor, '导出表格');
    expect(results.fileName).toBe(`评议结果-${reportYear}.csv`);
    expect(results.lines[0]).toBe('年度,社区,向上述职得分,民主评议得分,综合得分,等次,评定说明,整改,状态');
    const communityName = (await auditor.locator(`.ant-table-tbody a[href="/reporting/${reportId}"]`).textContent())!;
    expect(results.lines.find((l) => l.startsWith(`${reportYear},${communityName},`))).toMatch(/^\d{4},[^,]+,[\d.]+,[\d.]+,[\d.]+,(优秀|称职|基本称职|不称职),/);
    // On a phone a result is one stacked cell: the community, its grade and its scores.
    await auditor.setViewportSize(PHONE);
    const resultRow = auditor.locator('.ant-table-tbody tr', { has: auditor.locator(`a[href="/reporting/${reportId}"]`) });
    await resultRow.waitFor();
    await expect.poll(() => auditor.locator('.ant-table-thead th').count()).toBe(1);
    expect(await resultRow.textContent()).toMatch(/综合 [\d.]+ · 向上述职 [\d.—]+ · 民主评议 [\d.—]+/);
    expect(await auditor.locator('.ant-table-content').first().evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await h.shot(auditor, '38b-reporting-results-phone');
    await auditor.setViewportSize(DESKTOP);

    // The district's list of reports spans its streets: each row names its street, and a street narrows it.
    await auditor.goto(`${h.baseUrl}/reporting`);
    await auditor.getByLabel('年度').fill(String(reportYear));
    const listed = auditor.locator('.ant-table-tbody tr', { has: auditor.locator(`a[href="/reporting/${reportId}"]`) });
    await listed.waitFor();
    expect(await listed.textContent()).toContain('渭阳西路街道');
    await pickOption(auditor, '街道', '人民路街道');
    await auditor.getByText(`${reportYear} 年度暂无述职`).or(auditor.locator('.ant-table-tbody tr', { hasText: '人民路街道' }).first()).waitFor();
    expect(await listed.count()).toBe(0);
    await pickOption(auditor, '街道', '渭阳西路街道');
    await listed.waitFor();
    await h.shot(auditor, '38c-reporting-list-district');

    // 公示栏, no login: the result under public notice, nothing personal.
    const board = await h.anonymous(PHONE);
    await board.goto(`${h.baseUrl}/board?community=${COMMUNITY}`);
    await board.getByText('双向述职评议结果公示').waitFor();
    await board.getByText('评定等次').first().waitFor();
    await h.shot(board, '39-board-phone');
    await h.axe(board, 'board');
  });
});
