// `npm run bench:engine`: throughput, message latency and memory of the
// engine, run as its own process (durable log in a temporary directory) and
// driven by the real worker and client from this process.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { Connection, InternalConnectionOptionsSymbol } from '@temporalio/client/lib/connection';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { createEngineTestActivities } from '../../tests/engine/activities';
import { BENCH_ENGINE_COMPILED, freePort, spawnBenchEngine } from '../../tests/engine/cli-process';
import { metricValue } from '../../tests/engine/harness';
import { serializeRecord } from '../store';
import { projectShapedBytes, restartBench } from './restart';

const WORKFLOWS = new URL('../../tests/engine/workflows/index.ts', import.meta.url).pathname;
const OPEN_WORKFLOWS = Number(process.env.BENCH_OPEN_WORKFLOWS ?? 10_000);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 1000);
// BENCH_ENGINE_ROOT: run the engine of another checkout (same bench, before/after comparisons).
const ENGINE_ROOT = process.env.BENCH_ENGINE_ROOT;
const silent = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Bytes under a directory (the engine's data directory: whatever its store format). */
function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? directoryBytes(full) : statSync(full).size;
  }
  return total;
}

/** User and system CPU time of a process (all its threads), ms (from /proc, clock ticks of 10 ms). */
function cpuTimes(pid: number): { user: number; system: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
}

function cpuMs(pid: number): number {
  const { user, system } = cpuTimes(pid);
  return user + system;
}

