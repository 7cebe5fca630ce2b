// Shared set-up for the engine conformance suite: one in-process engine and
// one workflow bundle per test file, a fresh worker per test.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode, type WorkerOptions } from '@temporalio/worker';
import { startEngine, type EmbeddedEngine, type EngineOptions } from '../../engine';
import { createEngineTestActivities } from './activities';

const WORKFLOWS_PATH = new URL('./workflows/index.ts', import.meta.url).pathname;

let runtimeInstalled = false;
export function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // Already installed by an earlier file in this process.
  }
}

const silent = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} } as any;

/**
 * The bundle of ./workflows: the one the test setup built for this run
 * (ENGINE_TEST_WORKFLOW_BUNDLE, tests/setup/global-setup.ts), else built here.
 */
export async function engineTestBundle(): Promise<{ code: string } | { codePath: string }> {
  const given = process.env.ENGINE_TEST_WORKFLOW_BUNDLE;
  if (given) return { codePath: given };
  return { code: (await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: silent })).code };
}

export interface EngineHarness {
  engine: EmbeddedEngine;
  client: Client;
  connection: Connection;
  nativeConnection: NativeConnection;
  /** A worker on its own task queue (unless given), with the test activities. */
  worker(options?: Partial<WorkerOptions>): Promise<Worker>;
  close(): Promise<void>;
}

export async function startHarness(options: EngineOptions = {}): Promise<EngineHarness> {
  installQuietRuntime();
  const engine = await startEngine(options);
  const workflowBundle = await engineTestBundle();
  const nativeConnection = await NativeConnection.connect({ address: engine.address });
  const connection = await Connection.connect({ address: engine.address });
  const client = new Client({ connection });
  return {
    engine,
    client,
    connection,
    nativeConnection,
    worker: (overrides = {}) =>
      Worker.create({
        connection: nativeConnection,
        taskQueue: overrides.taskQueue ?? uid('tq'),
        workflowBundle,
        activities: createEngineTestActivities(),
        ...overrides,
      }),
    async close() {
      await connection.close();
      await nativeConnection.close();
      await engine.close();
    },
  };
}

/** A series' value in the engine's Prometheus text (`name{labels}`), or undefined when it is not there. */
export function metricValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

export function uid(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export const SECOND = 1000;
export const DAY = 24 * 3600 * SECOND;
