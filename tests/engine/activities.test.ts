// Issue 2, point 4: activities — results, retries, timeouts, heartbeats,
// cancellation and completion by id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, uid, type EngineHarness } from './harness';

let h: EngineHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('activities (4)', () => {
  it('retries with backoff until success, and stops at non-retryable failures', async () => {
    const worker = await h.worker();
    const taskQueue = worker.options.taskQueue;
    await worker.runUntil(async () => {
      const key = uid('flaky');
      expect(await h.client.workflow.execute('flakyActivity', { taskQueue, workflowId: key, args: [2, key] })).toBe(3);
      const exhausted = uid('exhausted');
      const error = await h.client.workflow.execute('flakyActivity', { taskQueue, workflowId: exhausted, args: [5, exhausted] }).catch((e) => e);
      expect(error.cause?.name).toBe('ActivityFailure');
      expect(error.cause?.retryState).toBe('MAXIMUM_ATTEMPTS_REACHED');
      const fatal = await h.client.workflow.execute('nonRetryableActivity', { taskQueue, workflowId: uid('fatal') }).catch((e) => e);
      expect(fatal.cause?.retryState).toBe('NON_RETRYABLE_FAILURE');
      expect(fatal.cause?.cause?.type).toBe('Fatal');
    });
  });

  it('times out start-to-close and heartbeat, delivering TimeoutFailure to the workflow', async () => {
    const worker = await h.worker();
    const taskQueue = worker.options.taskQueue;
    await worker.runUntil(async () => {
      expect(await h.client.workflow.execute('timedOutActivity', { taskQueue, workflowId: uid('stc') })).toBe('TimeoutFailure:START_TO_CLOSE');
      expect(await h.client.workflow.execute('heartbeatTimeout', { taskQueue, workflowId: uid('hb') })).toBe('TimeoutFailure:HEARTBEAT');
    });
  });

  it('times out schedule-to-start and schedule-to-close when no worker takes the task', async () => {
    const worker = await h.worker();
    const taskQueue = worker.options.taskQueue;
    await worker.runUntil(async () => {
      expect(await h.client.workflow.execute('unpolledActivity', { taskQueue, workflowId: uid('s2s'), args: ['start'] })).toBe(
        'TimeoutFailure:SCHEDULE_TO_START',
      );
      expect(await h.client.workflow.execute('unpolledActivity', { taskQueue, workflowId: uid('s2c'), args: ['close'] })).toBe(
        'TimeoutFailure:SCHEDULE_TO_CLOSE',
      );
    });
  });

  it('delivers cancellation through the heartbeat response and records heartbeat details', async () => {
    const worker = await h.worker();
    const taskQueue = worker.options.taskQueue;
    await worker.runUntil(async () => {
      expect(await h.client.workflow.execute('cancelHeartbeatingActivity', { taskQueue, workflowId: uid('cancel') })).toBe('activity cancelled');
      const handle = await h.client.workflow.start('heartbeating', { taskQueue, workflowId: uid('details') });
      let pending: any;
      for (let i = 0; i < 100; i++) {
        const description = await handle.describe();
        pending = description.raw.pendingActivities?.[0];
        if (pending?.heartbeatDetails?.payloads?.length) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(pending?.activityType?.name).toBe('heartbeatUntilCancelled');
      expect(pending?.heartbeatDetails?.payloads?.length).toBe(1);
      await handle.terminate();
    });
  });

  it('completes and fails activities by id (async completion)', async () => {
    const worker = await h.worker();
    const taskQueue = worker.options.taskQueue;
    await worker.runUntil(async () => {
      const handle = await h.client.workflow.start('asyncCompleted', { taskQueue, workflowId: uid('async') });
      await waitForPendingActivity(handle.workflowId);
      await h.client.activity.complete({ workflowId: handle.workflowId, activityId: 'external' }, 'done elsewhere');
      expect(await handle.result()).toBe('done elsewhere');
      const failed = await h.client.workflow.start('asyncCompleted', { taskQueue, workflowId: uid('async-fail') });
      await waitForPendingActivity(failed.workflowId);
      await h.client.activity.fail({ workflowId: failed.workflowId, activityId: 'external' }, new Error('refused elsewhere'));
      const error = await failed.result().catch((e) => e);
      expect(error.cause?.cause?.message).toBe('refused elsewhere');
    });
  });
});

async function waitForPendingActivity(workflowId: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const description = await h.client.workflow.getHandle(workflowId).describe();
    if (description.raw.pendingActivities?.some((a) => a.state === 2 /* STARTED */)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('activity never started');
}
