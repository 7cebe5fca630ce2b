// The operator routes of /api/admin/workflows through the real engine, SDK
// client and worker: list by visibility query (paged, a bad query refused
// with the engine's position), describe (attempts and last failure of a
// failing activity), retry that activity now, reset, terminate and cancel —
// each for a district administrator only, each audited.
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import type { Activities } from '../../activities';
import { retryActivity } from '../../api/admin/retry-activity';
import { restrictToWorkflowIds } from '../../api/admin/workflow-subjects';
import { resolveActor } from '../../api/auth/resolve-actor';
import { hashPassword } from '../../db/passwords';
import { DEMO, demoPassword } from '../../seeds/demo-org';
import { uniqueSuffix } from '../helpers/db';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { localActivityTypeOf } from '../helpers/histories';
import { caseBody, who } from '../mediation/support';
import { applicationBody, U } from '../project/fixtures';
import type { ProjectPlatform } from '../project/support';

const ADMIN = 'admin.qindu';
let p: TestPlatform;
// Reading the working-day calendar fails while this is set: a process stuck in retries, as after an outage.
let calendarDown = false;
let streetAdmin: string;

beforeAll(async () => {
  p = await startTestPlatform({
    activities: (a: Activities) => ({
      ...a,
      loadWorkCalendar: async () => {
        if (calendarDown) throw new Error('测试：工作日历服务暂不可用');
        return a.loadWorkCalendar();
      },
    }),
  });
  const person = await p.prisma.person.create({
    data: { username: `admin-renmin.${uniqueSuffix()}`, displayName: '测试街道管理员', passwordHash: await hashPassword(demoPassword()), roles: { create: [{ role: 'admin', unitId: DEMO.street }] } },
  });
  streetAdmin = person.username;
});
afterAll(() => p?.close());

// The project fixtures need only the clock of the platform.
const clock = () => ({ now: () => p.now() }) as unknown as ProjectPlatform;

