// Issue 2, points 1 and 2: namespaces, system info, starting workflows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowExecutionAlreadyStartedError, WorkflowFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { startHarness, uid, type EngineHarness } from './harness';

let h: EngineHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('namespaces (1)', () => {
  it('describes `default` and reports the capabilities the SDK checks', async () => {
    const ns = await h.client.workflowService.describeNamespace({ namespace: 'default' });
    expect(ns.namespaceInfo?.name).toBe('default');
    const info = await h.client.workflowService.getSystemInfo({});
    expect(info.capabilities).toMatchObject({
      signalAndQueryHeader: true,
      internalErrorDifferentiation: true,
      activityFailureIncludeHeartbeat: true,
      encodedFailureAttributes: true,
      upsertMemo: true,
      sdkMetadata: true,
    });
  });

  it('refuses an unknown namespace with NOT_FOUND', async () => {
    await expect(h.client.workflowService.describeNamespace({ namespace: 'nope' })).rejects.toMatchObject({ code: 5 });
  });
});

describe('starting (2)', () => {
  it('a duplicate start is WorkflowExecutionAlreadyStartedError; an unknown id is WorkflowNotFoundError', async () => {
    const worker = await h.worker();
    const workflowId = uid('dup');
    await worker.runUntil(async () => {
      await h.client.workflow.start('waitForever', { taskQueue: worker.options.taskQueue, workflowId });
      await expect(
        h.client.workflow.start('waitForever', { taskQueue: worker.options.taskQueue, workflowId }),
      ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      await h.client.workflow.getHandle(workflowId).terminate();
    });
    await expect(h.client.workflow.getHandle(uid('missing')).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    await expect(h.client.workflow.getHandle(uid('missing')).signal('add', 1)).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });

  it('a retried start with the same request id returns the same run', async () => {
    const workflowId = uid('idem');
    const request = {
      namespace: 'default',
      workflowId,
      workflowType: { name: 'waitForever' },
      taskQueue: { name: uid('tq') },
      requestId: 'same-request',
    };
    const first = await h.client.workflowService.startWorkflowExecution(request);
    const second = await h.client.workflowService.startWorkflowExecution(request);
    expect(second.runId).toBe(first.runId);
    await h.client.workflow.getHandle(workflowId).terminate();
  });

  it('applies ID reuse and conflict policies', async () => {
    const worker = await h.worker();
    const taskQueue = worker.options.taskQueue;
    await worker.runUntil(async () => {
      const id = uid('reuse');
      await h.client.workflow.execute('greet', { taskQueue, workflowId: id, args: ['a'] });
      await expect(
        h.client.workflow.start('greet', { taskQueue, workflowId: id, args: ['b'], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE }),
      ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      await expect(
        h.client.workflow.start('greet', { taskQueue, workflowId: id, args: ['b'], workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY }),
      ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      expect(await h.client.workflow.execute('greet', { taskQueue, workflowId: id, args: ['c'] })).toBe('hello, c');

      const running = uid('conflict');
      const first = await h.client.workflow.start('waitForever', { taskQueue, workflowId: running });
      const existing = await h.client.workflow.start('waitForever', {
        taskQueue,
        workflowId: running,
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      });
      expect(existing.firstExecutionRunId).toBe(first.firstExecutionRunId);
      const replacement = await h.client.workflow.start('waitForever', {
        taskQueue,
        workflowId: running,
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.TERMINATE_EXISTING,
      });
      expect(replacement.firstExecutionRunId).not.toBe(first.firstExecutionRunId);
      expect((await h.client.workflow.getHandle(running, first.firstExecutionRunId).describe()).status.name).toBe('TERMINATED');
      await replacement.terminate();
    });
  });

  it('keeps memo and search attributes and enforces the execution timeout', async () => {
    const worker = await h.worker();
    const taskQueue = worker.options.taskQueue;
    await worker.runUntil(async () => {
      const handle = await h.client.workflow.start('waitForever', {
        taskQueue,
        workflowId: uid('memo'),
        memo: { owner: 'district-7' },
        searchAttributes: { CustomKeywordField: ['k1'] },
      });
      const description = await handle.describe();
      expect(description.memo).toEqual({ owner: 'district-7' });
      expect(description.searchAttributes).toEqual({ CustomKeywordField: ['k1'] });
      await handle.terminate();

      const timed = await h.client.workflow.start('waitForever', { taskQueue, workflowId: uid('timeout'), workflowExecutionTimeout: '300ms' });
      const error = await timed.result().catch((e) => e);
      expect(error).toBeInstanceOf(WorkflowFailedError);
      expect(error.cause?.name).toBe('TimeoutFailure');
      expect((await timed.describe()).status.name).toBe('TIMED_OUT');
    });
  });

  it('signalWithStart starts once and then signals the running workflow', async () => {
    const worker = await h.worker();
    const taskQueue = worker.options.taskQueue;
    const workflowId = uid('sws');
    await worker.runUntil(async () => {
      const a = await h.client.workflow.signalWithStart('counter', { taskQueue, workflowId, signal: 'add', signalArgs: [2] });
      const b = await h.client.workflow.signalWithStart('counter', { taskQueue, workflowId, signal: 'add', signalArgs: [3] });
      expect(b.signaledRunId).toBe(a.signaledRunId);
      await a.signal('finish');
      expect(await a.result()).toBe(5);
    });
  });

  it('refuses malformed requests with INVALID_ARGUMENT', async () => {
    await expect(
      h.client.workflowService.startWorkflowExecution({ namespace: 'default', workflowId: '', workflowType: { name: 'x' }, taskQueue: { name: 'q' } }),
    ).rejects.toMatchObject({ code: 3 });
    await expect(
      h.client.workflowService.startWorkflowExecution({ namespace: 'default', workflowId: 'w', taskQueue: { name: 'q' } }),
    ).rejects.toMatchObject({ code: 3 });
    await expect(h.client.workflowService.respondActivityTaskCompleted({ taskToken: Buffer.from('garbage') })).rejects.toMatchObject({ code: 3 });
    expect(temporal).toBeDefined();
  });
});
