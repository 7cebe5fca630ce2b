// 超时自动办理 (INBOX_STEP_TIMEOUTS "…/autoDecideHours"): where the process
// allows it (grid 核查: the reporter's silence counts as acceptance), the
// inbox sweep takes an overdue step through the workflow as the system actor.
// Through the real BullMQ repeatable job, engine and worker: the incident
// closes once, shown as 超时自动办理 and notified, however many sweeps run;
// a step whose process does not allow it is refused at start in one line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import { parseStepTimeouts, timeoutDue } from '../../domain/inbox/timeouts';
import { sweepOverdueTasks } from '../../queue/jobs/inbox-timeouts';
import { usernameFor } from '../../seeds/demo-org';
import { createAutoDecide } from '../../worker/auto-decide';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { incidentBody } from '../grid/support';

const HOUR = 3_600_000;

describe('auto-decide rules (pure)', () => {
  it('reads the third part, only for steps the process allows, and decides before anything else once due', () => {
    expect(parseStepTimeouts('grid.confirmResult:0/-/72')).toEqual([{ process: 'grid', action: 'confirmResult', remindAfterHours: 0, escalateAfterHours: null, autoDecideAfterHours: 72 }]);
    expect(parseStepTimeouts('grid.confirmResult:0/24/-')[0]!.autoDecideAfterHours).toBeNull();
    expect(() => parseStepTimeouts('project.verifyMilestone:0/48/24')).toThrow(/project\.verifyMilestone may not be decided automatically \(allowed: grid\.confirmResult\)/);
    expect(() => parseStepTimeouts('reporting.castVote:0/-/1')).toThrow(/may not be decided automatically/);
    expect(() => parseStepTimeouts('grid.rejectResult:0/-/1')).toThrow(/may not be decided automatically/);
    const rule = parseStepTimeouts('grid.confirmResult:0/48/2')[0]!;
    const due = new Date('2026-06-10T00:00:00Z');
    expect(timeoutDue(rule, { dueAt: due }, new Set(), new Date(due.getTime() + HOUR))).toBe('remindTask');
    expect(timeoutDue(rule, { dueAt: due }, new Set(['remindTask']), new Date(due.getTime() + 2 * HOUR))).toBe('autoDecideTask');
    expect(timeoutDue(rule, { dueAt: due }, new Set(['remindTask', 'autoDecideTask']), new Date(due.getTime() + 3 * HOUR))).toBeNull();
  });

  it('refuses the configuration at start with one line naming the variable', () => {
    let lines: string[] = [];
    try {
      loadConfig({ JWT_SECRET: 's'.repeat(40), TEMPORAL_PAYLOAD_KEY: 'ab'.repeat(32), INBOX_STEP_TIMEOUTS: 'project.verifyMilestone:0/48/24' });
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      lines = err.lines;
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^INBOX_STEP_TIMEOUTS: .*may not be decided automatically/);
    expect(lines[0]).not.toContain('\n');
  });
});

describe('the sweep decides an overdue 核查 once', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ env: { INBOX_STEP_TIMEOUTS: 'grid.confirmResult:0/-/2', INBOX_SWEEP_SECONDS: '1' } });
  });
  afterAll(async () => {
    await p?.close();
  });

  const worker = usernameFor('grid_worker', 'qindu-renmin-furong-g1');
  const community = usernameFor('community', 'qindu-renmin-furong');
  const post = async (username: string, path: string, body: object = {}) => (await p.as(username)).post(path).send(body);
  const incident = (id: string) => p.as('auditor.qindu').then((a) => a.get(`/api/grid-incidents/${id}`));

  it('closes the incident as the system actor, shows 超时自动办理, notifies the reporter, and never twice', async () => {
    const reported = await post(worker, '/api/grid-incidents', incidentBody('qindu-renmin-furong-g1', { title: '路灯不亮(超时自动核查)' }));
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    const id = reported.body.incidentId as string;
    const workflowId = await p.waitFor(async () => (await p.prisma.humanTask.findFirst({ where: { subjectId: id, action: 'dispatchIncident', status: 'open' } }))?.workflowId ?? null);
    expect((await post(community, `/api/grid-incidents/${id}/actions/dispatchIncident`, { unitId: 'qindu-renmin-furong', department: '物业', note: '请修复' })).status).toBe(200);
    await p.waitFor(() => p.prisma.humanTask.findFirst({ where: { workflowId, action: 'completeHandling', status: 'open' } }));
    expect((await post(community, `/api/grid-incidents/${id}/actions/completeHandling`, { result: '已更换灯泡', photos: [] })).status).toBe(200);
    const verify = await p.waitFor(() => p.prisma.humanTask.findFirst({ where: { workflowId, action: 'confirmResult', status: 'open' } }));
    const reporter = await p.prisma.person.findUniqueOrThrow({ where: { username: worker } });
    expect(verify.assigneeId).toBe(reporter.id);

    // Past the due time plus the two hours: the worker's sweep and two more run at once.
    await p.advanceTime(verify.dueAt!.getTime() - p.now().getTime() + 2 * HOUR + 60_000);
    const decide = createAutoDecide(() => p.client);
    const rules = p.config.rules.inbox.stepTimeouts;
    const sweep = () => sweepOverdueTasks({ prisma: p.prisma, rules, now: p.now(), enqueue: (jobs) => p.queues.enqueueNotifications(jobs), decide });
    const direct = await Promise.all([sweep(), sweep()]);
    expect(direct.flatMap((d) => d.autoDecideTask).length).toBeLessThanOrEqual(1);

    const closed = await p.waitFor(async () => {
      const res = await incident(id);
      return res.body.state?.stage === 'closed' ? res.body : null;
    });
    expect(closed.state.outcome).toBe('resolved');
    // Let the worker's sweep run a few more times.
    await new Promise((r) => setTimeout(r, 3000));
    const after = (await incident(id)).body;
    const confirms = after.timeline.filter((e: any) => e.action === 'confirmResult');
    expect(confirms).toEqual([expect.objectContaining({ actorName: '系统', summary: expect.stringContaining('超时自动办理') })]);
    // The inbox's line (shown by the processes whose record merges the inbox's lines) is written once.
    expect(await p.prisma.taskEvent.findMany({ where: { taskId: verify.id, action: 'autoDecideTask' }, select: { actorName: true, summary: true } })).toEqual([
      { actorName: '系统', summary: expect.stringContaining('超时自动办理') },
    ]);
    expect(await p.prisma.auditLog.count({ where: { subjectId: verify.id, action: 'task.autoDecideTask' } })).toBe(1);
    expect(await p.prisma.humanTask.findUniqueOrThrow({ where: { id: verify.id } })).toMatchObject({ status: 'done' });
    const notice = await p.waitFor(() => p.outbox.filter((m) => m.kind === 'task.auto_decided' && m.title.includes('超时自动核查')));
    expect(notice.map((m) => m.recipient.id)).toEqual([reporter.id]);
  });
});
