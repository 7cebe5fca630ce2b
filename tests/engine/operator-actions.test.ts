// Issue 10, point 6 (engine side): reset to a workflow task with later
// signals carried over (or not), and batch terminate/signal by visibility
// query with Describe/ListBatchOperations.
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
});
