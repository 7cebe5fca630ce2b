// The platform worker against the embedded engine: it registers the workflows
// of workflows/index.ts and the activities it is given, and shuts down cleanly.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { startEngine, type EmbeddedEngine } from '../../engine';
import { createTemporalClient, payloadKeyringFromConfig } from '../../temporal';
import { createPlatformWorker, getWorkflowBundle, installTemporalRuntime } from '../../worker';
import type { temporal } from '@temporalio/proto';
import { ping, projectWorkflow } from '../../workflows';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

let engine: EmbeddedEngine;
let native: NativeConnection;
let client: Client;
const payloadKeys = payloadKeyringFromConfig(loadConfig({ NODE_ENV: 'test' }).config.temporal);

beforeAll(async () => {
  installTemporalRuntime('ERROR');
  engine = await startEngine();
  native = await NativeConnection.connect({ address: engine.address });
  client = await createTemporalClient({ address: engine.address, payloadKeys });
});

afterAll(async () => {
  await client?.connection.close();
  await native?.close();
  await engine?.close();
});

describe('createPlatformWorker', () => {
  it('runs a workflow of workflows/index.ts and stops on shutdown', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await createPlatformWorker({ connection: native, taskQueue, payloadKeys, activities: {} });
    const running = worker.run();
    try {
      const result = await client.workflow.execute(ping, { taskQueue, workflowId: `ping-${randomUUID()}`, args: ['你好'] });
      expect(result).toBe('pong: 你好');
    } finally {
      await worker.shutdown();
    }
    await expect(running).resolves.toBeUndefined();
    expect(worker.worker.getState()).toBe('STOPPED');
  });

  it('runs workflow code without stack frames: a failed workflow task names the error, not the line (workflows/sandbox.ts)', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await createPlatformWorker({ connection: native, taskQueue, payloadKeys, activities: {} });
    const running = worker.run();
    // A project started without its input: the workflow's own code throws a TypeError, and its task fails.
    const handle = await client.workflow.start(projectWorkflow, { taskQueue, workflowId: `broken-${randomUUID()}`, args: [] as never });
    try {
      let failed: temporal.api.failure.v1.IFailure | null | undefined;
      for (let i = 0; i < 100 && !failed; i++) {
        const { events } = await handle.fetchHistory();
        failed = events?.find((e) => e.workflowTaskFailedEventAttributes)?.workflowTaskFailedEventAttributes?.failure;
        if (!failed) await new Promise((r) => setTimeout(r, 100));
      }
      expect(failed?.message).toMatch(/Cannot destructure property 'rules'/);
      expect(failed?.stackTrace).not.toMatch(/\n\s+at /);
    } finally {
      await handle.terminate('test over');
      await worker.shutdown();
      await running;
    }
  });

  it('runs workflow code on as many threads as WORKFLOW_THREADS asks, every workflow to its result', async () => {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await createPlatformWorker({ connection: native, taskQueue, payloadKeys, activities: {}, workflowThreads: 2 });
    expect(worker.worker.options.workflowThreadPoolSize).toBe(2);
    await worker.runUntil(async () => {
      // Enough at once that both threads hold workflows: each answers its own greeting.
      const greetings = Array.from({ length: 12 }, (_, i) => `第${i + 1}号`);
      const results = await Promise.all(greetings.map((g) => client.workflow.execute(ping, { taskQueue, workflowId: `ping-${randomUUID()}`, args: [g] })));
      expect(results).toEqual(greetings.map((g) => `pong: ${g}`));
    });
  });

  it('builds the workflow bundle once per process', async () => {
    expect(await getWorkflowBundle()).toBe(await getWorkflowBundle());
  });
});

describe('startTestPlatform', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(() => p?.close());

  it('serves the API, runs workflows on its own task queue and moves virtual time', async () => {
    const ready = await p.request.get('/api/ready');
    expect(ready.status, JSON.stringify(ready.body)).toBe(200);

    const me = await (await p.as('street_office.qindu-renmin')).get('/api/me');
    expect(me.status).toBe(200);

    expect(await p.client.workflow.execute(ping, { taskQueue: p.taskQueue, workflowId: `ping-${randomUUID()}`, args: ['x'] })).toBe('pong: x');

    const before = p.now().getTime();
    await p.advanceTime(3 * 24 * 3600 * 1000);
    expect(p.now().getTime() - before).toBeGreaterThanOrEqual(3 * 24 * 3600 * 1000);
  });

  it('delivers notifications from the notify activity through the queue worker', async () => {
    const person = await p.prisma.person.findUniqueOrThrow({ where: { username: 'street_office.qindu-renmin' } });
    const workflowId = `wf-${randomUUID()}`;
    const notify = (p.activities as ReturnType<typeof import('../../activities').createActivities>).notify;
    await notify({ workflowId, event: 'opened', to: { personIds: [person.id] }, kind: 'task.opened', title: '待办', body: '请处理' });
    await notify({ workflowId, event: 'opened', to: { personIds: [person.id] }, kind: 'task.opened', title: '待办', body: '请处理' });
    await p.waitFor(() => p.outbox.some((m) => m.idempotencyKey === `${workflowId}|opened|${person.id}`));
    expect(await p.prisma.notification.count({ where: { idempotencyKey: { startsWith: workflowId } } })).toBe(1);
  });
});
