// The approval inbox's controls in the console (issue 12 item 3), in a real
// browser against the real platform: 催办 twice (the second refused), the
// people picker offering only whom each operation accepts (by name, with unit
// and role), a 转交 that lands in the colleague's 待办,
// 委派 → 意见 + 附件 → 交还, 抄送 making the record readable, 我的代理 with the
// deputy acting "代 X", 批量拨付 with one item refused, 撤回 and 转交 on a
// mediation case, the crash fallback page. Screenshots of each state, axe on
// each new page; on one more project, the 加签 picker, 后加签 taken back by
// 减签, a 前加签 the signer approves from their own login, and the
// district's 退回 to the street's review (its form at phone width too).
// Extra holders of the street office's role are made for this
// file and removed after it, so the demo people's inboxes are left alone.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toLocalDate } from '../../domain/calendar';
import { usernameFor } from '../../seeds/demo-org';
import { uniqueSuffix } from '../helpers/db';
import { caseBody } from '../mediation/support';
import { apply, ok, project, toImplementation, U as P } from '../project/fixtures';
import { cameraPhoto, DESKTOP, extraPerson, pickerOffersNobody, pickPerson, projectPlatform, settled, startConsoleHarness, toPhone, type ConsoleHarness } from './browser';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startConsoleHarness();
}, 240_000);
afterEach(async ({ task }) => h?.endTest(task));
afterAll(async () => {
  if (h) {
    await h.p.prisma.outOfOfficeProxy.deleteMany({ where: { OR: [{ personId: { in: extras } }, { deputyId: { in: extras } }] } });
    await h.p.prisma.person.deleteMany({ where: { id: { in: extras } } });
  }
  await h?.close();
});

const extras: string[] = [];

const displayName = async (username: string) => (await h.p.prisma.person.findUniqueOrThrow({ where: { username } })).displayName;

const openTask = (workflowId: string, action: string) =>
  h.p.waitFor(() => h.p.prisma.humanTask.findFirst({ where: { workflowId, action, status: 'open' } }), { timeoutMs: 20_000 });
const taskRow = (id: string) => h.p.prisma.humanTask.findUniqueOrThrow({ where: { id } });

/** The 任务协办 line of the task (on a detail page or in the drawer). */
const signTasks = (workflowId: string) => h.p.prisma.humanTask.findMany({ where: { workflowId, action: 'signTask' } });
/**
 * The 工作台 narrowed to one project, as its detail page links to it: the whole list is a shared database's street
 * of tasks, 20 a page in deadline order, and a new task can be past its first page (a CI run, 2026-12-07).
 */
const projectWorkbench = (projectId: string) => `${h.baseUrl}/?process=project&subjectId=${projectId}`;
const opsLine = (page: Page, taskId: string) => page.locator(`.task-ops-line[data-task-id="${taskId}"]`);
const dialog = (page: Page) => page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title') });
// After the dialog's entrance: a click while it still zooms in was once lost under load (the dialog stayed open, no error).
const submit = async (page: Page) => {
  await settled(page);
  await dialog(page).getByRole('button', { name: '提交' }).click();
};

