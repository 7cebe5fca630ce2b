// Issue 2, points 8 and 10: kill -9 of a separate engine process and a
// restart on the same data lose nothing; the standalone command logs JSON,
// refuses garbage with INVALID_ARGUMENT and shuts down cleanly.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createEngineTestActivities } from './activities';
import { freePort, spawnEngine } from './cli-process';
import { engineTestBundle, installQuietRuntime, uid } from './harness';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'engine-durability-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('durability (8)', () => {
  it('survives kill -9: running workflows continue, timers due while down fire, polls resume', async () => {
    installQuietRuntime();
    const port = await freePort();
    const args = ['--port', String(port), '--data-dir', dataDir, '--log-level', 'warn'];
    let server = await spawnEngine(args);
    const workflowBundle = await engineTestBundle();
    const nativeConnection = await NativeConnection.connect({ address: server.address });
    const taskQueue = uid('durable');
    const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle, activities: createEngineTestActivities() });
    const connection = await Connection.connect({ address: server.address });
    const client = new Client({ connection });
    try {
      await worker.runUntil(async () => {
        const counter = await client.workflow.start('counter', { taskQueue, workflowId: uid('counter') });
        await counter.signal('add', 2);
        expect(await counter.query('total')).toBe(2);
        const sleeper = await client.workflow.start('sleeper', { taskQueue, workflowId: uid('sleeper'), args: [1500] });
        await new Promise((r) => setTimeout(r, 300));

        server.child.kill('SIGKILL');
        await server.exited;
        // The sleeper's timer comes due while the engine is down.
        await new Promise((r) => setTimeout(r, 2000));
        server = await spawnEngine(args);

        expect(await sleeper.result()).toBeGreaterThanOrEqual(1500);
        await counter.signal('add', 3);
        expect(await counter.query('total')).toBe(5);
        await counter.signal('finish');
        expect(await counter.result()).toBe(5);
        expect(await client.workflow.execute('activitySequence', { taskQueue, workflowId: uid('after'), args: ['z'] })).toEqual(['z-0', 'z-1', 'z-2']);
      });
    } finally {
      await connection.close();
      await nativeConnection.close();
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});

describe('operability (10)', () => {
  it('starts standalone in memory, logs JSON, refuses garbage with INVALID_ARGUMENT, stops on SIGTERM', async () => {
    const server = await spawnEngine(['--port', '0', '--memory', '--log-level', 'info']);
    const raw = new grpc.Client(server.address, grpc.credentials.createInsecure());
    const code = await new Promise<number>((resolve) => {
      raw.makeUnaryRequest(
        '/temporal.api.workflowservice.v1.WorkflowService/StartWorkflowExecution',
        (b: Buffer) => b,
        (b: Buffer) => b,
        Buffer.from([0xff, 0xff, 0xff, 0xff]),
        (error) => resolve(error?.code ?? 0),
      );
    });
    expect(code).toBe(grpc.status.INVALID_ARGUMENT);
    const unimplemented = await new Promise<number>((resolve) => {
      raw.makeUnaryRequest(
        '/temporal.api.workflowservice.v1.WorkflowService/PollNexusTaskQueue',
        (b: Buffer) => b,
        (b: Buffer) => b,
        Buffer.alloc(0),
        (error) => resolve(error?.code ?? 0),
      );
    });
    expect(unimplemented).toBe(grpc.status.UNIMPLEMENTED);
    raw.close();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const logLines = server.output().split('\n').filter((l) => l.startsWith('{'));
    expect(logLines.map((l) => JSON.parse(l).msg)).toEqual(expect.arrayContaining(['engine listening', 'shutting down', 'engine stopped']));
  });
});

describe('store at scale (10.1)', () => {
  it('keeps 2,000 closed and 200 open workflows across kill -9 and prints restart time and RSS', async () => {
    installQuietRuntime();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'engine-scale-'));
    const port = await freePort();
    const args = ['--port', String(port), '--data-dir', dir, '--log-level', 'warn'];
    let server = await spawnEngine(args);
    const workflowBundle = await engineTestBundle();
    const nativeConnection = await NativeConnection.connect({ address: server.address });
    const connection = await Connection.connect({ address: server.address });
    const client = new Client({ connection });
    const taskQueue = uid('scale');
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      workflowBundle,
      activities: createEngineTestActivities(),
      maxConcurrentWorkflowTaskExecutions: 100,
      maxCachedWorkflows: 500,
    });
    const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
    try {
      await worker.runUntil(async () => {
        let next = 0;
        await Promise.all(
          Array.from({ length: 50 }, async () => {
            while (next < 2000) {
              const i = next++;
              await client.workflow.execute('greet', { taskQueue, workflowId: `closed-${i}`, args: [String(i)] });
            }
          }),
        );
        next = 0;
        await Promise.all(
          Array.from({ length: 50 }, async () => {
            while (next < 200) {
              const i = next++;
              const handle = await client.workflow.start('counter', { taskQueue, workflowId: `open-${i}` });
              await handle.signal('add', i);
            }
          }),
        );
        expect(await client.workflow.getHandle('open-199').query('total')).toBe(199);
      });
      const before = rssMiB(server.child.pid!);
      server.child.kill('SIGKILL');
      await server.exited;

      const t0 = performance.now();
      server = await spawnEngine(args);
      const restartMs = performance.now() - t0;
      const after = rssMiB(server.child.pid!);
      console.log(`restart with 2,000 closed + 200 open runs: ${restartMs.toFixed(0)} ms to ENGINE_READY (process start included); RSS ${before.toFixed(0)} MiB before kill, ${after.toFixed(0)} MiB after restart`);

      const count = await client.workflow.count(`TaskQueue = '${taskQueue}' GROUP BY ExecutionStatus`);
      expect(count.count).toBe(2200);
      expect(Object.fromEntries(count.groups.map((g) => [String(g.groupValues[0]), g.count]))).toEqual({ Completed: 2000, Running: 200 });
      expect(await client.workflow.getHandle('closed-1234').result()).toBe('hello, 1234');
      const worker2 = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle, activities: createEngineTestActivities() });
      await worker2.runUntil(async () => {
        const open = client.workflow.getHandle('open-150');
        expect(await open.query('total')).toBe(150);
        await open.signal('finish');
        expect(await open.result()).toBe(150);
      });
    } finally {
      await connection.close();
      await nativeConnection.close();
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
