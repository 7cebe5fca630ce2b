// `npx tsx engine/bench/local-activities.ts`: what one local activity costs
// the SDK's side. A workflow answers each update after n local activities
// that do nothing; the bench sends BENCH_LA_UPDATES updates for each n in
// BENCH_LA_COUNTS, twice over, and prints each round's p50 answer time and
// the CPU this process (the SDK worker and client, every thread) spent per
// update. The engine is a separate process: its CPU is not in the figure.
// The difference between two n is what a local activity adds: the activity
// is empty, so it is the SDK's activation that resolves it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { createEngineTestActivities } from '../../tests/engine/activities';
import { freePort, spawnBenchEngine } from '../../tests/engine/cli-process';
import { finishSignal, runLocalActivitiesUpdate } from '../../tests/engine/workflows';

const WORKFLOWS = new URL('../../tests/engine/workflows/index.ts', import.meta.url).pathname;
const COUNTS = (process.env.BENCH_LA_COUNTS ?? '0,1,2,3,4').split(',').map(Number);
const UPDATES = Number(process.env.BENCH_LA_UPDATES ?? 30);
const ROUNDS = 2;
const silent = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'engine-la-bench-'));
  const server = await spawnBenchEngine(['--port', String(await freePort()), '--data-dir', dataDir, '--log-level', 'warn']);
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address: server.address }),
    taskQueue: 'bench-la',
    workflowBundle: await bundleWorkflowCode({ workflowsPath: WORKFLOWS, logger: silent }),
    activities: createEngineTestActivities(),
  });
  const client = new Client({ connection: await Connection.connect({ address: server.address }) });
  try {
    await worker.runUntil(async () => {
      const handle = await client.workflow.start('localActivityRunner', { taskQueue: 'bench-la', workflowId: `bench-la-${Date.now()}` });
      // Warm-up: the workflow thread's first activations compile the bundle's code.
      for (let i = 0; i < 20; i++) await handle.executeUpdate(runLocalActivitiesUpdate, { args: [1] });
      const rows: string[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const cells: string[] = [];
        for (const n of COUNTS) {
          const times: number[] = [];
          const before = process.cpuUsage();
          for (let i = 0; i < UPDATES; i++) {
            const start = performance.now();
            await handle.executeUpdate(runLocalActivitiesUpdate, { args: [n] });
            times.push(performance.now() - start);
          }
          const cpu = process.cpuUsage(before);
          cells.push(`n=${n}: p50 ${median(times).toFixed(1)} ms, CPU ${((cpu.user + cpu.system) / 1000 / UPDATES).toFixed(1)} ms`);
        }
        rows.push(`round ${round} (${UPDATES} updates each): ${cells.join('; ')}`);
      }
      await handle.signal(finishSignal);
      await handle.result();
      for (const row of rows) console.log(row);
    });
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
