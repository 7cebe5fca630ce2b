// 退回, 加签/减签 and the signer's 加签审批 in the console's 任务协办 bar, in a
// real browser against the real platform, on one project: the 加签 people
// picker offering only people who may sign (by name, with unit and role), a
// 后加签 taken back by 减签, a 前加签 the
// signer approves from their own login, then the district's 退回 to the
// street's review. Screenshots of each form, axe on each new form. The two
// street clerks are made for this file and removed after it, so the demo
// people's inboxes are left alone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../helpers/db';
import { apply, U as P } from '../project/fixtures';
import { DESKTOP, extraPerson, PHONE, pickerOffersNobody, pickPerson, projectPlatform, startConsoleHarness, type ConsoleHarness } from './browser';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startConsoleHarness();
}, 240_000);
afterAll(async () => {
  if (h) await h.p.prisma.person.deleteMany({ where: { id: { in: extras } } });
  await h?.close();
});

const extras: string[] = [];

const openTask = (workflowId: string, action: string) =>
  h.p.waitFor(() => h.p.prisma.humanTask.findFirst({ where: { workflowId, action, status: 'open' } }), { timeoutMs: 20_000 });
const taskRow = (id: string) => h.p.prisma.humanTask.findUniqueOrThrow({ where: { id } });
const signTasks = (workflowId: string) => h.p.prisma.humanTask.findMany({ where: { workflowId, action: 'signTask' } });

const opsLine = (page: Page, taskId: string) => page.locator(`.task-ops-line[data-task-id="${taskId}"]`);
const dialog = (page: Page) => page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title') });
const submit = (page: Page) => dialog(page).getByRole('button', { name: '提交' }).click();

describe('退回 and 加签/减签 in the 任务协办 bar', () => {
  it('加签 picker offers only who may sign; 后加签 → 减签; 前加签 approved by the signer; the district 退回 to the street review', { timeout: 300_000 }, async () => {
    const a = await extraPerson(h, extras, 'street_office', 'qindu-renmin', '韩加签');
    const b = await extraPerson(h, extras, 'street_office', 'qindu-renmin', '秦会审');
    const siblingName = (await h.p.prisma.person.findUniqueOrThrow({ where: { username: P.siblingStreet } })).displayName;
    const pp = projectPlatform(h);
    const title = `加签演示-文化角-${uniqueSuffix().slice(-5)}`;
    // Two items over the street's limit: the application needs the district's approval, where 退回 is offered.
    const id = await apply(pp, { amounts: [3_000_000, 3_000_000], finalFen: 1, title });
    const wf = `project-${id}`;
    const task = await openTask(wf, 'reviewApplication');
    expect((await (await h.p.as(a.username)).post(`/api/tasks/${task.id}/claim`).send({})).status).toBe(200);

    const pageA = await h.loginAs(a.username);
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
    const pageB = await h.loginAs(b.username);
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
    const pageD = await h.loginAs(P.district);
    await pageD.goto(`${h.baseUrl}/projects/${id}`);
    const districtLine = opsLine(pageD, district.id);
    await districtLine.getByRole('button', { name: '退回' }).click();
    await submit(pageD);
    await dialog(pageD).getByText('请填写退回理由').waitFor();
    await dialog(pageD).getByLabel('退回理由').fill('经费测算依据不足,请街道复核');
    // The required-field message goes once a reason is typed (it used to linger in the screenshot).
    await dialog(pageD).getByText('请填写退回理由').waitFor({ state: 'hidden' });
    await h.shot(pageD, '97-inbox-send-back-form');
    await h.axe(pageD, 'send-back-form');
    await pageD.setViewportSize(PHONE);
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
