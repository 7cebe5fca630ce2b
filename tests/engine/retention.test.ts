// Issue 10, point 2: namespace retention. Closed runs older than the
// retention (on the virtual clock) are deleted by the background sweep, open
// ones stay, and the deletion and the retention survive a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DAY, startHarness, uid, type EngineHarness } from './harness';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'engine-retention-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function gone(h: EngineHarness, workflowId: string): Promise<boolean> {
  return h.client.workflow
    .getHandle(workflowId)
    .describe()
    .then(
      () => false,
      (e: unknown) => e instanceof WorkflowNotFoundError,
    );
}

describe('retention (10.2)', () => {
  it('deletes closed runs after the namespace retention, keeps open ones, and remembers both across a restart', async () => {
    const options = { dataDir, retentionSweepIntervalMs: 50 };
    let h = await startHarness(options);
    const taskQueue = uid('ret');
    const closed = uid('closed');
    const open = uid('open');
    try {
      const described = await h.client.workflowService.describeNamespace({ namespace: 'default' });
      expect(Number(described.config!.workflowExecutionRetentionTtl!.seconds)).toBe(30 * 24 * 3600);
      await h.client.workflowService.updateNamespace({ namespace: 'default', config: { workflowExecutionRetentionTtl: { seconds: (24 * 3600) as never } } });
      const worker = await h.worker({ taskQueue });
      await worker.runUntil(async () => {
        await h.client.workflow.execute('greet', { taskQueue, workflowId: closed, args: ['x'] });
        await h.client.workflow.start('waitForever', { taskQueue, workflowId: open });
        await h.engine.advanceTime(DAY / 2);
      });
      // Within the retention: still there.
      expect(await gone(h, closed)).toBe(false);
      await h.engine.advanceTime(DAY);
      // The sweep runs in the background; wait for it (bounded by the test timeout).
      while (!(await gone(h, closed))) await new Promise((r) => setTimeout(r, 50));
      expect(await gone(h, open)).toBe(false);
      expect((await h.client.workflow.count(`WorkflowId = '${closed}'`)).count).toBe(0);
    } finally {
      await h.close();
    }
    h = await startHarness(options);
    try {
      expect(await gone(h, closed)).toBe(true);
      expect(await gone(h, open)).toBe(false);
      const described = await h.client.workflowService.describeNamespace({ namespace: 'default' });
      expect(Number(described.config!.workflowExecutionRetentionTtl!.seconds)).toBe(24 * 3600);
      await h.client.workflow.getHandle(open).terminate();
    } finally {
      await h.close();
    }
  });
});