describe('任务协办 on a project', () => {
  let a: Awaited<ReturnType<typeof extraPerson>>;
  let b: Awaited<ReturnType<typeof extraPerson>>;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    a = await extraPerson(h, extras, 'street_office', 'qindu-renmin', '韩备岗');
    b = await extraPerson(h, extras, 'street_office', 'qindu-renmin', '秦协办');
  });

  it('催办 twice (the second refused); the 转交 picker offers only the role\'s holders; 委派 → 意见 + 附件 → 交还; 抄送; 转交 lands in the colleague\'s 待办', { timeout: 300_000 }, async () => {
    const pp = projectPlatform(h);
    const title = `协办演示-楼道照明-${uniqueSuffix().slice(-5)}`;
    const id = await apply(pp, { amounts: [1_000_000], finalFen: 500_000, title });
    const task = await openTask(`project-${id}`, 'reviewApplication');

    // 催办 by a holder of the role while the task waits unclaimed: once a day.
    pageA = h.keep(await h.loginAs(a.username, DESKTOP, `/projects/${id}`));
    await pageA.getByRole('heading', { name: title }).waitFor();
    const line = opsLine(pageA, task.id);
    await line.waitFor();
    await line.getByRole('button', { name: '催办' }).click();
    await line.getByRole('status').filter({ hasText: '已催办' }).waitFor();
    expect(await h.p.prisma.taskUrge.count({ where: { taskId: task.id } })).toBe(1);
    await line.getByRole('button', { name: '催办' }).click();
    await expect.poll(() => line.locator('.urge-error').textContent()).toContain('已经催办过');
    expect(await h.p.prisma.taskUrge.count({ where: { taskId: task.id } })).toBe(1);
    await h.shot(pageA, '80-inbox-urge-refused');
    await h.axe(pageA, 'project-task-ops');

    // A takes the task; the 转交 picker offers the street office's clerks by name, never a sibling street's (the API would refuse them).
    expect((await (await h.p.as(a.username)).post(`/api/tasks/${task.id}/claim`).send({})).status).toBe(200);
    await pageA.reload();
    await line.getByRole('button', { name: '转交' }).click();
    // axe before the picker's dropdown opens: antd's option rows carry aria-selected without a role (its a11y listbox is separate).
    await dialog(pageA).getByLabel('转交原因').waitFor();
    await h.axe(pageA, 'transfer-form');
    await pickerOffersNobody(dialog(pageA), '接收人', await displayName(P.siblingStreet));
    await dialog(pageA).getByRole('combobox', { name: '接收人' }).fill(b.displayName);
    await pageA.locator('.ant-select-item-option', { hasText: b.displayName }).filter({ hasText: '街道办事处' }).waitFor();
    await h.shot(pageA, '81-inbox-transfer-picker');
    await toPhone(pageA);
    await h.shot(pageA, '81-inbox-transfer-picker-phone');
    await pageA.setViewportSize(DESKTOP);
    await dialog(pageA).getByRole('button', { name: '取消' }).click();
    expect(await taskRow(task.id)).toMatchObject({ assigneeId: a.id, transferredAt: null });

    // 抄送 a neighbouring community's representative (the street works over both): the record was not theirs to read, now it is.
    const reader = P.siblingRep;
    expect((await (await h.p.as(reader)).get(`/api/projects/${id}`)).status).toBe(404);
    await line.getByRole('button', { name: '抄送' }).click();
    await pickPerson(dialog(pageA), '抄送人', await displayName(reader));
    await dialog(pageA).getByLabel('抄送说明').fill('请知悉');
    await submit(pageA);
    await dialog(pageA).waitFor({ state: 'hidden' });
    await expect.poll(async () => (await (await h.p.as(reader)).get(`/api/projects/${id}`)).status).toBe(200);
    const siblingPage = await h.loginAs(reader, DESKTOP, `/projects/${id}`);
    await siblingPage.getByRole('heading', { name: title }).waitFor();
    await siblingPage.locator('.record-timeline', { hasText: '抄送' }).waitFor();
    await h.shot(siblingPage, '82-inbox-cc-reader');

    // 委派 to B, who comments and attaches from the 工作台's drawer, then hands it back.
    await line.getByRole('button', { name: '委派' }).click();
    await pickPerson(dialog(pageA), '被委派人', b.displayName);
    await dialog(pageA).getByLabel('委派说明').fill('请核实经费测算');
    await submit(pageA);
    await dialog(pageA).waitFor({ state: 'hidden' });
    await line.getByText('委派中').waitFor();

    pageB = h.keep(await h.loginAs(b.username));
    await pageB.goto(projectWorkbench(id));
    const row = pageB.locator('tr', { hasText: title });
    await row.waitFor();
    await row.getByText('委派给我').waitFor();
    await row.getByRole('button', { name: '协办' }).click();
    const drawer = pageB.locator('.ant-drawer-content');
    const drawerLine = drawer.locator(`.task-ops-line[data-task-id="${task.id}"]`);
    await drawerLine.waitFor();
    expect(await drawerLine.getByRole('button', { name: '转交' }).count()).toBe(0);
    await drawerLine.getByRole('button', { name: '意见与附件' }).click();
    await drawerLine.getByLabel('填写意见').fill('经费测算与往年同类项目相符。');
    await drawerLine.getByRole('button', { name: '提交意见' }).click();
    await drawerLine.locator('.task-comment', { hasText: '经费测算与往年同类项目相符。' }).waitFor();
    const upload = drawerLine.locator('input[type=file]');
    await upload.setInputFiles({ name: '经费测算.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 测算表\n') });
    await drawerLine.locator('.task-attachment', { hasText: '经费测算.pdf' }).waitFor();
    // A phone's photo of a signed sheet, larger than the API takes: sent shrunk, as a JPEG within the limit.
    const sheet = await cameraPhoto(pageB);
    expect(sheet.length).toBeGreaterThan(h.p.config.inbox.attachmentMaxBytes);
    await upload.setInputFiles({ name: '签到表.jpg', mimeType: 'image/jpeg', buffer: sheet });
    await drawerLine.locator('.task-attachment', { hasText: '签到表.jpg' }).waitFor({ timeout: 30_000 });
    const stored = await h.p.prisma.taskAttachment.findFirstOrThrow({ where: { taskId: task.id, fileName: '签到表.jpg' } });
    expect(stored.contentType).toBe('image/jpeg');
    expect(stored.sizeBytes).toBeLessThanOrEqual(400 * 1024);
    await upload.setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ....') });
    await expect.poll(() => drawerLine.locator('.upload-error').textContent()).toBeTruthy();
    expect((await h.p.prisma.taskAttachment.findMany({ where: { taskId: task.id } })).map((f) => f.fileName).sort()).toEqual(['签到表.jpg', '经费测算.pdf'].sort());
    await h.shot(pageB, '83-inbox-delegate-drawer');
    await h.axe(pageB, 'workbench-task-drawer');
    const download = pageB.waitForEvent('download');
    await drawerLine.getByRole('button', { name: '下载 经费测算.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('经费测算.pdf');
    await drawerLine.getByRole('button', { name: '交还' }).click();
    await dialog(pageB).getByLabel('办理意见').fill('已核实,建议通过');
    await submit(pageB);
    await drawer.getByText('该任务已不在您的待办中。').waitFor();
    await pageB.keyboard.press('Escape');

    // A sees B's comment, then hands the task to B for good: it lands in B's 待办.
    await pageA.reload();
    await line.getByRole('button', { name: '意见与附件' }).click();
    await line.locator('.task-comment', { hasText: '经费测算与往年同类项目相符。' }).waitFor();
    await line.locator('.task-attachment', { hasText: '经费测算.pdf' }).waitFor();
    await h.shot(pageA, '84-inbox-notes-after-return');
    await line.getByRole('button', { name: '转交' }).click();
    await pickPerson(dialog(pageA), '接收人', b.displayName);
    await dialog(pageA).getByLabel('转交原因').fill('本人出差,请代为审核');
    await submit(pageA);
    await dialog(pageA).waitFor({ state: 'hidden' });
    await line.waitFor({ state: 'detached' });
    expect(await taskRow(task.id)).toMatchObject({ assigneeId: b.id });
    await pageB.goto(projectWorkbench(id));
    const landed = pageB.locator('tr', { hasText: title });
    await landed.getByRole('button', { name: '办理' }).waitFor();
    await pageB.locator('.ant-spin-blur').waitFor({ state: 'detached' });
    await h.shot(pageB, '85-inbox-transferred-workbench');
    const body = await project(pp, id);
    expect(body.timeline.filter((e: any) => e.source === 'inbox').map((e: any) => e.action)).toEqual(
      expect.arrayContaining(['urgeTask', 'ccTask', 'delegateTask', 'commentTask', 'attachFile', 'returnDelegation', 'transferTask']),
    );
  });

  it('我的代理: A names B for today; B\'s 待办 shows A\'s task as 代 A and B decides it as 代 A; A ends the arrangement', { timeout: 240_000 }, async () => {
    const pp = projectPlatform(h);
    const title = `代理演示-议事厅-${uniqueSuffix().slice(-5)}`;
    const id = await apply(pp, { amounts: [1_000_000], finalFen: 500_000, title });
    const task = await openTask(`project-${id}`, 'reviewApplication');
    expect((await (await h.p.as(a.username)).post(`/api/tasks/${task.id}/claim`).send({})).status).toBe(200);

    // From the account menu, which opens on hover (and fades: a click while it fades in or out can miss).
    const proxiesHeading = pageA.getByRole('heading', { name: '我的代理' });
    await expect
      .poll(async () => {
        if (await proxiesHeading.isVisible()) return true;
        await pageA.getByRole('button', { name: a.displayName }).hover();
        await pageA.getByRole('menuitem', { name: '我的代理' }).click({ timeout: 3_000 }).catch(() => undefined);
        return proxiesHeading.isVisible();
      }, { timeout: 30_000, interval: 1_000 })
      .toBe(true);
    const today = toLocalDate(h.p.now());
    await pickPerson(pageA, '代理人', b.displayName);
    await pageA.locator('#proxy-start').click();
    await pageA.locator('#proxy-start').fill(today);
    await pageA.locator('#proxy-start').press('Enter');
    await pageA.locator('#proxy-end').fill(toLocalDate(new Date(h.p.now().getTime() + 3 * 86_400_000)));
    await pageA.locator('#proxy-end').press('Enter');
    await pageA.getByLabel('事由').fill('外出培训');
    await pageA.getByRole('button', { name: '添加代理' }).click();
    const arrangement = pageA.locator('tr', { hasText: b.displayName });
    await arrangement.getByText('代理中').waitFor();
    await h.shot(pageA, '86-inbox-proxies');
    await h.axe(pageA, 'proxies');

    await pageB.goto(projectWorkbench(id));
    const row = pageB.locator('tr', { hasText: title });
    await row.locator('.on-behalf', { hasText: `代 ${a.displayName}` }).waitFor();
    await h.shot(pageB, '87-inbox-deputy-workbench');
    await toPhone(pageB);
    await h.shot(pageB, '87-inbox-deputy-workbench-phone');
    await pageB.setViewportSize(DESKTOP);
    await pageB.goto(`${h.baseUrl}/projects/${id}`);
    await pageB.getByRole('heading', { name: title }).waitFor();
    await opsLine(pageB, task.id).locator('.on-behalf', { hasText: `代 ${a.displayName}` }).waitFor();
    await pageB.locator('[data-action="reviewApplication"]').click();
    await dialog(pageB).locator('label', { hasText: '通过' }).first().click();
    await submit(pageB);
    await dialog(pageB).waitFor({ state: 'hidden' });
    await pageB.locator('.record-timeline', { hasText: `${b.displayName}(代 ${a.displayName})` }).waitFor();
    await h.shot(pageB, '88-inbox-deputy-acted');
    const body = await project(pp, id);
    expect(body.stage).toBe('notice');

    await arrangement.getByRole('button', { name: '结束代理' }).click();
    await arrangement.getByText('已结束').waitFor();
    const proxies = (await (await h.p.as(a.username)).get('/api/me/proxies')).body;
    expect(proxies.named.find((p: any) => p.deputyId === b.id)).toMatchObject({ cancelled: true, active: false });
  });

  it('加签 picker offers only who may sign; 后加签 → 减签; 前加签 approved by the signer; the district 退回 to the street review', { timeout: 300_000 }, async () => {
    const siblingName = (await h.p.prisma.person.findUniqueOrThrow({ where: { username: P.siblingStreet } })).displayName;
    const pp = projectPlatform(h);
    const title = `加签演示-文化角-${uniqueSuffix().slice(-5)}`;
    // Two items over the street's limit: the application needs the district's approval, where 退回 is offered.
    const id = await apply(pp, { amounts: [3_000_000, 3_000_000], finalFen: 1, title });
    const wf = `project-${id}`;
    const task = await openTask(wf, 'reviewApplication');
    expect((await (await h.p.as(a.username)).post(`/api/tasks/${task.id}/claim`).send({})).status).toBe(200);

    // A and B are the clerks of the tests above, still logged in.
    await pageA.goto(`${h.baseUrl}/projects/${id}`);
    const line = opsLine(pageA, task.id);
    await line.waitFor();
    // 退回 is not offered on the street's review (the first step has nowhere to go back to).
    expect(await line.getByRole('button', { name: '退回' }).count()).toBe(0);

    // 加签: the picker does not offer a sibling street's clerk (no role over the record); it offers B, by name, with unit and role.
    await line.getByRole('button', { name: '加签', exact: true }).click();
    // axe before the picker's dropdown opens: antd's option rows carry aria-selected without a role (its a11y listbox is separate).
    await dialog(pageA).getByLabel('加签说明').waitFor();
    await h.axe(pageA, 'add-signer-form');
    await pickerOffersNobody(dialog(pageA), '加签人', siblingName);
    await dialog(pageA).getByRole('combobox', { name: '加签人' }).fill(b.displayName);
    await pageA.locator('.ant-select-item-option', { hasText: '人民路街道 街道办事处' }).filter({ hasText: b.displayName }).waitFor();
    await h.shot(pageA, '94-inbox-signer-picker');
    await pickPerson(dialog(pageA), '加签人', b.displayName);
    await dialog(pageA).getByLabel('加签说明').fill('请协助把关');
    expect(await signTasks(wf)).toEqual([]);

    // 后加签 of B, then 减签 before B acted: B's task is cancelled.
    await dialog(pageA).getByText('后加签(办理后审批)').click();
    await submit(pageA);
    await dialog(pageA).waitFor({ state: 'hidden' });
    await expect.poll(async () => (await signTasks(wf)).map((t) => t.status)).toEqual(['open']);
    const after = (await signTasks(wf))[0]!;
    await line.getByRole('button', { name: '减签' }).click();
    await dialog(pageA).getByRole('combobox', { name: '减签人' }).waitFor();
    await h.axe(pageA, 'remove-signer-form');
    await pickPerson(dialog(pageA), '减签人', b.displayName);
    await submit(pageA);
    await dialog(pageA).waitFor({ state: 'hidden' });
    await expect.poll(async () => (await taskRow(after.id)).status).toBe('cancelled');

    // 前加签 of B: B approves from their own login, with a comment.
    await line.getByRole('button', { name: '加签', exact: true }).click();
    await pickPerson(dialog(pageA), '加签人', b.displayName);
    await submit(pageA);
    await dialog(pageA).waitFor({ state: 'hidden' });
    const sign = await openTask(wf, 'signTask');
    expect(sign.assigneeId).toBe(b.id);
    await pageB.goto(`${h.baseUrl}/projects/${id}`);
    const signLine = opsLine(pageB, sign.id);
    await signLine.getByRole('button', { name: '加签审批' }).click();
    await dialog(pageB).getByLabel('说明').fill('同意立项');
    await h.shot(pageB, '95-inbox-sign-form');
    await h.axe(pageB, 'sign-form');
    await submit(pageB);
    await dialog(pageB).waitFor({ state: 'hidden' });
    await expect.poll(async () => (await taskRow(sign.id)).status).toBe('done');
    await pageA.reload();
    await pageA.locator('.record-timeline', { hasText: '减签' }).waitFor();
    await pageA.locator('.record-timeline', { hasText: '加签审批' }).waitFor();
    await h.shot(pageA, '96-inbox-signers-timeline');

    // A approves the review (API); the district's 退回 sends it back to the street with a required reason.
    const reviewed = await (await h.p.as(a.username)).post(`/api/projects/${id}/actions/reviewApplication`).send({ decision: 'approve' });
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    const district = await openTask(wf, 'decideDistrictApproval');
    const pageD = await h.loginAs(P.district, DESKTOP, `/projects/${id}`);
    const districtLine = opsLine(pageD, district.id);
    await districtLine.getByRole('button', { name: '退回' }).click();
    await submit(pageD);
    await dialog(pageD).getByText('请填写退回理由').waitFor();
    await dialog(pageD).getByLabel('退回理由').fill('经费测算依据不足,请街道复核');
    // The required-field message goes once a reason is typed (it used to linger in the screenshot).
    await dialog(pageD).getByText('请填写退回理由').waitFor({ state: 'hidden' });
    await h.shot(pageD, '97-inbox-send-back-form');
    await h.axe(pageD, 'send-back-form');
    await toPhone(pageD);
    await h.shot(pageD, '97-inbox-send-back-form-phone');
    await pageD.setViewportSize(DESKTOP);
    await submit(pageD);
    await dialog(pageD).waitFor({ state: 'hidden' });
    await expect.poll(async () => (await taskRow(district.id)).status).not.toBe('open');
    const again = await openTask(wf, 'reviewApplication');
    expect(again.id).not.toBe(task.id);
    await pageD.locator('.record-timeline', { hasText: '经费测算依据不足' }).waitFor();
    await h.shot(pageD, '98-inbox-sent-back');
  });
});

