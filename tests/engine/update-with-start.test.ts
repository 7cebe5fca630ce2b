// Issue 10, point 5: update-with-start (ExecuteMultiOperation) and
// speculative workflow tasks — a rejected update leaves no events in history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { startHarness, uid, type EngineHarness } from './harness';

let h: EngineHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function eventTypes(workflowId: string): Promise<string[]> {
  const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).map((e) => temporal.api.enums.v1.EventType[e.eventType!]!);
}

describe('update-with-start and speculative tasks (10.5)', () => {
  it('creates the workflow and updates it in one call, then updates the existing one', async () => {
    const taskQueue = uid('uws');
    const workflowId = uid('counter');
    const worker = await h.worker({ taskQueue });
    await worker.runUntil(async () => {
      const startOp = () => new WithStartWorkflowOperation('counter', { workflowId, taskQueue, workflowIdConflictPolicy: 'USE_EXISTING' });
      const first = startOp();
      expect(await h.client.workflow.executeUpdateWithStart('setLimit', { args: [5], startWorkflowOperation: first })).toBe(100);
      const handle = await first.workflowHandle();
      const second = startOp();
      expect(await h.client.workflow.executeUpdateWithStart('setLimit', { args: [8], startWorkflowOperation: second })).toBe(5);
      const [one, two] = await Promise.all([handle.describe(), (await second.workflowHandle()).describe()]);
      expect(two.runId).toBe(one.runId);
      const types = await eventTypes(workflowId);
      expect(types.filter((t) => t === 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED')).toHaveLength(1);
      expect(types.filter((t) => t === 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED')).toHaveLength(2);
      // The first update rode on the first workflow task.
      expect(types.slice(0, 5)).toEqual([
        'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED',
        'EVENT_TYPE_WORKFLOW_TASK_SCHEDULED',
        'EVENT_TYPE_WORKFLOW_TASK_STARTED',
        'EVENT_TYPE_WORKFLOW_TASK_COMPLETED',
        'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED',
      ]);
      await handle.signal('finish');
      expect(await handle.result()).toBe(0);
    });
  });

  it('leaves no trace of a rejected update in history and goes on normally', async () => {
    const taskQueue = uid('spec');
    const workflowId = uid('counter');
    const worker = await h.worker({ taskQueue });
    await worker.runUntil(async () => {
      const handle = await h.client.workflow.start('counter', { taskQueue, workflowId });
      await handle.signal('add', 1);
      expect(await handle.query('total')).toBe(1);
      const before = await eventTypes(workflowId);
      for (let i = 0; i < 2; i++) {
        const refused: any = await handle.executeUpdate('setLimit', { args: [-1] }).catch((e: unknown) => e);
        expect(refused.cause?.message).toBe('limit must be positive');
      }
      expect(await eventTypes(workflowId)).toEqual(before);
      await handle.signal('add', 2);
      expect(await handle.query('total')).toBe(3);
      expect(await handle.executeUpdate('setLimit', { args: [7] })).toBe(100);
      const refused: any = await handle.executeUpdate('setLimit', { args: [0] }).catch((e: unknown) => e);
      expect(refused.cause?.message).toBe('limit must be positive');
      expect(await handle.executeUpdate('setLimit', { args: [9] })).toBe(7);
      await handle.signal('finish');
      expect(await handle.result()).toBe(3);
      const after = await eventTypes(workflowId);
      expect(after.filter((t) => t === 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED')).toHaveLength(2);
      expect(after.filter((t) => t === 'EVENT_TYPE_WORKFLOW_TASK_FAILED')).toHaveLength(0);
    });
  });
});
