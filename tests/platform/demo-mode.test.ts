// `npm start -- --demo` (CLOCK=virtual) with the engine, the worker and the
// API as separate processes: the API and the worker read the engine's clock
// through the engine clock client, an admin advances it over HTTP, and the
// worker's activities run at the advanced time. And the one-line refusal
// with NODE_ENV=production.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitUntil } from '../../platform/ports';
import { npmStart, type NpmStart, platformClient } from './processes';
import { yearOf } from '../../domain/calendar';
import { AWAITING_FINANCE_TITLE } from '../../seeds/project';

const DAY = 86_400_000;
const dataDir = mkdtempSync(join(tmpdir(), 'cg-demo-'));
let app: NpmStart;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  app = npmStart({ dataDir, port, args: ['--demo'] });
  await waitUntil(
    async () => {
      if (app.stdout().includes('[start] failed') || app.child.exitCode !== null) throw new Error(`npm start failed:\n${app.stdout().slice(-3000)}\n${app.stderr().slice(-3000)}`);
      return app.stdout().includes('Press Ctrl-C to stop.');
    },
    240_000,
    () => `npm start --demo did not print its banner:\n${app.stdout().slice(-3000)}\n${app.stderr().slice(-3000)}`,
  );
}, 250_000);

afterAll(async () => {
  if (app && app.child.exitCode === null) {
    app.interrupt();
    await Promise.race([app.exited, new Promise((r) => setTimeout(r, 30_000))]);
    if (app.child.exitCode === null) app.killTree();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const { http, logIn } = platformClient(() => base);

describe('npm start -- --demo', () => {
  it('runs every process on the engine clock, which an admin advances', async () => {
    expect(app.stdout()).toContain('clock: virtual');
    expect(app.stdout()).toContain('project demo through every stage');
    expect(app.stdout()).toContain('mediation demo through every stage');
    expect(app.stdout()).toContain('reporting demo through results');
    const [admin, community, street] = await Promise.all(['admin.qindu', 'community.qindu-renmin-furong', 'street_office.qindu-renmin'].map(logIn));
    const me = await http('GET', '/api/me', community);
    expect(me.body.clock.mode).toBe('virtual');
    const start = new Date(me.body.clock.now).getTime();

    // The seeds that carry processes through every stage move the clock by
    // weeks; the ordinary demos start after them, so a newcomer's inboxes open
    // with work to do and nothing already overdue.
    const holders = await Promise.all(['district_org.qindu', 'mediator.qindu-renmin-furong', 'mediator.qindu-weiyang-qinhuang', 'finance.qindu'].map(logIn));
    // Finance has a release to make: a demo project's verified milestone waits in 财务拨付.
    const queue = await http('GET', '/api/projects/disbursements', holders[3]!);
    expect(queue.status, JSON.stringify(queue.body)).toBe(200);
    expect(queue.body.items.map((i: { projectTitle: string }) => i.projectTitle), JSON.stringify(queue.body).slice(0, 1000)).toContain(AWAITING_FINANCE_TITLE);
    let open = 0;
    for (const person of [community, street, ...holders]) {
      const all = await http('GET', '/api/tasks', person);
      expect(all.status, JSON.stringify(all.body)).toBe(200);
      open += all.body.items.length;
      for (const task of all.body.items) expect(task.overdue, JSON.stringify(task)).toBe(false);
    }
    expect(open).toBeGreaterThan(0);
    // The ordinary demo cases and incidents were registered at the platform's
    // time (just now on its clock, not weeks behind it), and every number
    // carries the year of its own registration.
    const incidents = await http('GET', '/api/grid-incidents', admin);
    const cases = await http('GET', '/api/mediation-cases', admin);
    const registered = [
      ...incidents.body.items.map((i: { title: string; incidentNo: string; reportedAt: string }) => ({ title: i.title, no: i.incidentNo, at: i.reportedAt })),
      ...cases.body.items.map((c: { title: string; caseNo: string; registeredAt: string }) => ({ title: c.title, no: c.caseNo, at: c.registeredAt })),
    ];
    expect(registered.length, JSON.stringify([incidents.body, cases.body]).slice(0, 2000)).toBeGreaterThan(5);
    for (const { title, no, at } of registered) {
      expect(no, title).toContain(`〔${yearOf(at)}〕`);
      // 全流程演示: registered before the seeds moved the clock on.
      if (!title.includes('全流程演示')) expect(start - new Date(at).getTime(), `${title} ${no} ${at}`).toBeLessThan(10 * 60_000);
    }
    // The bell too: the street's newest notification is dated at the platform's time.
    const bell = await http('GET', '/api/notifications', street);
    expect(bell.status).toBe(200);
    expect(bell.body.items.length).toBeGreaterThan(0);
    for (const n of bell.body.items) expect(new Date(n.createdAt).getTime(), n.title).toBeLessThanOrEqual(start);
    expect(start - new Date(bell.body.items[0].createdAt).getTime(), bell.body.items[0].title).toBeLessThan(10 * 60_000);

    const year = new Date().getFullYear() + 1;
    const created = await http('POST', '/api/projects', community, {
      title: '演示模式快进项目',
      category: 'community_service',
      goals: '推动物业党建联建,解决楼院环境问题',
      budgetFen: 300_000,
      finalPaymentFen: 100_000,
      milestones: [{ title: '第1阶段', amountFen: 200_000, dueDate: `${year}-06-30` }],
      year,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.projectId as string;
    const approved = await http('POST', `/api/projects/${id}/actions/reviewApplication`, street, { decision: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const advanced = await http('POST', '/api/admin/clock/advance', admin, { days: 10 });
    expect(advanced.status, JSON.stringify(advanced.body)).toBe(200);
    expect(new Date(advanced.body.now).getTime() - start).toBeGreaterThanOrEqual(10 * DAY);
    // The admin's token still works after ten virtual days: tokens keep wall time.
    const project = await http('GET', `/api/projects/${id}`, street);
    expect(project.body.stage).toBe('implementation');
    // The worker's activities ran at the engine's time: the implementation task
    // they opened when the 公示 ran out (5 working days in) is dated then.
    const tasks = await http('GET', '/api/tasks', community);
    expect(tasks.status).toBe(200);
    const opened = tasks.body.items.filter((t: { subjectId: string }) => t.subjectId === id);
    expect(opened.length, JSON.stringify(tasks.body)).toBeGreaterThan(0);
    for (const task of opened) expect(new Date(task.createdAt).getTime() - start).toBeGreaterThanOrEqual(5 * DAY);
    // The first start's demo carried one project to the end, advancing the clock past its 公示.
    const demos = await http('GET', '/api/projects', street);
    expect(demos.status).toBe(200);
    const walked = demos.body.items.find((i: { title: string }) => i.title === '党员志愿服务·全流程演示');
    expect(walked, JSON.stringify(demos.body.items.map((i: { title: string; stage: string }) => [i.title, i.stage]))).toMatchObject({ stage: 'completed' });
    const me2 = await http('GET', '/api/me', admin);
    expect(new Date(me2.body.clock.now).getTime() - start).toBeGreaterThanOrEqual(10 * DAY);
  });
});

describe('NODE_ENV=production', () => {
  it('refuses --demo with one line before starting anything', async () => {
    const port = await freePort();
    const prodDir = mkdtempSync(join(tmpdir(), 'cg-demo-prod-'));
    const refused = npmStart({ dataDir: prodDir, port, args: ['--demo'], env: { NODE_ENV: 'production' } });
    const exited = await refused.exited;
    rmSync(prodDir, { recursive: true, force: true });
    expect(exited).toBe(1);
    expect(refused.stderr()).toMatch(/CLOCK: virtual is refused with NODE_ENV=production/);
  }, 120_000);
});
