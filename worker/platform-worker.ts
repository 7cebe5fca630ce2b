// The Temporal worker of the platform: every workflow of workflows/index.ts
// and every activity of createActivities, on one task queue.
import { NativeConnection, Worker, type ActivityInterceptorsFactory, type WorkflowBundleOption } from '@temporalio/worker';
import { createDataConverter, type PayloadKeyring } from '../temporal';
import { TASK_QUEUE } from '../workflows/task-queue';
import { workflowTimeOf } from '../workflows/time-header';
import { getWorkflowBundle } from './bundle';

/**
 * The worker's connection to Temporal (the embedded engine or a cluster),
 * without gRPC compression. The SDK's core gzips every request by default,
 * and the server inflates each; but what the platform sends is mostly its
 * payloads, which the payload codec has encrypted and nothing can compress,
 * and a few hundred bytes of protobuf besides. In `npm run bench:engine`
 * both sides spent less CPU per history event without it (engine/README.md,
 * "Requests uncompressed").
 */
export function connectWorker(address: string): Promise<NativeConnection> {
  return NativeConnection.connect({ address, grpcCompression: { codec: 'none' } });
}

export interface PlatformWorkerOptions {
  connection: NativeConnection;
  /** Default "default". */
  namespace?: string;
  /** Default TASK_QUEUE ("governance"); tests use a unique queue per file. */
  taskQueue?: string;
  /**
   * Keys of the payload codec (payloadKeyringFromConfig(config.temporal));
   * the same as every client's, or neither side can read the other's payloads.
   */
  payloadKeys: PayloadKeyring;
  /** The object returned by createActivities (or a superset). */
  activities: object;
  /** A prebuilt bundle; default: the process-wide bundle of workflows/index.ts. */
  workflowBundle?: WorkflowBundleOption;
  identity?: string;
  /**
   * Awaited before every activity runs, with the time of the workflow that
   * scheduled it (null when unknown): CLOCK=virtual catches up with the
   * engine's clock here, so an activity started by a timer that an advance
   * fired sees the advanced time.
   */
  beforeActivity?: (workflowTimeMs: number | null) => Promise<unknown>;
  /** How long activities in progress may take to finish on shutdown. Default "10s". */
  shutdownGraceTime?: string;
  /**
   * Threads the SDK runs workflow code on (its `workflowThreadPoolSize`;
   * WORKFLOW_THREADS). Default: the SDK's, 1. Each thread has its own
   * sandbox and its share of the cached workflows; the process's main thread
   * (activities, the core bridge) stays one.
   */
  workflowThreads?: number;
  /** More activity interceptors, outermost first (the worker's metrics). */
  activityInterceptors?: ActivityInterceptorsFactory[];
}

export interface PlatformWorker {
  readonly worker: Worker;
  readonly taskQueue: string;
  /** Starts polling; resolves when the worker has shut down. Idempotent. */
  run(): Promise<void>;
  /** Runs the worker for as long as `fn` takes (tests). */
  runUntil<R>(fn: Promise<R> | (() => Promise<R>)): Promise<R>;
  /** Stops polling, lets activities in progress finish, and waits for the worker to stop. */
  shutdown(): Promise<void>;
}

export async function createPlatformWorker(options: PlatformWorkerOptions): Promise<PlatformWorker> {
  const taskQueue = options.taskQueue ?? TASK_QUEUE;
  const worker = await Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue,
    workflowBundle: options.workflowBundle ?? (await getWorkflowBundle()),
    activities: options.activities,
    dataConverter: createDataConverter(options.payloadKeys),
    // The native bridge rejects an explicit undefined here.
    ...(options.identity ? { identity: options.identity } : {}),
    shutdownGraceTime: options.shutdownGraceTime ?? '10s',
    ...(options.workflowThreads ? { workflowThreadPoolSize: options.workflowThreads } : {}),
    interceptors: {
      activity: [...(options.activityInterceptors ?? []), ...(options.beforeActivity ? [beforeEachActivity(options.beforeActivity)] : [])],
    },
  });

  let running: Promise<void> | undefined;
  return {
    worker,
    taskQueue,
    run() {
      running ??= worker.run();
      return running;
    },
    async runUntil(fn) {
      if (running) throw new Error('worker is already running; call the workflow directly');
      return worker.runUntil(fn);
    },
    async shutdown() {
      if (!running) return;
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}

function beforeEachActivity(before: (workflowTimeMs: number | null) => Promise<unknown>): ActivityInterceptorsFactory {
  return () => ({
    inbound: {
      async execute(input, next) {
        await before(workflowTimeOf(input.headers));
        return next(input);
      },
    },
  });
}