describe('批量拨付 on the finance queue', () => {
  it('releases the selected rows; an item released meanwhile is refused with its message, the other paid', { timeout: 300_000 }, async () => {
    const pp = projectPlatform(h);
    const suffix = uniqueSuffix().slice(-5);
    const ids: string[] = [];
    for (const n of [1, 2]) ids.push(await apply(pp, { amounts: [1_000_000], finalFen: 500_000, title: `批量拨付-${n}号楼-${suffix}` }));
    for (const id of ids) {
      await toImplementation(pp, id);
      await ok(pp, P.community, id, 'reportMilestone', { milestoneSeq: 1, summary: '第一阶段完成', evidence: ['照片.jpg'] });
      await ok(pp, P.street, id, 'verifyMilestone', { milestoneSeq: 1, decision: 'verify' });
    }
    for (const id of ids) await openTask(`project-${id}`, 'releaseFunds');

    const finance = await h.loginAs(P.finance, DESKTOP, `/finance/disbursements`);
    for (const n of [1, 2]) await finance.getByRole('checkbox', { name: `选择 批量拨付-${n}号楼-${suffix}` }).check();
    await finance.getByRole('button', { name: '批量拨付(2 项)' }).click();
    for (const n of [1, 2]) await dialog(finance).getByLabel(`拨付凭证号:批量拨付-${n}号楼-${suffix}`).fill(`财拨-${suffix}-${n}`);
    await h.shot(finance, '89-inbox-batch-confirm');
    await h.axe(finance, 'batch-release');
    // Meanwhile the second is released one by one (another officer, another tab).
    const second = (await project(pp, ids[1]!)).state.disbursements.find((d: any) => d.status === 'requested');
    await ok(pp, P.finance, ids[1]!, 'releaseFunds', { disbursementId: second.id, voucherNo: `财拨-${suffix}-单` });
    await dialog(finance).getByRole('button', { name: '确认拨付' }).click();
    const results = dialog(finance).locator('.batch-results');
    await results.waitFor();
    expect(await results.locator('.ant-alert').textContent()).toContain('已拨付 1 项,未办理 1 项');
    const refused = results.locator('tr', { hasText: `批量拨付-2号楼-${suffix}` });
    expect(await refused.textContent()).toContain('未办理');
    expect(await refused.textContent()).toContain('已办结');
    expect(await results.locator('tr', { hasText: `批量拨付-1号楼-${suffix}` }).textContent()).toContain('已拨付');
    await h.shot(finance, '90-inbox-batch-results');
    const first = await project(pp, ids[0]!);
    expect(first.ledger.payments.map((p: any) => p.voucherNo)).toEqual([`财拨-${suffix}-1`]);
    expect((await project(pp, ids[1]!)).ledger.payments.map((p: any) => p.voucherNo)).toEqual([`财拨-${suffix}-单`]);
  });
});

