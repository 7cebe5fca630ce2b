// Issue 10, point 6 (engine side): reset to a workflow task with later
// signals carried over (or not), reset of a run with children, and batch
// terminate/signal/reset by visibility query with Describe/ListBatchOperations,
// whose records survive a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { startHarness, uid, type EngineHarness } from './harness';

const { EventType, ResetReapplyType, WorkflowExecutionStatus } = temporal.api.enums.v1;

let h: EngineHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The id of the WorkflowTaskCompleted event that followed the first signal. */
async function taskAfterFirstSignal(workflowId: string): Promise<number> {
  const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  const signal = events.findIndex((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED);
  const completed = events.slice(signal).find((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
  return Number(completed!.eventId);
}

describe('operator actions (10.6)', () => {
  it('resets to a workflow task, carrying later signals into the new run unless told not to', async () => {
    const taskQueue = uid('reset');
    const worker = await h.worker({ taskQueue });
    await worker.runUntil(async () => {
      for (const [reapply, expected] of [
        [ResetReapplyType.RESET_REAPPLY_TYPE_SIGNAL, 7],
        [ResetReapplyType.RESET_REAPPLY_TYPE_NONE, 1],
      ] as const) {
        const workflowId = uid('counter');
        const handle = await h.client.workflow.start('counter', { taskQueue, workflowId });
        for (const n of [1, 2, 4]) {
          await handle.signal('add', n);
          await handle.query('total');
        }
        expect(await handle.query('total')).toBe(7);
        const oldRunId = (await handle.describe()).runId;
        const { runId } = (await h.client.workflowService.resetWorkflowExecution({
          namespace: 'default',
          workflowExecution: { workflowId },
          reason: 'operator test',
          // int64 fields accept plain numbers on the wire; the generated type says Long.
          workflowTaskFinishEventId: (await taskAfterFirstSignal(workflowId)) as never,
          requestId: uid('req'),
          resetReapplyType: reapply,
        })) as temporal.api.workflowservice.v1.IResetWorkflowExecutionResponse;
        expect(runId).not.toBe(oldRunId);
        const current = h.client.workflow.getHandle(workflowId);
        expect((await current.describe()).runId).toBe(runId);
        expect(await current.query('total')).toBe(expected);
        const old = await h.client.workflow.getHandle(workflowId, oldRunId).describe();
        expect(old.status.name).toBe('TERMINATED');
        await current.signal('finish');
        expect(await current.result()).toBe(expected);
        const types = ((await current.fetchHistory()).events ?? []).map((e) => e.eventType);
        expect(types).toContain(EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
      }
    });
  });

  it('terminates and signals in batches chosen by a visibility query', async () => {
    const taskQueue = uid('batch');
    const worker = await h.worker({ taskQueue });
    await worker.runUntil(async () => {
      const counters = await Promise.all([0, 1].map(() => h.client.workflow.start('counter', { taskQueue, workflowId: uid('counter') })));
      const waiting = await Promise.all([0, 1, 2].map(() => h.client.workflow.start('waitForever', { taskQueue, workflowId: uid('wait') })));
      await h.client.workflow.execute('greet', { taskQueue, workflowId: uid('done'), args: ['x'] });

      // The signal's input is encoded as the worker's (default) converter reads it.
      await h.client.workflowService.startBatchOperation({
        namespace: 'default',
        jobId: uid('job'),
        reason: 'raise every counter',
        visibilityQuery: `TaskQueue = '${taskQueue}' AND WorkflowType = 'counter'`,
        signalOperation: { signal: 'add', input: { payloads: [defaultPayloadConverter.toPayload(5)] } },
      });
      for (const c of counters) expect(await c.query('total')).toBe(5);

      const jobId = uid('job');
      await h.client.workflowService.startBatchOperation({
        namespace: 'default',
        jobId,
        reason: 'end of term',
        visibilityQuery: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`,
        terminationOperation: { identity: 'operator' },
      });
      const described = await h.client.workflowService.describeBatchOperation({ namespace: 'default', jobId });
      expect(Number(described.totalOperationCount)).toBe(5);
      expect(Number(described.completeOperationCount)).toBe(5);
      expect(described.state).toBe(temporal.api.enums.v1.BatchOperationState.BATCH_OPERATION_STATE_COMPLETED);
      const listed = await h.client.workflowService.listBatchOperations({ namespace: 'default' });
      expect(listed.operationInfo.map((o) => o.jobId)).toContain(jobId);
      for (const handle of [...counters, ...waiting]) {
        expect((await handle.describe()).status.code).toBe(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED);
      }
      const stillRunning = await h.client.workflow.count(`TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`);
      expect(stillRunning.count).toBe(0);
    });
  });

  it('resets every run a query matches to its first workflow task in one batch, carrying their signals (or not)', async () => {
    const taskQueue = uid('batch-reset');
    const worker = await h.worker({ taskQueue });
    await worker.runUntil(async () => {
      for (const [reapply, expected] of [
        [ResetReapplyType.RESET_REAPPLY_TYPE_SIGNAL, 7],
        [ResetReapplyType.RESET_REAPPLY_TYPE_NONE, 0],
      ] as const) {
        const tag = uid('c');
        const counters = await Promise.all([0, 1].map((i) => h.client.workflow.start('counter', { taskQueue, workflowId: `${tag}-${i}` })));
        for (const c of counters) {
          for (const n of [3, 4]) await c.signal('add', n);
          expect(await c.query('total')).toBe(7);
        }
        const before = await Promise.all(counters.map(async (c) => (await c.describe()).runId));
        const jobId = uid('job');
        await h.client.workflowService.startBatchOperation({
          namespace: 'default',
          jobId,
          reason: 'replay with the deployed code',
          visibilityQuery: `TaskQueue = '${taskQueue}' AND WorkflowId STARTS_WITH '${tag}' AND ExecutionStatus = 'Running'`,
          resetOperation: { identity: 'operator', options: { firstWorkflowTask: {}, resetReapplyType: reapply } },
        });
        const described = await h.client.workflowService.describeBatchOperation({ namespace: 'default', jobId });
        expect([Number(described.totalOperationCount), Number(described.completeOperationCount)]).toEqual([2, 2]);
        for (const [i, c] of counters.entries()) {
          const current = h.client.workflow.getHandle(c.workflowId);
          expect((await current.describe()).runId).not.toBe(before[i]);
          expect(await current.query('total')).toBe(expected);
          const old = h.client.workflow.getHandle(c.workflowId, before[i]);
          expect((await old.describe()).status.code).toBe(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED);
        }
      }
      // Without a point (or with a build id, not supported) the batch is refused before anything changes.
      await expect(
        h.client.workflowService.startBatchOperation({ namespace: 'default', jobId: uid('job'), reason: 'x', visibilityQuery: `TaskQueue = '${taskQueue}'`, resetOperation: { identity: 'operator' } }),
      ).rejects.toMatchObject({ code: 3 });
    });
  });

  it('refuses a reset to a point with a pending child; a reset before the child terminates it with the old run', async () => {
    const taskQueue = uid('reset-child');
    const worker = await h.worker({ taskQueue });
    await worker.runUntil(async () => {
      const workflowId = uid('parent');
      const handle = await h.client.workflow.start('parentOfWaiter', { taskQueue, workflowId });
      const childHandle = h.client.workflow.getHandle(`${workflowId}-child`);
      await expect.poll(async () => (await childHandle.describe().catch(() => undefined))?.status.name, { timeout: 20_000 }).toBe('RUNNING');
      const firstChild = (await childHandle.describe()).runId;
      // The task after the child started: the child is pending there.
      const events = async () => (await handle.fetchHistory()).events ?? [];
      await expect
        .poll(async () => (await events()).filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED).length, { timeout: 20_000 })
        .toBe(2);
      const completed = (await events()).filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED).map((e) => Number(e.eventId));
      const oldRunId = (await handle.describe()).runId;
      const reset = (finishId: number) =>
        h.client.workflowService.resetWorkflowExecution({
          namespace: 'default',
          workflowExecution: { workflowId },
          reason: 'operator test',
          workflowTaskFinishEventId: finishId as never,
          requestId: uid('req'),
        }) as Promise<temporal.api.workflowservice.v1.IResetWorkflowExecutionResponse>;
      const error: any = await reset(completed[1]!).catch((e: unknown) => e);
      expect(error.code).toBe(3); // INVALID_ARGUMENT
      expect(String(error.details)).toMatch(/pending child workflows/);
      // Refused: nothing changed.
      expect((await handle.describe()).runId).toBe(oldRunId);
      expect((await childHandle.describe()).status.name).toBe('RUNNING');

      // Before the child was initiated: allowed. The old run's child is terminated with it (parent-close
      // policy) and the new run starts it again under the same id.
      const { runId } = await reset(completed[0]!);
      expect((await h.client.workflow.getHandle(`${workflowId}-child`, firstChild).describe()).status.name).toBe('TERMINATED');
      await expect.poll(async () => (await childHandle.describe()).runId, { timeout: 20_000 }).not.toBe(firstChild);
      const secondChild = await childHandle.describe();
      expect(secondChild.status.name).toBe('RUNNING');
      expect(secondChild.raw.workflowExecutionInfo?.parentExecution?.runId).toBe(runId);
      await handle.signal('finish');
      expect(await h.client.workflow.getHandle(workflowId).result()).toBe(`${workflowId}-child`);
    });
  });
});

describe('batch operation records are durable', () => {
  it('Describe/ListBatchOperations answer after a restart', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'engine-batch-'));
    try {
      const jobId = uid('job');
      const first = await startHarness({ dataDir });
      try {
        const workflowId = uid('wait');
        await first.client.workflow.start('waitForever', { taskQueue: uid('unpolled'), workflowId });
        await first.client.workflowService.startBatchOperation({
          namespace: 'default',
          jobId,
          reason: 'before restart',
          executions: [{ workflowId }],
          cancellationOperation: { identity: 'operator' },
        });
      } finally {
        await first.close();
      }
      const second = await startHarness({ dataDir });
      try {
        const described = await second.client.workflowService.describeBatchOperation({ namespace: 'default', jobId });
        expect(described.operationType).toBe(temporal.api.enums.v1.BatchOperationType.BATCH_OPERATION_TYPE_CANCEL);
        expect(described.reason).toBe('before restart');
        expect(Number(described.totalOperationCount)).toBe(1);
        expect(Number(described.completeOperationCount)).toBe(1);
        const listed = await second.client.workflowService.listBatchOperations({ namespace: 'default' });
        expect(listed.operationInfo.map((o) => o.jobId)).toEqual([jobId]);
        // Schedules do not see batch records (they share the store's keyed records).
        const schedules = [];
        for await (const sch of second.client.schedule.list()) schedules.push(sch.scheduleId);
        expect(schedules).toEqual([]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
