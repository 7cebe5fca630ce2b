// `npm run bench:engine`: throughput, message latency and memory of the
// engine, run as its own process (durable log in a temporary directory) and
// driven by the real worker and client from this process.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { Connection, InternalConnectionOptionsSymbol } from '@temporalio/client/lib/connection';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { createEngineTestActivities } from '../../tests/engine/activities';
import { freePort, spawnEngine } from '../../tests/engine/cli-process';

const WORKFLOWS = new URL('../../tests/engine/workflows/index.ts', import.meta.url).pathname;
const OPEN_WORKFLOWS = Number(process.env.BENCH_OPEN_WORKFLOWS ?? 10_000);
const silent = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} } as any;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'engine-bench-'));
  const server = await spawnEngine(['--port', String(await freePort()), '--data-dir', dataDir, '--log-level', 'warn']);
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS, logger: silent });
  const nativeConnection = await NativeConnection.connect({ address: server.address });
  // The test service drives time skipping for the year-long sleep below.
  const connection = await Connection.connect({ address: server.address, [InternalConnectionOptionsSymbol]: { supportsTestService: true } } as any);
  const client = new Client({ connection });
  const taskQueue = 'bench';
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue,
    workflowBundle,
    activities: createEngineTestActivities(),
    maxCachedWorkflows: 2000,
    maxConcurrentWorkflowTaskExecutions: 100,
    maxConcurrentActivityTaskExecutions: 200,
  });
  let seq = 0;
  const results: string[] = [];
  const log = (line: string) => {
    results.push(line);
    console.log(line);
  };
  try {
    await worker.runUntil(async () => {
      log(`engine: separate process, durable log (fsync per group commit); worker + client in the bench process; ${os.cpus().length} cores`);
      for (const [concurrency, total] of [
        [1, 30],
        [10, 200],
        [100, 600],
      ] as const) {
        const started = Date.now();
        let next = 0;
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (next < total) {
              next++;
              const handle = await client.workflow.start('threeActivitiesTwoSignals', { taskQueue, workflowId: `bench-${seq++}` });
              await handle.signal('add', 1);
              await handle.signal('add', 1);
              await handle.result();
            }
          }),
        );
        const seconds = (Date.now() - started) / 1000;
        log(`throughput (3 activities + 2 signals) concurrency ${concurrency}: ${(total / seconds).toFixed(1)} workflows/s (${total} in ${seconds.toFixed(1)} s)`);
      }

      const counter = await client.workflow.start('counter', { taskQueue, workflowId: `bench-latency-${seq++}` });
      const signalLatency: number[] = [];
      const updateLatency: number[] = [];
      let expected = 0;
      for (let i = 0; i < 200; i++) {
        const t0 = performance.now();
        await counter.signal('add', 1);
        expected++;
        const total = await counter.query('total');
        signalLatency.push(performance.now() - t0);
        if (total !== expected) throw new Error(`query saw ${total}, expected ${expected}`);
        const t1 = performance.now();
        await counter.executeUpdate('setLimit', { args: [i + 1] });
        await counter.query('total');
        updateLatency.push(performance.now() - t1);
      }
      signalLatency.sort((a, b) => a - b);
      updateLatency.sort((a, b) => a - b);
      log(`signal→query latency: p50 ${percentile(signalLatency, 50).toFixed(1)} ms, p99 ${percentile(signalLatency, 99).toFixed(1)} ms`);
      log(`update→query latency: p50 ${percentile(updateLatency, 50).toFixed(1)} ms, p99 ${percentile(updateLatency, 99).toFixed(1)} ms`);
      await counter.terminate();

      const yearLong: number[] = [];
      await connection.testService!.unlockTimeSkipping({});
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await client.workflow.execute('yearLong', { taskQueue, workflowId: `bench-year-${seq++}` });
        yearLong.push(performance.now() - t0);
      }
      await connection.testService!.lockTimeSkipping({});
      yearLong.sort((a, b) => a - b);
      log(`a workflow sleeping 365 days with time skipping: median ${percentile(yearLong, 50).toFixed(0)} ms wall time (5 runs, max ${yearLong.at(-1)!.toFixed(0)} ms)`);

      const baseline = rssMiB(server.child.pid!);
      let opened = 0;
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          while (opened < OPEN_WORKFLOWS) {
            opened++;
            await client.workflow.start('counter', { taskQueue, workflowId: `bench-open-${seq++}` });
          }
        }),
      );
      // Let the worker run every first workflow task, so all are open and waiting.
      for (let i = 0; i < 600; i++) {
        const backlog = await client.workflowService.describeWorkflowExecution({ namespace: 'default', execution: { workflowId: `bench-open-${seq - 1}` } });
        if (!backlog.pendingWorkflowTask) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      if (global.gc) global.gc();
      log(`resident memory of the engine process: ${baseline.toFixed(0)} MiB before, ${rssMiB(server.child.pid!).toFixed(0)} MiB with ${OPEN_WORKFLOWS} open waiting workflows`);
    });
  } finally {
    await connection.close();
    await nativeConnection.close();
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
