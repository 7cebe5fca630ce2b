// Issue 2, points 5 and 6: signals, queries, updates; child workflows,
// parent close policies, continue-as-new, cancellation and termination.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { startHarness, uid, type EngineHarness } from './harness';

let h: EngineHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('signals, queries, updates (5)', () => {
  it('queries see every signal sent before them, also after the workflow closed', async () => {
    const worker = await h.worker();
    const taskQueue = worker.options.taskQueue;
    await worker.runUntil(async () => {
      const handle = await h.client.workflow.start('counter', { taskQueue, workflowId: uid('q') });
      for (let i = 1; i <= 5; i++) {
        await handle.signal('add', i);
        expect(await handle.query('total')).toBe((i * (i + 1)) / 2);
      }
      await handle.signal('finish');
      expect(await handle.result()).toBe(15);
      expect(await handle.query('total')).toBe(15);
    });
  });

  it('updates return results, validator rejections reach the caller, and handles poll for outcomes', async () => {
    const worker = await h.worker();
    const taskQueue = worker.options.taskQueue;
    await worker.runUntil(async () => {
      const handle = await h.client.workflow.start('counter', { taskQueue, workflowId: uid('u') });
      expect(await handle.executeUpdate('setLimit', { args: [7] })).toBe(100);
      const rejected: any = await handle.executeUpdate('setLimit', { args: [-1] }).catch((e: unknown) => e);
      expect(rejected).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(rejected.cause?.message).toBe('limit must be positive');
      const started = await handle.startUpdate('setLimit', { args: [9], waitForStage: 'ACCEPTED', updateId: 'second-change' });
      expect(await started.result()).toBe(7);
      // Same update id again: answered from the recorded outcome.
      expect(await h.client.workflow.getHandle(handle.workflowId).getUpdateHandle('second-change').result()).toBe(7);
      await handle.signal('finish');
      await handle.result();
    });
  });
});

describe('children, continue-as-new, cancellation (6)', () => {
  it('applies parent close policies TERMINATE, ABANDON and REQUEST_CANCEL', async () => {
    const worker = await h.worker();
    const taskQueue = worker.options.taskQueue;
    await worker.runUntil(async () => {
      const expected = { TERMINATE: 'TERMINATED', ABANDON: 'RUNNING', REQUEST_CANCEL: 'CANCELLED' } as const;
      for (const [policy, status] of Object.entries(expected)) {
        const childId = await h.client.workflow.execute('parentWithPolicy', { taskQueue, workflowId: uid(`pcp-${policy}`), args: [policy] });
        const child = h.client.workflow.getHandle(childId);
        let description = await child.describe();
        for (let i = 0; i < 100 && description.status.name !== status; i++) {
          await new Promise((r) => setTimeout(r, 20));
          description = await child.describe();
        }
        expect(description.status.name).toBe(status);
        if (status === 'RUNNING') await child.terminate();
      }
    });
  });

  it('continue-as-new keeps the workflow id and the client follows to the last run', async () => {
    const worker = await h.worker();
    await worker.runUntil(async () => {
      const handle = await h.client.workflow.start('continuing', { taskQueue: worker.options.taskQueue, workflowId: uid('can'), args: [2] });
      expect(await handle.result()).toBe(1);
      const first = await h.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).describe();
      expect(first.status.name).toBe('CONTINUED_AS_NEW');
    });
  });

  it('cancellation runs the workflow cleanup; termination ends it at once', async () => {
    const worker = await h.worker();
    const taskQueue = worker.options.taskQueue;
    await worker.runUntil(async () => {
      const handle = await h.client.workflow.start('cancellable', { taskQueue, workflowId: uid('cancel') });
      await handle.cancel();
      const error = await handle.result().catch((e) => e);
      expect(error).toBeInstanceOf(WorkflowFailedError);
      expect(error.cause?.name).toBe('CancelledFailure');
      expect((await handle.describe()).status.name).toBe('CANCELLED');

      const doomed = await h.client.workflow.start('waitForever', { taskQueue, workflowId: uid('term') });
      await doomed.terminate('enough');
      const terminated = await doomed.result().catch((e) => e);
      expect(terminated.cause?.name).toBe('TerminatedFailure');
    });
  });
});
