// Issue 10, point 6: ResetActivity, Temporal's "retry this activity now", alone
// and as a batch by visibility query.
// The test answers the activity's tasks itself over the real client's
// WorkflowService (a worker runs the workflow only), so it sees the attempt
// and the task token of every attempt.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { startHarness, uid, type EngineHarness } from './harness';

type ActivityTask = temporal.api.workflowservice.v1.IPollActivityTaskQueueResponse;
const { PendingActivityState } = temporal.api.enums.v1;

let h: EngineHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** One activity task of the queue (the engine holds the poll until there is one). */
async function poll(taskQueue: string): Promise<ActivityTask> {
  for (;;) {
    const task = await h.client.workflowService.pollActivityTaskQueue({ namespace: 'default', taskQueue: { name: taskQueue }, identity: 'test' });
    if (task.taskToken?.length) return task;
  }
}

const fail = (task: ActivityTask, message: string) =>
  h.client.workflowService.respondActivityTaskFailed({ namespace: 'default', taskToken: task.taskToken, failure: { message, applicationFailureInfo: { type: 'Outage' } }, identity: 'test' });

const reset = (workflowId: string, select: { id?: string; type?: string; matchAll?: boolean }) =>
  h.client.workflowService.resetActivity({ namespace: 'default', execution: { workflowId }, identity: 'operator', ...select });

async function pending(workflowId: string) {
  const described = await h.client.workflowService.describeWorkflowExecution({ namespace: 'default', execution: { workflowId } });
  return described.pendingActivities?.[0];
}

/** A worker running the workflow only (the test answers its activity), and one patientActivity started on it. */
async function withPatient(fn: (run: { workflowId: string; activityQueue: string; handle: Awaited<ReturnType<EngineHarness['client']['workflow']['start']>> }) => Promise<void>) {
  const workflowQueue = uid('wf');
  const activityQueue = uid('act');
  const worker = await h.worker({ taskQueue: workflowQueue, activities: {} });
  await worker.runUntil(async () => {
    const workflowId = uid('patient');
    const handle = await h.client.workflow.start('patientActivity', { taskQueue: workflowQueue, workflowId, args: [activityQueue] });
    await fn({ workflowId, activityQueue, handle });
  });
}

it('runs a failed activity again at once, at attempt 1, and refuses an answer to an attempt from before the reset', async () => {
  await withPatient(async ({ workflowId, activityQueue, handle }) => {
    const first = await poll(activityQueue);
    expect(first.attempt).toBe(1);
    await fail(first, '工作日历服务暂不可用');
    // Waiting out its backoff: an hour before attempt 2.
    const waiting = await pending(workflowId);
    expect(waiting).toMatchObject({ activityId: 'patient', attempt: 1, state: PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED });
    expect(Number(waiting!.currentRetryInterval?.seconds)).toBeGreaterThan(3000);

    await reset(workflowId, { id: 'patient' });
    const again = await poll(activityQueue);
    expect(again.attempt).toBe(1);
    expect((await pending(workflowId))?.state).toBe(PendingActivityState.PENDING_ACTIVITY_STATE_STARTED);

    // A late answer with the first attempt's token (attempt 1 too) is not the running attempt's.
    await expect(fail(first, 'late')).rejects.toMatchObject({ code: 5 });

    // Reset while an attempt runs: it runs on, and when it fails the next attempt starts at once, again attempt 1.
    await reset(workflowId, { type: 'patient' });
    await fail(again, '仍不可用');
    const third = await poll(activityQueue);
    expect(third.attempt).toBe(1);
    await h.client.workflowService.respondActivityTaskCompleted({
      namespace: 'default',
      taskToken: third.taskToken,
      result: { payloads: [defaultPayloadConverter.toPayload('done')] },
      identity: 'test',
    });
    expect(await handle.result()).toBe('done');

    // Nothing was written for the resets: the history holds one started event (attempt 1) and the completion.
    const events = (await handle.fetchHistory()).events ?? [];
    const started = events.filter((e) => e.activityTaskStartedEventAttributes);
    expect(started.map((e) => e.activityTaskStartedEventAttributes!.attempt)).toEqual([1]);

    // Nothing left to reset.
    await expect(reset(workflowId, { id: 'patient' })).rejects.toMatchObject({ code: 5 });
  });
});

it('refuses a reset that names no activity, or one the run does not have', async () => {
  await withPatient(async ({ workflowId, activityQueue, handle }) => {
    const task = await poll(activityQueue);
    await expect(reset(workflowId, {})).rejects.toMatchObject({ code: 3 });
    await expect(reset(workflowId, { id: 'no-such-activity' })).rejects.toMatchObject({ code: 5 });
    await h.client.workflowService.respondActivityTaskCompleted({ namespace: 'default', taskToken: task.taskToken, result: { payloads: [defaultPayloadConverter.toPayload('ok')] }, identity: 'test' });
    expect(await handle.result()).toBe('ok');
  });
});

it('resets the activities of every run a visibility query matches in one batch (after an outage), with or without their attempts', async () => {
  const workflowQueue = uid('wf');
  const activityQueue = uid('act');
  const worker = await h.worker({ taskQueue: workflowQueue, activities: {} });
  await worker.runUntil(async () => {
    const ids = [uid('outage'), uid('outage')];
    for (const workflowId of ids) await h.client.workflow.start('patientActivity', { taskQueue: workflowQueue, workflowId, args: [activityQueue] });
    for (let i = 0; i < ids.length; i++) await fail(await poll(activityQueue), '数据库暂不可用');
    const query = `WorkflowType = 'patientActivity' AND TaskQueue = '${workflowQueue}' AND ExecutionStatus = 'Running'`;
    const batch = async (resetAttempts: boolean) => {
      const jobId = uid('batch');
      await h.client.workflowService.startBatchOperation({
        namespace: 'default',
        jobId,
        reason: '数据库已恢复',
        visibilityQuery: query,
        resetActivitiesOperation: { identity: 'operator', type: 'patient', resetAttempts },
      });
      return h.client.workflowService.describeBatchOperation({ namespace: 'default', jobId });
    };

    // Both were waiting out an hour's backoff; the batch hands both out now, at attempt 1 again.
    const first = await batch(true);
    expect([Number(first.totalOperationCount), Number(first.completeOperationCount), Number(first.failureOperationCount)]).toEqual([2, 2, 0]);
    const again = [await poll(activityQueue), await poll(activityQueue)];
    expect(again.map((t) => t.attempt)).toEqual([1, 1]);
    expect(new Set(again.map((t) => t.workflowExecution?.workflowId))).toEqual(new Set(ids));

    // Without resetAttempts only the backoff goes: the attempts count on.
    for (const task of again) await fail(task, '仍不可用');
    await batch(false);
    const third = [await poll(activityQueue), await poll(activityQueue)];
    expect(third.map((t) => t.attempt)).toEqual([2, 2]);
    for (const task of third) {
      await h.client.workflowService.respondActivityTaskCompleted({ namespace: 'default', taskToken: task.taskToken, result: { payloads: [defaultPayloadConverter.toPayload('ok')] }, identity: 'test' });
    }
    for (const workflowId of ids) expect(await h.client.workflow.getHandle(workflowId).result()).toBe('ok');
  });
});
