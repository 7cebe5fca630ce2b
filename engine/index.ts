// Public surface of the embedded Temporal-compatible engine. See README.md.
import pino, { type Logger } from 'pino';
import { clockControlDefinition, clockControlHandlers } from './clock-control';
import { WorkflowEngine } from './engine';
import { ActivityTasks } from './activity-tasks';
import { Queries } from './queries';
import { Updates } from './updates';
import { WorkflowTasks } from './workflow-tasks';
import { bindServer, createGrpcServer, type GrpcServer } from './grpc-server';
import { operatorServiceDefinition, testServiceDefinition, workflowServiceDefinition } from './proto';
import { FileStore, MemoryStore } from './store';
import { testServiceHandlers } from './test-service';
import { searchAttributeHandlers, visibilityHandlers } from './visibility';
import { BATCH_KEY_PREFIX, operatorActionHandlers } from './operator-actions';
import { RetentionSweeper, namespaceHandlers } from './retention';
import { EngineMetrics } from './metrics';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { workflowServiceHandlers } from './workflow-service';
import { Scheduler } from './schedules/scheduler';
import { scheduleHandlers } from './schedules/service';
import type { SchedulerCore } from './schedules/core';
import { workflowKey } from './run-state';
import type { Failure, Payloads } from './wire';

export interface EngineOptions {
  /** TCP port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Directory of the durable log; undefined (default) keeps everything in memory. */
  dataDir?: string;
  /**
   * Start with time skipping unlocked (default false): whenever no workflow
   * or activity task is outstanding, the clock jumps to the next timer.
   * Locked or not, `advanceTime` moves time explicitly.
   */
  timeSkipping?: boolean;
  /** Retention of closed runs in namespaces without their own (UpdateNamespace); default 30 days. */
  retentionMs?: number;
  /**
   * How often (wall time) the retention sweep runs; default 60 s with a
   * `dataDir`, and no sweep in memory (tests that move the virtual clock by
   * years must not lose the closed runs they inspect).
   */
  retentionSweepIntervalMs?: number;
  /**
   * Budget of the in-memory cache of open runs' durable history events, in
   * bytes of their records; default 64 MiB. Beyond it the least recently used
   * runs' events are read from the store when a worker or a client needs them.
   * In memory (no `dataDir`) every event stays in memory.
   */
  eventCacheBytes?: number;
  /** Size past which a segment file is closed and a checkpoint written; default 64 MiB. */
  segmentBytes?: number;
  /** Port of the Prometheus endpoint (GET /metrics) on `host`; undefined (default): none; 0: a free port. */
  metricsPort?: number;
  /** pino logger; default: silent. */
  logger?: Logger;
}

export interface EmbeddedEngine {
  /** `host:port` for `NativeConnection.connect` / `Connection.connect`. */
  readonly address: string;
  readonly port: number;
  /** Port of the Prometheus endpoint, when `metricsPort` was given. */
  readonly metricsPort?: number;
  /** The engine's current (virtual) time, epoch milliseconds. */
  now(): number;
  /**
   * Moves the clock forward by `ms`. Deadlines that come due inside the
   * window (timers, timeouts, retry backoffs) fire in time order; before each
   * one, and once more at the end, it waits until workers have finished the
   * workflow and activity tasks already handed to them or waiting on a queue
   * a worker polls (tasks on queues nobody polls are not waited for; each wait
   * gives up after `settleTimeoutMs` of wall time, default 10 s). So when it resolves, the effects of
   * every timer in the window have been processed by running workers.
   */
  advanceTime(ms: number, settleTimeoutMs?: number): Promise<void>;
  /** Counted lock: while held, time never skips on its own. */
  lockTimeSkipping(): void;
  unlockTimeSkipping(): void;
  /** Stops the server (pending polls end empty) and flushes the log. */
  close(): Promise<void>;
}

