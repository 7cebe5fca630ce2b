// Issue 10 (throughput): what the worker asks for in a workflow task
// completion is handed over in its answer, as Temporal does — the activities
// it reserved slots for (request_eager_execution) and the run's next workflow
// task when one is already due (return_new_workflow_task) — instead of waiting
// for a poll each. Driven by the real worker; the engine's metrics tell which
// way each task went.
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricValue, startHarness, uid, type EngineHarness } from './harness';

let h: EngineHarness;
beforeAll(async () => {
  h = await startHarness({ metricsPort: 0 });
});
afterAll(() => h?.close());

async function metric(series: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${h.engine.metricsPort}/metrics`)).text();
  return metricValue(text, series) ?? 0;
}

const HANDED_ACTIVITIES = 'engine_tasks_handed_over_total{task_type="activity"}';
const HANDED_WORKFLOW_TASKS = 'engine_tasks_handed_over_total{task_type="workflow"}';
const POLLED_ACTIVITIES = 'engine_poll_wait_seconds_count{task_type="activity",result="task"}';

describe('tasks handed over in the completion answer', () => {
  it('starts the activities a worker schedules on its own queue for that worker, without a poll', async () => {
    const taskQueue = uid('eager');
    const worker = await h.worker({ taskQueue });
    const handed = await metric(HANDED_ACTIVITIES);
    const polled = await metric(POLLED_ACTIVITIES);
    const workflowId = uid('eager');
    const result = await worker.runUntil(h.client.workflow.execute('activitySequence', { taskQueue, workflowId, args: ['e'] }));
    expect(result).toEqual(['e-0', 'e-1', 'e-2']);
    expect((await metric(HANDED_ACTIVITIES)) - handed).toBe(3);
    expect((await metric(POLLED_ACTIVITIES)) - polled).toBe(0);
    // The history reads as for a polled activity: each one scheduled, started by this worker, completed.
    const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
    const started = (history.events ?? []).filter((e) => e.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED);
    expect(started).toHaveLength(3);
    for (const e of started) expect(e.activityTaskStartedEventAttributes?.identity).toBe(worker.options.identity);
    const completed = (history.events ?? []).filter((e) => e.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
    expect(completed).toHaveLength(3);
  });

  it('answers a completion with the next workflow task when a signal came in during the task', async () => {
    const taskQueue = uid('next-task');
    const worker = await h.worker({ taskQueue });
    const handed = await metric(HANDED_WORKFLOW_TASKS);
    const workflowId = uid('next-task');
    const total = await worker.runUntil(async () => {
      // The first task holds the run for 800 ms (a local activity); the signal arrives inside it.
      const handle = await h.client.workflow.start('busyFirstTask', { taskQueue, workflowId, args: [800, 2] });
      await new Promise((r) => setTimeout(r, 300));
      await handle.signal('add', 2);
      return handle.result();
    });
    expect(total).toBe(2);
    expect((await metric(HANDED_WORKFLOW_TASKS)) - handed).toBeGreaterThanOrEqual(1);
    // The signal is in the history between the two tasks, as it would be had the worker polled for the second.
    const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
    const types = (history.events ?? []).map((e) => temporal.api.enums.v1.EventType[e.eventType ?? 0]!.replace('EVENT_TYPE_', ''));
    const signalled = types.indexOf('WORKFLOW_EXECUTION_SIGNALED');
    expect(signalled).toBeGreaterThan(types.indexOf('WORKFLOW_TASK_COMPLETED'));
    expect(types.slice(signalled + 1)).toEqual(['WORKFLOW_TASK_SCHEDULED', 'WORKFLOW_TASK_STARTED', 'WORKFLOW_TASK_COMPLETED', 'WORKFLOW_EXECUTION_COMPLETED']);
  });
});
