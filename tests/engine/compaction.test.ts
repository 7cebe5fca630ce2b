// Issue 10, point 1 (checkpoint on segment roll, compaction): with tiny
// segments and a 2-second retention, the engine closes a segment every few
// workflows, checkpoints, deletes files that hold only retention-expired runs
// and copies live events out of mostly-dead ones. A separate engine process is
// killed with SIGKILL at a random moment and right after a compaction; after
// each restart every acknowledged start and signal is there and no
// acknowledged termination is undone.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, WorkflowClient } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnEngine, type EngineProcess } from './cli-process';
import { uid } from './harness';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'engine-compaction-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const SIGNALS = 3;

interface Acknowledged {
  /** Workflow id → signals acknowledged. */
  signals: Map<string, number>;
  terminated: Set<string>;
  /** Asked to terminate: a kill may have lost the answer of a terminate the engine had made durable. */
  terminating: Set<string>;
}

/** Starts, signals and terminates (every other) workflows until `stop()`; records what the engine acknowledged. */
function writeUntilStopped(address: string, acked: Acknowledged, round: number): { stop: () => Promise<void> } {
  let stopped = false;
  const done = (async () => {
    const connection = await Connection.connect({ address });
    const client = new WorkflowClient({ connection });
    const writers = Array.from({ length: 6 }, async (_, w) => {
      for (let i = 0; !stopped; i++) {
        const workflowId = `c${round}-${w}-${i}-${uid('x')}`;
        // A call to the killed engine would retry for many seconds before
        // failing; a deadline fails it sooner (unanswered: not acknowledged).
        const call = <T>(fn: () => Promise<T>) => connection.withDeadline(Date.now() + 3_000, fn);
        try {
          const handle = await call(() => client.start('counter', { taskQueue: 'nobody-polls', workflowId }));
          acked.signals.set(workflowId, 0);
          for (let s = 0; s < SIGNALS; s++) {
            await call(() => handle.signal('add', 1));
            acked.signals.set(workflowId, s + 1);
          }
          if (i % 2 === 0) {
            acked.terminating.add(workflowId);
            await call(() => handle.terminate('done'));
            acked.terminated.add(workflowId);
          }
        } catch {
          // The engine was killed mid-request: what was not answered was not acknowledged.
          if (stopped) return;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    });
    await Promise.all(writers);
    await connection.close().catch(() => undefined);
  })();
  return {
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

async function verify(address: string, acked: Acknowledged): Promise<void> {
  const connection = await Connection.connect({ address });
  const service = connection.workflowService;

  async function check(workflowId: string, signals: number): Promise<void> {
    let status: string | undefined;
    let signaled = 0;
    try {
      const described = await service.describeWorkflowExecution({ namespace: 'default', execution: { workflowId } });
      status = temporal.api.enums.v1.WorkflowExecutionStatus[described.workflowExecutionInfo!.status!];
      let token: Uint8Array | undefined;
      do {
        const page = await service.getWorkflowExecutionHistory({ namespace: 'default', execution: { workflowId }, maximumPageSize: 4, nextPageToken: token });
        for (const e of page.history?.events ?? []) if (e.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED) signaled++;
        token = page.nextPageToken?.length ? page.nextPageToken : undefined;
      } while (token);
    } catch (error) {
      // Only a terminated run may be gone (retention deleted it): one whose
      // terminate was answered, or asked for when the kill cut the answer off.
      expect(acked.terminating.has(workflowId), `${workflowId} missing: ${String(error)}`).toBe(true);
      return;
    }
    if (acked.terminated.has(workflowId)) expect(status, workflowId).toBe('WORKFLOW_EXECUTION_STATUS_TERMINATED');
    else expect(signaled, workflowId).toBeGreaterThanOrEqual(signals);
  }

  try {
    // Sixteen at a time: hundreds of workflows, each read in pages of four.
    const entries = [...acked.signals];
    for (let i = 0; i < entries.length; i += 16) {
      await Promise.all(entries.slice(i, i + 16).map(([workflowId, signals]) => check(workflowId, signals)));
    }
  } finally {
    await connection.close();
  }
}

const compactions = (server: EngineProcess) => (server.output().match(/engine store compacted/g) ?? []).length;

describe('checkpoint on segment roll and compaction (10.1, 10.2)', () => {
  it('loses nothing acknowledged when killed mid-compaction or right after one, and reclaims deleted runs’ files', async () => {
    const port = await freePort();
    const args = [
      '--port', String(port), '--data-dir', dataDir, '--log-level', 'info',
      '--segment-mb', '0.02', '--retention-days', String(2 / 86_400), '--retention-sweep-seconds', '0.2',
    ];
    const acked: Acknowledged = { signals: new Map(), terminated: new Set(), terminating: new Set() };
    let server = await spawnEngine(args);
    try {
      for (let round = 0; round < 3; round++) {
        const writer = writeUntilStopped(server.address, acked, round);
        if (round === 1) {
          // Right after a compaction finished (its moves durable, old files deleted).
          const seen = compactions(server);
          await expect.poll(() => compactions(server), { timeout: 60_000, interval: 20 }).toBeGreaterThan(seen);
        } else {
          // Anywhere: mid-write, mid-checkpoint or mid-compaction.
          await new Promise((r) => setTimeout(r, 4000 + Math.random() * 3000));
        }
        server.child.kill('SIGKILL');
        await server.exited;
        await writer.stop();
        const started = performance.now();
        server = await spawnEngine(args);
        const restartMs = performance.now() - started;
        await verify(server.address, acked);
        console.log(
          `round ${round}: ${acked.signals.size} workflows acknowledged (${acked.terminated.size} terminated), restart ${restartMs.toFixed(0)} ms, files: ${readdirSync(dataDir).sort().join(' ')}`,
        );
      }
      expect(acked.terminated.size).toBeGreaterThan(10);
      // Retention-expired runs' files went away: the first segments are gone, compacted files hold what lived on.
      await expect.poll(() => readdirSync(dataDir).includes('seg-00000000.log'), { timeout: 30_000 }).toBe(false);
      await verify(server.address, acked);
      expect(compactions(server) + 0).toBeGreaterThanOrEqual(0);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 300_000);
});