export async function startEngine(options: EngineOptions = {}): Promise<EmbeddedEngine> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const metrics = new EngineMetrics();
  const store = options.dataDir ? new FileStore(options.dataDir, { segmentBytes: options.segmentBytes }) : new MemoryStore();
  if (store instanceof FileStore) store.onCommit = (ms) => metrics.commit(ms);
  const engine = new WorkflowEngine({ store, logger, timeSkipping: options.timeSkipping ?? false, retentionMs: options.retentionMs, eventCacheBytes: options.eventCacheBytes });
  // The layers above the core, each given the narrow interface it declares
  // (the engine and dispatch satisfy them); the core learns of them only
  // through the hooks, so imports point one way.
  const activityTasks = new ActivityTasks(engine, engine.dispatch);
  const updates = new Updates(engine);
  const queries = new Queries(engine, engine.dispatch);
  const workflowTasks = new WorkflowTasks(engine, activityTasks, updates, queries, engine.dispatch);
  engine.open({
    activityDeadline: (run, id) => activityTasks.onActivityDeadline(run, id),
    runClosing: (run) => {
      // Pending updates fail; queries waiting for a task are answered from the final state.
      updates.failPendingUpdates(run);
      queries.dispatchPendingQueries(run);
    },
  });
  const sweepEvery = options.retentionSweepIntervalMs ?? (options.dataDir ? 60_000 : 0);
  const sweeper = new RetentionSweeper(engine, sweepEvery);
  const keyed = splitKeyedRecords(engine.loadedSchedules);
  const schedulerCore = coreForSchedules(engine, keyed.schedules);
  const scheduler = engine.mutate(() => new Scheduler(schedulerCore));
  const server: GrpcServer = createGrpcServer(
    [
      {
        definition: workflowServiceDefinition,
        handlers: {
          ...workflowServiceHandlers(engine, { workflowTasks, activityTasks, updates, queries }),
          ...namespaceHandlers(engine),
          ...visibilityHandlers(engine),
          ...operatorActionHandlers(engine, activityTasks, keyed.batches),
          ...scheduleHandlers(scheduler, schedulerCore),
        },
      },
      { definition: operatorServiceDefinition, handlers: searchAttributeHandlers(engine) },
      { definition: testServiceDefinition, handlers: testServiceHandlers(engine) },
      { definition: clockControlDefinition, handlers: clockControlHandlers(engine) },
    ],
    logger,
    (method, code, ms) => metrics.request(method, code, ms),
  );
  workflowTasks.onHandover = (taskType) => {
    // Started the moment it was scheduled: it counts in schedule-to-start at 0, as every started task does.
    metrics.taskStarted(taskType, 0);
    metrics.handedOver(taskType);
  };
  engine.dispatch.workflowQueues.observer = {
    started: (_type, ref, ms) => metrics.taskStarted(ref.kind === 'query' ? 'query' : 'workflow', ms),
    pollEnded: (type, gotTask, ms) => metrics.pollEnded(type, gotTask, ms),
  };
  engine.dispatch.activityQueues.observer = {
    started: (_type, _ref, ms) => metrics.taskStarted('activity', ms),
    pollEnded: (type, gotTask, ms) => metrics.pollEnded(type, gotTask, ms),
  };
  metrics.attach({
    runs: () => engine.runs.size,
    openRuns: () => {
      let n = 0;
      for (const run of engine.runs.values()) if (run.running) n++;
      return n;
    },
    storeBytes: () => (options.dataDir ? directoryBytes(options.dataDir) : 0),
  });
  const host = options.host ?? '127.0.0.1';
  let port: number;
  try {
    port = await bindServer(server, host, options.port ?? 0);
  } catch (error) {
    await engine.close();
    throw error;
  }
  let metricsServer: { port: number; close: () => Promise<void> } | undefined;
  if (options.metricsPort !== undefined) {
    try {
      metricsServer = await metrics.serve(host, options.metricsPort);
    } catch (error) {
      server.forceShutdown();
      await engine.close();
      throw error;
    }
  }
  sweeper.start();
  logger.info({ address: `${host}:${port}`, dataDir: options.dataDir ?? null, timeSkipping: !!options.timeSkipping }, 'engine listening');
  let closing: Promise<void> | undefined;
  return {
    address: `${host}:${port}`,
    port,
    metricsPort: metricsServer?.port,
    now: () => engine.now(),
    advanceTime: (ms, settleTimeoutMs) => engine.advanceTime(ms, settleTimeoutMs),
    lockTimeSkipping: () => engine.lockTimeSkipping(),
    unlockTimeSkipping: () => engine.unlockTimeSkipping(),
    close: () =>
      (closing ??= (async () => {
        sweeper.stop();
        scheduler.stop();
        await metricsServer?.close();
        engine.stopServing();
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => {
            server.forceShutdown();
            resolve();
          }, 2000);
          server.tryShutdown(() => {
            clearTimeout(force);
            resolve();
          });
        });
        await engine.close();
        logger.info('engine stopped');
      })()),
  };
}

/** The narrow view of the core that schedules get (schedules/core.ts). */
function coreForSchedules(engine: WorkflowEngine, loaded: Record<string, unknown>): SchedulerCore {
  const current = (namespace: string, workflowId: string) => engine.currentRuns.get(workflowKey(namespace, workflowId));
  return {
    logger: engine.logger,
    now: () => engine.now(),
    addDeadline: (at, fire) => engine.addDeadline(at, fire),
    step: (fn) => engine.mutate(fn),
    commit: () => engine.commit(),
    checkNamespace: (namespace) => engine.checkNamespace(namespace),
    startWorkflow: (request) => {
      const { run, started } = engine.startWorkflow(request);
      return { runId: run.s.runId, started };
    },
    isRunning: (namespace, workflowId) => !!current(namespace, workflowId)?.running,
    requestCancel: (namespace, workflowId, reason) => {
      const run = current(namespace, workflowId);
      if (run?.running) engine.requestCancel(run, { reason, identity: 'temporal-scheduler' });
    },
    terminate: (namespace, workflowId, reason) => {
      const run = current(namespace, workflowId);
      if (run?.running) engine.terminate(run, reason, 'temporal-scheduler');
    },
    onRunClosed: (listener) =>
      engine.onRunClosed((namespace, workflowId, runId, status, closeEvent) =>
        listener(namespace, workflowId, runId, status, {
          result: (closeEvent.workflowExecutionCompletedEventAttributes as { result?: Payloads } | undefined)?.result ?? undefined,
          failure: (closeEvent.workflowExecutionFailedEventAttributes as { failure?: Failure } | undefined)?.failure ?? undefined,
        }),
      ),
    persist: (key, state) => engine.appendRecord({ t: 'sched', k: key, s: state }),
    loaded: () => loaded,
    validateSearchAttributes: (namespace, searchAttributes) => engine.searchAttributes.validate(namespace, searchAttributes),
    searchAttributeType: (namespace, name) => engine.searchAttributes.typeOf(namespace, name),
  };
}

/** The store's keyed records hold schedules and (under their own prefix) batch operations. */
function splitKeyedRecords(all: Record<string, unknown>): { schedules: Record<string, unknown>; batches: Record<string, unknown> } {
  const schedules: Record<string, unknown> = {};
  const batches: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all)) (key.startsWith(BATCH_KEY_PREFIX) ? batches : schedules)[key] = value;
  return { schedules, batches };
}

function directoryBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) total += statSync(path.join(dir, name)).size;
  return total;
}

export { CLOCK_CONTROL_SERVICE, clockControlDefinition, type AdvanceRequest, type ClockState } from './clock-control';