async function apply(title: string): Promise<string> {
  const res = await (await p.as(U.community)).post('/api/projects').send(applicationBody(clock(), { title }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return `project-${res.body.projectId}`;
}

const ours = () => `WorkflowType="projectWorkflow" AND TaskQueue="${p.taskQueue}"`;
const get = async (who: string, path: string) => (await p.as(who)).get(path);
const post = async (who: string, path: string, body: object) => (await p.as(who)).post(path).send(body);
const audits = (workflowId: string, action: string) => p.prisma.auditLog.findMany({ where: { subjectType: 'workflow', subjectId: workflowId, action } });

it('is for district administrators only: a street clerk gets 403 FORBIDDEN_ROLE, a street admin 403 FORBIDDEN_SCOPE, nothing changes', async () => {
  const id = await apply('运维权限测试');
  for (const [who, code] of [
    [U.street, 'FORBIDDEN_ROLE'],
    [streetAdmin, 'FORBIDDEN_SCOPE'],
  ] as const) {
    const list = await get(who, '/api/admin/workflows');
    expect(list.status).toBe(403);
    expect(list.body.code).toBe(code);
    const workers = await get(who, '/api/admin/workers');
    expect(workers.status).toBe(403);
    expect(workers.body.code).toBe(code);
    const terminate = await post(who, `/api/admin/workflows/${id}/terminate`, { reason: '越权尝试' });
    expect(terminate.status).toBe(403);
    expect(terminate.body.code).toBe(code);
  }
  const described = await get(ADMIN, `/api/admin/workflows/${id}`);
  expect(described.body.execution.status).toBe('Running');
  expect(await audits(id, 'terminateWorkflow')).toHaveLength(0);
});

it('shows the worker polling the platform\'s task queue, for process steps and for their activities, and no task waiting once it has taken them', async () => {
  await apply('运维工作进程');
  let body: { taskQueue: string; queues: Array<{ type: string; pollers: Array<{ identity: string; lastAccessAt: string | null }>; backlog: number | null; oldestWaitingSeconds: number | null }> };
  // The project's first step is done once its inbox task exists; the queues are then empty.
  await p.waitFor(async () => {
    const res = await get(ADMIN, '/api/admin/workers');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    body = res.body;
    return body.queues.every((q) => q.backlog === 0);
  });
  expect(body!.taskQueue).toBe(p.taskQueue);
  expect(body!.queues.map((q) => q.type)).toEqual(['workflow', 'activity']);
  for (const queue of body!.queues) {
    // This test's platform runs one worker, named as the SDK names it: pid@host.
    expect(queue.pollers).toHaveLength(1);
    expect(queue.pollers[0]!.identity).toMatch(/^\d+@/);
    expect(Date.now() - Date.parse(queue.pollers[0]!.lastAccessAt!)).toBeLessThan(5 * 60_000);
    expect(queue.oldestWaitingSeconds).toBeNull();
  }
});

it('lists workflows by visibility query, a page at a time; a malformed query is 400 naming the position', async () => {
  const ids = [await apply('运维列表一'), await apply('运维列表二'), await apply('运维列表三')];
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await get(ADMIN, `/api/admin/workflows?pageSize=2&query=${encodeURIComponent(`${ours()} AND ExecutionStatus="Running"`)}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(2);
    for (const item of res.body.items) {
      expect(item).toMatchObject({ workflowType: 'projectWorkflow', status: 'Running', taskQueue: p.taskQueue });
      seen.push(item.workflowId);
    }
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor);
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(seen).toEqual(expect.arrayContaining(ids));
  expect(new Set(seen).size).toBe(seen.length);

  const bad = await get(ADMIN, `/api/admin/workflows?query=${encodeURIComponent('WorkflowType = AND')}`);
  expect(bad.status).toBe(400);
  expect(bad.headers['content-type']).toContain('application/problem+json');
  expect(bad.body.code).toBe('VALIDATION_FAILED');
  expect(bad.body.detail).toMatch(/^查询语句有误：.*position \d+/);
  expect(bad.body.errors[0]).toMatchObject({ in: 'query', field: 'query', code: 'invalid_query' });
  for (const cursor of ['bm90LWEtdG9rZW4', 'AAAA']) {
    const forged = await get(ADMIN, `/api/admin/workflows?cursor=${cursor}`);
    expect(forged.status, `${cursor}: ${JSON.stringify(forged.body)}`).toBe(400);
  }
});

it('joins the ids a name search found to the operator\'s query: their OR kept inside parentheses, ORDER BY kept last, quoted text left alone', () => {
  expect(restrictToWorkflowIds('', ['a-1', 'b-2'])).toBe("WorkflowId IN ('a-1', 'b-2')");
  expect(restrictToWorkflowIds('WorkflowType = "x" OR ExecutionStatus = "Failed"', ['a'])).toBe('WorkflowId IN (\'a\') AND (WorkflowType = "x" OR ExecutionStatus = "Failed")');
  expect(restrictToWorkflowIds("WorkflowId = 'order by me' ORDER BY StartTime DESC", ['a'])).toBe("WorkflowId IN ('a') AND (WorkflowId = 'order by me') ORDER BY StartTime DESC");
  expect(restrictToWorkflowIds('  order by StartTime', ['a'])).toBe("WorkflowId IN ('a') order by StartTime");
});

it('names each workflow by the record it runs (title, number, unit, page), and finds workflows by that name or number', async () => {
  const tag = uniqueSuffix();
  const first = await apply(`运维名称甲 ${tag}`);
  const second = await apply(`运维名称乙 ${tag}`);
  const projectId = first.slice('project-'.length);
  const { communityName } = await p.prisma.project.findUniqueOrThrow({ where: { id: projectId }, select: { communityName: true } });
  const named = await get(ADMIN, `/api/admin/workflows?query=${encodeURIComponent(ours())}&subject=${encodeURIComponent(`名称甲 ${tag}`)}`);
  expect(named.status, JSON.stringify(named.body)).toBe(200);
  expect(named.body.items.map((i: { workflowId: string }) => i.workflowId)).toEqual([first]);
  expect(named.body.items[0].subject).toEqual({ kind: 'project', title: `运维名称甲 ${tag}`, number: null, unitName: communityName, path: `/projects/${projectId}` });

  // The operator's own ORDER BY stays at the end of the query the name joins.
  for (const [order, ids] of [['ASC', [first, second]], ['DESC', [second, first]]] as const) {
    const both = await get(ADMIN, `/api/admin/workflows?query=${encodeURIComponent(`${ours()} ORDER BY StartTime ${order}`)}&subject=${tag}`);
    expect(both.status, JSON.stringify(both.body)).toBe(200);
    expect(both.body.items.map((i: { workflowId: string }) => i.workflowId)).toEqual(ids);
  }
  expect((await get(ADMIN, `/api/admin/workflows/${second}`)).body.execution.subject).toMatchObject({ kind: 'project', title: `运维名称乙 ${tag}`, path: `/projects/${second.slice('project-'.length)}` });

  // A case is found by its number as people quote it, and named with it.
  const registered = await (await p.as(who.communityMediator)).post('/api/mediation-cases').send(caseBody({ title: `运维调解 ${tag}` }));
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  const kase = await p.prisma.mediationCase.findUniqueOrThrow({ where: { id: registered.body.caseId }, select: { workflowId: true, caseNo: true } });
  const byNumber = await get(ADMIN, `/api/admin/workflows?subject=${encodeURIComponent(kase.caseNo)}`);
  expect(byNumber.body.items.map((i: { workflowId: string }) => i.workflowId)).toEqual([kase.workflowId]);
  expect(byNumber.body.items[0].subject).toMatchObject({ kind: 'mediation', title: `运维调解 ${tag}`, number: kase.caseNo, path: `/mediation/${registered.body.caseId}` });

  // A malformed query is refused at its position in the operator's own text, whether or not a record has the name.
  const alone = await get(ADMIN, `/api/admin/workflows?query=${encodeURIComponent('WorkflowType = AND')}`);
  for (const text of [tag, `没有这个名称${tag}`]) {
    const bad = await get(ADMIN, `/api/admin/workflows?query=${encodeURIComponent('WorkflowType = AND')}&subject=${encodeURIComponent(text)}`);
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toBe(alone.body.detail);
  }

  // A name no record has lists nothing (not every workflow), nor does a % or _, which is a character, not a wildcard.
  for (const text of [`没有这个名称${tag}`, '%', '_']) {
    const none = await get(ADMIN, `/api/admin/workflows?subject=${encodeURIComponent(text)}`);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ items: [], nextCursor: null });
  }
});

/** A project whose calendar read fails (the calendar service down until the test ends), once the admin route shows it failing. */
async function stuckProject(title: string) {
  calendarDown = true;
  onTestFinished(() => {
    calendarDown = false;
  });
  const id = await apply(title);
  const stuck = await p.waitFor(async () => {
    const res = await get(ADMIN, `/api/admin/workflows/${id}`);
    const activity = res.body.pendingActivities?.find((a: { activityType: string }) => a.activityType === 'loadWorkCalendar');
    return activity?.lastFailure ? { body: res.body, activity } : null;
  });
  return { id, stuck };
}

it('shows a failing activity with its attempts and last failure, and retries it now, at attempt 1 in the same run (ResetActivity); audited', async () => {
  const { id, stuck } = await stuckProject('运维重试测试');
  expect(stuck.activity.attempt).toEqual(expect.any(Number));
  expect(stuck.activity.lastFailure.message).toContain('工作日历服务暂不可用');
  expect(stuck.body.execution.status).toBe('Running');
  expect(stuck.body.pendingUpdates).toEqual([]);
  // Nothing reached the inbox: the process is stuck before its first step.
  expect(await p.prisma.humanTask.count({ where: { workflowId: id, status: 'open' } })).toBe(0);
  // It was tried as a local activity first (workflows/kit/local-first.ts): that failure is a marker, and
  // the same call went on as the regular activity the page shows.
  const events = (await p.client.workflow.getHandle(id).fetchHistory()).events ?? [];
  const local = events.findIndex((e) => localActivityTypeOf(e) === 'loadWorkCalendar' && e.markerRecordedEventAttributes!.failure);
  const regular = events.findIndex((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'loadWorkCalendar');
  expect(local).toBeGreaterThan(-1);
  expect(events[local]!.markerRecordedEventAttributes!.failure!.message).toContain('工作日历服务暂不可用');
  expect(regular).toBeGreaterThan(local);
  // The page reads the same history, newest first, by name: the local attempt's failure, then the regular activity.
  const recent = stuck.body.recentEvents as Array<{ eventId: number; type: string; name: string | null; marker: string | null; failure: string | null }>;
  expect(recent.map((e) => e.eventId)).toEqual([...recent.map((e) => e.eventId)].sort((a, b) => b - a));
  expect(recent.at(-1)).toMatchObject({ eventId: 1, type: 'WorkflowExecutionStarted', name: 'projectWorkflow' });
  const localAttempt = recent.find((e) => e.type === 'MarkerRecorded' && e.marker === 'core_local_activity' && e.name === 'loadWorkCalendar');
  expect(localAttempt?.failure).toContain('工作日历服务暂不可用');
  expect(recent.find((e) => e.type === 'ActivityTaskScheduled')).toMatchObject({ name: 'loadWorkCalendar', failure: null });
  expect(recent.filter((e) => e.type === 'WorkflowTaskCompleted').map((e) => e.eventId)).toContain(stuck.body.lastWorkflowTaskCompletedEventId);

  calendarDown = false;
  const retry = await post(ADMIN, `/api/admin/workflows/${id}/activities/${stuck.activity.activityId}/retry`, { reason: '工作日历服务已恢复' });
  expect(retry.status, JSON.stringify(retry.body)).toBe(200);
  // The same run goes on (ResetActivity): no new run, nothing replayed.
  expect(retry.body).toMatchObject({ workflowId: id, runId: stuck.body.execution.runId, previousRunId: null, resetToEventId: null });
  // Without moving the clock (the backoff would have waited for it), the step opens.
  await p.waitFor(async () => (await p.prisma.humanTask.count({ where: { workflowId: id, status: 'open', action: 'reviewApplication' } })) === 1);
  const after = await get(ADMIN, `/api/admin/workflows/${id}`);
  expect(after.body.execution).toMatchObject({ runId: stuck.body.execution.runId, status: 'Running' });
  // The activity's completion records the attempt it succeeded at: the first after the reset.
  const history = (await p.client.workflow.getHandle(id).fetchHistory()).events ?? [];
  const scheduled = history.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'loadWorkCalendar')!;
  const started = history.find((e) => e.activityTaskStartedEventAttributes && Number(e.activityTaskStartedEventAttributes.scheduledEventId) === Number(scheduled.eventId));
  expect(started?.activityTaskStartedEventAttributes?.attempt).toBe(1);
  const [audit] = await audits(id, 'retryActivity');
  expect(audit).toMatchObject({
    actorId: expect.any(String),
    data: expect.objectContaining({ activityType: 'loadWorkCalendar', runId: stuck.body.execution.runId, attempt: stuck.activity.attempt, reason: '工作日历服务已恢复' }),
  });

  const notFailing = await post(ADMIN, `/api/admin/workflows/${id}/activities/no-such-activity/retry`, { reason: '重试' });
  expect(notFailing.status).toBe(404);
});

it('on a cluster without ResetActivity (Temporal before 1.28), retries by a reset to the last workflow task; audited', async () => {
  const { id, stuck } = await stuckProject('运维重试旧集群测试');
  calendarDown = false;
  // The platform's own client, but the cluster answers ResetActivity as an older Temporal does.
  const service = p.client.workflowService;
  const older = new Proxy(service, {
    get: (target, key) =>
      key === 'resetActivity' ? () => Promise.reject(Object.assign(new Error('12 UNIMPLEMENTED: unknown method ResetActivity'), { code: 12 })) : Reflect.get(target, key),
  });
  const client = Object.create(p.client, { workflowService: { value: older } }) as typeof p.client;
  const admin = await p.prisma.person.findUniqueOrThrow({ where: { username: ADMIN } });
  const actor = (await resolveActor({ prisma: p.prisma, personId: admin.id }))!;
  const retry = await retryActivity({ client, namespace: p.config.temporal.namespace, prisma: p.prisma, actor, workflowId: id, activityId: stuck.activity.activityId, reason: '旧集群重试' });
  expect(retry.previousRunId).toBe(stuck.body.execution.runId);
  expect(retry.runId).not.toBe(stuck.body.execution.runId);
  expect(retry.resetToEventId).toBe(stuck.body.lastWorkflowTaskCompletedEventId);
  await p.waitFor(async () => (await p.prisma.humanTask.count({ where: { workflowId: id, status: 'open', action: 'reviewApplication' } })) === 1);
  const [audit] = await audits(id, 'retryActivity');
  expect(audit).toMatchObject({ data: expect.objectContaining({ activityType: 'loadWorkCalendar', previousRunId: retry.previousRunId, runId: retry.runId }) });
});

it('resets to a chosen WorkflowTaskCompleted event and refuses any other event; the process goes on', async () => {
  const id = await apply('运维重置测试');
  const described = await p.waitFor(async () => {
    const res = await get(ADMIN, `/api/admin/workflows/${id}`);
    return res.body.lastWorkflowTaskCompletedEventId && res.body.pendingActivities.length === 0 ? res.body : null;
  });
  const wrong = await post(ADMIN, `/api/admin/workflows/${id}/reset`, { reason: '重置测试', eventId: 1 });
  expect(wrong.status).toBe(400);
  expect(wrong.body.errors[0]).toMatchObject({ in: 'body', field: 'eventId' });
  expect(await audits(id, 'resetWorkflow')).toHaveLength(0);

  const reset = await post(ADMIN, `/api/admin/workflows/${id}/reset`, { reason: '重置测试', eventId: described.lastWorkflowTaskCompletedEventId });
  expect(reset.status, JSON.stringify(reset.body)).toBe(200);
  expect(reset.body).toMatchObject({ workflowId: id, previousRunId: described.execution.runId, resetToEventId: described.lastWorkflowTaskCompletedEventId });
  const after = await get(ADMIN, `/api/admin/workflows/${id}`);
  expect(after.body.execution).toMatchObject({ runId: reset.body.runId, status: 'Running' });
  const old = await get(ADMIN, `/api/admin/workflows/${id}?runId=${described.execution.runId}`);
  expect(old.body.execution.status).toBe('Terminated');
  // The new run still serves the process: the street office approves through the API.
  const review = await post(U.street, `/api/projects/${id.slice('project-'.length)}/actions/reviewApplication`, { decision: 'approve' });
  expect(review.status, JSON.stringify(review.body)).toBe(200);
  expect(await audits(id, 'resetWorkflow')).toHaveLength(1);
});

it('terminates and cancels; a second terminate is 409 ALREADY_DONE; unknown workflows 404', async () => {
  const [a, b] = [await apply('运维终止测试'), await apply('运维取消测试')];
  const terminated = await post(ADMIN, `/api/admin/workflows/${a}/terminate`, { reason: '重复录入，终止' });
  expect(terminated.status, JSON.stringify(terminated.body)).toBe(200);
  expect(terminated.body.status).toBe('Terminated');
  const again = await post(ADMIN, `/api/admin/workflows/${a}/terminate`, { reason: '再次终止' });
  expect(again.status).toBe(409);
  expect(again.body.code).toBe('ALREADY_DONE');
  expect(await audits(a, 'terminateWorkflow')).toEqual([expect.objectContaining({ data: expect.objectContaining({ reason: '重复录入，终止' }) })]);

  const cancelled = await post(ADMIN, `/api/admin/workflows/${b}/cancel`, { reason: '申请人放弃' });
  expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
  // The engine appends the request after a workflow task the worker may still hold (as Temporal does).
  await p.waitFor(async () => (await p.client.workflow.getHandle(b).fetchHistory()).events!.some((e) => e.workflowExecutionCancelRequestedEventAttributes));
  expect(await audits(b, 'cancelWorkflow')).toHaveLength(1);

  const missing = await get(ADMIN, '/api/admin/workflows/project-does-not-exist');
  expect(missing.status).toBe(404);
  expect(missing.body.code).toBe('NOT_FOUND');
});