/** Group commits and gRPC requests so far, from the engine's Prometheus endpoint. */
async function engineCounts(metricsPort: number): Promise<{ commits: number; requests: number }> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  // Requests are one series per method and code: summed.
  let requests = 0;
  for (const line of text.split('\n')) if (line.startsWith('engine_requests_total{')) requests += Number(line.split(' ').at(-1));
  return { commits: metricValue(text, 'engine_commit_duration_seconds_count') ?? 0, requests };
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'engine-bench-'));
  const metricsPort = await freePort();
  const server = await spawnBenchEngine(
    ['--port', String(await freePort()), '--data-dir', dataDir, '--log-level', 'warn', '--metrics-port', String(metricsPort)],
    ENGINE_ROOT,
  );
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS, logger: silent });
  // Uncompressed, as the platform's worker connects (worker/platform-worker.ts, connectWorker); BENCH_GRPC_GZIP=1: the
  // SDK's default, every request gzipped.
  const nativeConnection = await NativeConnection.connect({ address: server.address, grpcCompression: { codec: process.env.BENCH_GRPC_GZIP ? 'gzip' : 'none' } });
  // The test service drives time skipping for the year-long sleep below.
  const connection = await Connection.connect({ address: server.address, [InternalConnectionOptionsSymbol]: { supportsTestService: true } } as Parameters<typeof Connection.connect>[0]);
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
      log(
        `engine: separate process, ${BENCH_ENGINE_COMPILED ? 'compiled as npm start runs it' : 'sources under tsx (BENCH_ENGINE_SOURCE)'}, durable log (fdatasync per group commit); worker + client in the bench process; ${os.cpus().length} cores`,
      );
      // BENCH_THROUGHPUT_ROUNDS (default 1): the same three loads again on the same engine process. The first
      // round includes the engine's JIT warm-up; later rounds show the steady state a long-running server lives in.
      const rounds = Number(process.env.BENCH_THROUGHPUT_ROUNDS ?? 1);
      for (let round = 1; round <= rounds; round++) {
        if (rounds > 1) log(`round ${round} of ${rounds}${round === 1 ? ' (includes the engine process\'s warm-up)' : ''}`);
        const cpuBefore = cpuMs(server.child.pid!);
        const systemBefore = cpuTimes(server.child.pid!).system;
        // The other side of each history: the SDK worker and the client, all threads of this process.
        const sdkBefore = cpuMs(process.pid);
        const countsBefore = await engineCounts(metricsPort);
        // Per load: the engine's CPU, its commits and the workflows' seq range, to split the figure by concurrency.
        const levels: Array<{ concurrency: number; engineMs: number; commits: number; from: number; to: number }> = [];
        for (const [concurrency, total] of [
          [1, 30],
          [10, 200],
          [100, 600],
        ] as const) {
          // Read before the clocks start: a scrape of the metrics costs the engine CPU too.
          const levelCounts = await engineCounts(metricsPort);
          const levelFrom = seq;
          const started = Date.now();
          const engineAt = cpuMs(server.child.pid!);
          const sdkAt = cpuMs(process.pid);
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
          levels.push({ concurrency, engineMs: cpuMs(server.child.pid!) - engineAt, commits: (await engineCounts(metricsPort)).commits - levelCounts.commits, from: levelFrom, to: seq });
          // Which side sets the pace: each process's CPU as a share of one core over the run.
          const share = (ms: number) => `${((ms / 1000 / seconds) * 100).toFixed(0)}%`;
          log(
            `throughput (3 activities + 2 signals) concurrency ${concurrency}: ${(total / seconds).toFixed(1)} workflows/s (${total} in ${seconds.toFixed(1)} s); ` +
              `CPU, share of one core: engine ${share(cpuMs(server.child.pid!) - engineAt)}, SDK worker + client ${share(cpuMs(process.pid) - sdkAt)}`,
          );
        }
        const sdkSpent = cpuMs(process.pid) - sdkBefore;

        const cpuSpent = cpuMs(server.child.pid!) - cpuBefore;
        const systemSpent = cpuTimes(server.child.pid!).system - systemBefore;
        const countsAfter = await engineCounts(metricsPort);
        let events = 0;
        const byLevel: string[] = [];
        for (const level of levels) {
          let levelEvents = 0;
          for (let i = level.from; i < level.to; i++) {
            const d = await client.workflowService.describeWorkflowExecution({ namespace: 'default', execution: { workflowId: `bench-${i}` } });
            levelEvents += Number(d.workflowExecutionInfo!.historyLength);
          }
          events += levelEvents;
          byLevel.push(`${level.concurrency}: ${(level.engineMs / levelEvents).toFixed(3)} ms, ${(level.commits / levelEvents).toFixed(2)} commits`);
        }
        log(`engine CPU per history event (throughput runs): ${(cpuSpent / events).toFixed(3)} ms (${cpuSpent} ms CPU, of which ${systemSpent} ms system, for ${events} events)`);
        // At low concurrency each commit covers few requests and the engine wakes for each: the figure is a mix.
        log(`  by concurrency: ${byLevel.join('; ')} per event`);
        log(`SDK worker + client CPU per history event (the same runs, this process): ${(sdkSpent / events).toFixed(3)} ms (${sdkSpent} ms CPU); engine ÷ SDK ${(cpuSpent / sdkSpent).toFixed(2)}`);
        // What each event costs the engine in round trips and durable writes (the describes below not counted).
        const commits = countsAfter.commits - countsBefore.commits;
        const requests = countsAfter.requests - countsBefore.requests;
        log(`per history event: ${(requests / events).toFixed(2)} gRPC requests, ${(commits / events).toFixed(2)} group commits (${requests} and ${commits})`);
      }
      // BENCH_ONLY=throughput: stop here (before/after pairs of the CPU figure on a shared machine, profiles).
      if (process.env.BENCH_ONLY === 'throughput') return;

      // Bytes a single update adds to the data directory, early and late in one run's life.
      const updated = await client.workflow.start('counter', { taskQueue, workflowId: `bench-updates-${seq++}` });
      const perUpdate = new Map<number, number>();
      for (let i = 1; i <= UPDATES; i++) {
        const before = directoryBytes(dataDir);
        await updated.executeUpdate('setLimit', { args: [i] });
        if (i === 10 || i === UPDATES) perUpdate.set(i, directoryBytes(dataDir) - before);
      }
      log(`bytes written per update: ${perUpdate.get(10)} at the 10th, ${perUpdate.get(UPDATES)} at the ${UPDATES}th`);
      await updated.terminate();

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

      const project = projectShapedBytes(dataDir, 'bench-0', serializeRecord);
      log(`store bytes per closed project-shaped workflow: ${project.bytes} (${project.events} events of a recorded project history in ${project.records} records, with its checkpoint line)`);
      if (process.env.BENCH_RESTART !== '0') await restartBench(dataDir, 'bench-0', `bench-open-${seq - 1}`, log, ENGINE_ROOT);
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
