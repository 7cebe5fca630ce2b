// DescribeTaskQueue, as an operator asks it ("is anyone working this
// queue?"): the workers that polled it in the last five minutes by identity,
// and the tasks waiting for one. Driven through the real SDK's
// WorkflowService client and worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as grpc from '@grpc/grpc-js';
import { startHarness, uid, type EngineHarness } from './harness';

let h: EngineHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type QueueType = 'TASK_QUEUE_TYPE_WORKFLOW' | 'TASK_QUEUE_TYPE_ACTIVITY';
const TYPE = { TASK_QUEUE_TYPE_WORKFLOW: 1, TASK_QUEUE_TYPE_ACTIVITY: 2 } as const;

async function describeQueue(name: string, type: QueueType = 'TASK_QUEUE_TYPE_WORKFLOW') {
  const res = await h.client.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name }, taskQueueType: TYPE[type], reportStats: true, includeTaskQueueStatus: true });
  return {
    pollers: (res.pollers ?? []).map((p) => ({ identity: p.identity, lastAccess: Number(p.lastAccessTime?.seconds ?? 0) * 1000 + (p.lastAccessTime?.nanos ?? 0) / 1e6 })),
    backlog: Number(res.stats?.approximateBacklogCount ?? 0),
    backlogAgeMs: Number(res.stats?.approximateBacklogAge?.seconds ?? 0) * 1000 + (res.stats?.approximateBacklogAge?.nanos ?? 0) / 1e6,
    hint: Number(res.taskQueueStatus?.backlogCountHint ?? 0),
  };
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => grpc.status.OK, (error: { code?: number }) => error.code);

describe('DescribeTaskQueue', () => {
  it('shows the tasks waiting while no worker polls, then the worker that took them, by identity', async () => {
    const taskQueue = uid('describe');
    const waiting = await h.client.workflow.start('counter', { taskQueue, workflowId: uid('waiting') });
    await new Promise((r) => setTimeout(r, 50));
    const before = await describeQueue(taskQueue);
    expect(before).toMatchObject({ pollers: [], backlog: 1, hint: 1 });
    expect(before.backlogAgeMs).toBeGreaterThanOrEqual(40);

    const identity = `worker-${uid('id')}@街道办服务器`;
    const worker = await h.worker({ taskQueue, identity });
    await worker.runUntil(async () => {
      await waiting.signal('add', 2);
      await h.client.workflow.execute('activitySequence', { taskQueue, workflowId: uid('acts'), args: ['q'] });
      const workflowQueue = await describeQueue(taskQueue);
      expect(workflowQueue.pollers.map((p) => p.identity)).toEqual([identity]);
      expect(Math.abs(workflowQueue.pollers[0]!.lastAccess - Date.now())).toBeLessThan(60_000);
      expect(workflowQueue).toMatchObject({ backlog: 0, backlogAgeMs: 0, hint: 0 });
      // The same worker polls the activity queue of the same name.
      expect((await describeQueue(taskQueue, 'TASK_QUEUE_TYPE_ACTIVITY')).pollers.map((p) => p.identity)).toEqual([identity]);
      await waiting.signal('finish');
      expect(await waiting.result()).toBe(2);
    });
    // A worker that stopped is still listed for a while (five minutes, as Temporal's matching keeps it).
    expect((await describeQueue(taskQueue)).pollers.map((p) => p.identity)).toEqual([identity]);
  });

  it('does not count a task that went away before anyone took it', async () => {
    const taskQueue = uid('describe-gone');
    const handle = await h.client.workflow.start('counter', { taskQueue, workflowId: uid('gone') });
    expect((await describeQueue(taskQueue)).backlog).toBe(1);
    await handle.terminate('不再需要');
    expect(await describeQueue(taskQueue)).toMatchObject({ pollers: [], backlog: 0, backlogAgeMs: 0 });
    // A queue nobody has polled or offered to reads as empty, not as an error.
    expect(await describeQueue(uid('never'), 'TASK_QUEUE_TYPE_ACTIVITY')).toMatchObject({ pollers: [], backlog: 0 });
  });

  it('refuses a request without a queue, in the deprecated enhanced mode, or in an unknown namespace', async () => {
    const service = h.client.workflowService;
    expect(await codeOf(service.describeTaskQueue({ namespace: 'default' }))).toBe(grpc.status.INVALID_ARGUMENT);
    expect(await codeOf(service.describeTaskQueue({ namespace: 'default', taskQueue: { name: 'q' }, apiMode: 1 }))).toBe(grpc.status.INVALID_ARGUMENT);
    expect(await codeOf(service.describeTaskQueue({ namespace: 'no-such-namespace', taskQueue: { name: 'q' } }))).toBe(grpc.status.NOT_FOUND);
  });
});
