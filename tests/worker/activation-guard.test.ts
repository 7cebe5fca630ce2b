// The worker's preloads, on a worker process started as the platform starts
// it (WORKER_NODE_ARGS), with one workflow thread. The deadlock guard
// (worker/activation-guard.mjs): one watchdog per workflow activation instead
// of one per call into the sandbox; a workflow that never yields has its task
// failed with the guard's message after isolateExecutionTimeout, again on
// each retry, and the other workflows on the same thread still run to
// completion between them. The SDK's promise hook left off
// (worker/promise-hook-off.mjs): the stack-trace query says so.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WORKER_NODE_ARGS } from '../../worker/node-args';
import { startHarness, uid, type EngineHarness } from '../engine/harness';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { EventType } = temporal.api.enums.v1;
const taskQueue = uid('guarded');
let h: EngineHarness;
let child: ChildProcess;
let output = '';

beforeAll(async () => {
  h = await startHarness();
  child = spawn(process.execPath, [...WORKER_NODE_ARGS, '--import', 'tsx', 'tests/worker/guarded-worker.ts', h.engine.address, taskQueue], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('ready')) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => void (output += d.toString()));
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)));
  });
  await ready;
}, 120_000);

// A worker whose thread is stuck (the guard broken) never finishes its shutdown: killed after 5 s, and never left behind.
process.once('exit', () => child?.kill('SIGKILL'));
afterAll(async () => {
  if (child?.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 5_000))]);
    if (!stopped) {
      child.kill('SIGKILL');
      await exited;
    }
  }
  await h?.close();
});

it('fails the task of a workflow that never yields and keeps running the others on the same thread', async () => {
  const looping = await h.client.workflow.start('loopForever', { taskQueue, workflowId: uid('loop') });
  const failures = async () => {
    const { events } = await looping.fetchHistory();
    return (events ?? []).filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
  };
  const deadline = Date.now() + 30_000;
  while ((await failures()).length === 0) {
    if (Date.now() > deadline) throw new Error(`no workflow task failed within 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const [failed] = await failures();
  expect(failed!.workflowTaskFailedEventAttributes?.failure?.message).toBe('Potential deadlock: a workflow activation ran past 1000 ms (isolateExecutionTimeout) without yielding');

  // The looping workflow's task is retried (and stopped again) meanwhile; the thread still runs the others, activities and all.
  const [greeting, sequence] = await Promise.all([
    h.client.workflow.execute('greet', { taskQueue, workflowId: uid('greet'), args: ['guard'] }),
    h.client.workflow.execute('activitySequence', { taskQueue, workflowId: uid('sequence'), args: ['g'] }),
  ]);
  expect(greeting).toBe('hello, guard');
  expect(sequence).toEqual(['g-0', 'g-1', 'g-2']);
  expect((await looping.describe()).status.name).toBe('RUNNING');
  await looping.terminate('test over');
  expect(child.exitCode).toBeNull();
}, 90_000);

it("runs without the SDK's promise hook: the stack-trace query says stack traces are off, and workflows run", async () => {
  const waiting = await h.client.workflow.start('waitForever', { taskQueue, workflowId: uid('waiting') });
  await expect(waiting.query('__stack_trace')).rejects.toThrow(/Workflow stack traces are not enabled on this worker/);
  expect((await waiting.describe()).status.name).toBe('RUNNING');
  expect(await h.client.workflow.execute('activitySequence', { taskQueue, workflowId: uid('sequence'), args: ['h'] })).toEqual(['h-0', 'h-1', 'h-2']);
  await waiting.terminate('test over');
}, 60_000);