describe('任务协办 on a mediation case', () => {
  it('转交 picker leaves out non-mediators, then to a colleague mediator; 撤回 of the step just taken; the crash page', { timeout: 240_000 }, async () => {
    const m2 = await extraPerson(h, extras, 'mediator', 'qindu-renmin-furong', '苏调解');
    const mediator = usernameFor('mediator', 'qindu-renmin-furong');
    const reg = await (await h.p.as(usernameFor('community', 'qindu-renmin-furong'))).post('/api/mediation-cases').send(caseBody());
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const caseId = reg.body.caseId as string;
    const task = await h.p.waitFor(() => h.p.prisma.humanTask.findFirst({ where: { process: 'mediation', subjectId: caseId, status: 'open' } }), { timeoutMs: 20_000 });

    const page = await h.loginAs(m2.username, DESKTOP, `/mediation/${caseId}`);
    const line = opsLine(page, task.id);
    await line.waitFor();
    await h.shot(page, '91-inbox-mediation-ops');
    await h.axe(page, 'mediation-task-ops');
    // 转交: the community's clerk, who is no mediator, is not offered.
    await line.getByRole('button', { name: '转交' }).click();
    await pickerOffersNobody(dialog(page), '接收人', await displayName(usernameFor('community', 'qindu-renmin-furong')));
    await dialog(page).getByRole('button', { name: '取消' }).click();

    // 转交 to m2 (from the demo mediator's side, through the API: the console did the refusal); m2 takes the step, then 撤回.
    const moved = await (await h.p.as(mediator)).post(`/api/tasks/${task.id}/actions/transferTask`).send({ toPersonId: m2.id, reason: '案件集中办理' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await page.reload();
    await line.getByText('已转交').waitFor();
    await page.locator(`[data-action="${task.action}"]`).first().click();
    const form = dialog(page);
    await form.waitFor();
    const textareas = form.locator('textarea');
    for (let i = 0; i < (await textareas.count()); i++) await textareas.nth(i).fill('受理');
    const radios = form.locator('.ant-radio-button-wrapper');
    if (await radios.count()) await radios.first().click();
    await submit(page);
    await form.waitFor({ state: 'hidden' });
    const recallLine = opsLine(page, task.id);
    await recallLine.getByRole('button', { name: '撤回' }).waitFor();
    await h.shot(page, '92-inbox-mediation-recall');
    await recallLine.getByRole('button', { name: '撤回' }).click();
    await dialog(page).getByLabel('撤回原因').fill('受理意见有误');
    await submit(page);
    await dialog(page).waitFor({ state: 'hidden' });
    await expect.poll(async () => (await h.p.prisma.humanTask.findFirst({ where: { process: 'mediation', subjectId: caseId, status: 'open', action: task.action } }))?.id ?? null).toBeTruthy();
    await page.locator('.record-timeline', { hasText: '撤回' }).waitFor();

    // A page that throws while rendering (here: the API answering nonsense) shows the fallback, not a white page.
    await page.route('**/api/mediation-cases/*', (route) => (route.request().resourceType() === 'fetch' ? route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }) : route.continue()));
    await page.reload();
    await page.getByText('页面出错了').waitFor();
    await h.shot(page, '93-crash-fallback');
    await h.axe(page, 'crash-fallback');
    await page.unroute('**/api/mediation-cases/*');
    await page.getByRole('button', { name: '返回工作台' }).click();
    await page.getByRole('heading', { name: '工作台' }).waitFor();
  });
});
