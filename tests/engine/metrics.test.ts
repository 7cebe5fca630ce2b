// Issue 10, point 9 (engine side): the Prometheus endpoint counts requests by
// method and code, times group commits, measures task schedule-to-start latency
// and poll wait, and reports open runs and store size.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metricValue as value, startHarness, uid } from './harness';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'engine-metrics-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('metrics (10.9)', () => {
  it('serves request counts by method and code, commit latency, open runs and store bytes', async () => {
    const h = await startHarness({ dataDir, metricsPort: 0 });
    try {
      const taskQueue = uid('metrics');
      const worker = await h.worker({ taskQueue });
      await worker.runUntil(async () => {
        await h.client.workflow.execute('greet', { taskQueue, workflowId: uid('greet'), args: ['x'] });
        await h.client.workflow.start('waitForever', { taskQueue, workflowId: uid('open') });
      });
      await h.client.workflow.getHandle(uid('missing')).describe().catch(() => undefined);
      const text = await (await fetch(`http://127.0.0.1:${h.engine.metricsPort}/metrics`)).text();
      expect(text).toMatch(/engine_requests_total\{method="StartWorkflowExecution",code="OK"\} [1-9]/);
      expect(text).toMatch(/engine_requests_total\{method="DescribeWorkflowExecution",code="NOT_FOUND"\} 1/);
      expect(text).toMatch(/engine_commit_duration_seconds_count [1-9]/);
      expect(text).toMatch(/engine_open_runs 1\n/);
      expect(text).toMatch(/engine_store_bytes [1-9]/);
    } finally {
      await h.close();
    }
  });

  it('measures task schedule-to-start latency (workflow and activity tasks) and poll wait', async () => {
    const h = await startHarness({ metricsPort: 0 });
    try {
      const read = async () => (await fetch(`http://127.0.0.1:${h.engine.metricsPort}/metrics`)).text();
      const taskQueue = uid('metrics-sts');
      // The workflow task waits on a queue nobody polls: its schedule-to-start is at least that wait.
      const handle = await h.client.workflow.start('activitySequence', { taskQueue, workflowId: uid('sts'), args: ['m'] });
      const waitedMs = 700;
      await new Promise((r) => setTimeout(r, waitedMs));
      const worker = await h.worker({ taskQueue });
      await worker.runUntil(handle.result());
      const text = await read();
      const wfCount = value(text, 'engine_task_schedule_to_start_seconds_count{task_type="workflow"}');
      const wfSum = value(text, 'engine_task_schedule_to_start_seconds_sum{task_type="workflow"}');
      // One workflow task per activity result plus the first: at least four, the first one waited.
      expect(wfCount).toBeGreaterThanOrEqual(4);
      expect(wfSum).toBeGreaterThanOrEqual(waitedMs / 1000);
      expect(value(text, 'engine_task_schedule_to_start_seconds_bucket{task_type="workflow",le="+Inf"}')).toBe(wfCount);
      // The first task is not in the buckets below its wait.
      expect(value(text, 'engine_task_schedule_to_start_seconds_bucket{task_type="workflow",le="0.5"}')).toBeLessThan(wfCount!);
      expect(value(text, 'engine_task_schedule_to_start_seconds_count{task_type="activity"}')).toBe(3);
      // Every task handed out ended a poll that got it, or went in the answer to the worker's completion (tests/engine/handover.test.ts).
      const handed = (taskType: string) => value(text, `engine_tasks_handed_over_total{task_type="${taskType}"}`)!;
      expect(value(text, 'engine_poll_wait_seconds_count{task_type="workflow",result="task"}')! + handed('workflow')).toBe(wfCount);
      expect((value(text, 'engine_poll_wait_seconds_count{task_type="activity",result="task"}') ?? 0) + handed('activity')).toBe(3);
    } finally {
      await h.close();
    }
  });
});
