// Issue 10, point 9 (engine side): the Prometheus endpoint counts requests by
// method and code, times group commits and reports open runs and store size.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHarness, uid } from './harness';

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
});
