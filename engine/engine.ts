// The workflow engine's core: the registry of runs, the transaction
// discipline (mutate synchronously, persist, then answer), deadlines and time
// skipping, and the workflow-level lifecycle (start, signal, cancel,
// terminate, close, continue-as-new, children). Below it: the store, the
// clock and dispatch (dispatch.ts: task queues, sticky routing). Above it,
// each given only the interface it needs: workflow tasks, activity tasks,
// updates and queries (workflow-tasks.ts, activity-tasks.ts, updates.ts,
// queries.ts), wired together in index.ts.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DeadlineScheduler, VirtualClock, durationToMs, msToDuration, msToTimestamp } from './clock';
import {
  failedPrecondition,
  invalidArgument,
  namespaceNotFound,
  notFound,
  workflowAlreadyStarted,
} from './errors';
import { Dispatch } from './dispatch';
import { Run, computeActivityDeadlines, type DeadlinePayload, runKey, workflowKey, type HistoryEvent, type RunState, type RunStatus, type UpdateState } from './run-state';
import { COMPLETED_UPDATES_KEPT, relocate, type EngineStore, type LogRecord, type RunLocations, type StoredRun } from './store';
import { resolveRetryPolicy, decideRetry } from './retry';
import { SearchAttributeRegistry } from './search-attributes';
import { EventCache } from './event-cache';
import type { Failure, Header, Payloads, StartWorkflowRequest, StickyExecutionAttributes, UpdateOutcome, Wire } from './wire';
import type { temporal } from '@temporalio/proto';


/** Told, inside the closing step, that a run reached a terminal state. */
export type RunClosedListener = (
  namespace: string,
  workflowId: string,
  runId: string,
  status: Exclude<RunStatus, 'RUNNING'>,
  closeEvent: HistoryEvent,
) => void;

/** Retention of closed runs in namespaces that have none set. */
export const DEFAULT_RETENTION_MS = 30 * 24 * 3600 * 1000;

/**
 * What the layers above the core (workflow tasks, activity tasks) do when the
 * core's own lifecycle reaches their work. Passed in, so the core never
 * imports them: dependencies point one way, from those layers down to here.
 */
export interface CoreHooks {
  /** An activity's deadline (`act:` key without the prefix) came due. */
  activityDeadline(run: Run, id: string): void;
  /** A run is closing: fail its pending updates, answer its waiting queries. */
  runClosing(run: Run): void;
}

export interface WorkflowEngineOptions {
  store: EngineStore;
  logger: Logger;
  /** Whether time skipping starts unlocked. */
  timeSkipping: boolean;
  namespaces?: string[];
  /** Retention of namespaces that have none set; default 30 days. */
  retentionMs?: number;
  /** Budget of the cache of durable events of open runs (bytes of their records); default 64 MiB. */
  eventCacheBytes?: number;
}

/** Default budget of the event cache: open runs' durable events beyond it are read from the store. */
export const DEFAULT_EVENT_CACHE_BYTES = 64 << 20;

const DEFAULT_TASK_TIMEOUT_MS = 10_000;
const MAX_TASK_TIMEOUT_MS = 120_000;
const DEFAULT_STICKY_TIMEOUT_MS = 5_000;
const REMEMBERED_REQUEST_IDS = 50;

/** A start as the core takes it: StartWorkflowExecution's fields, plus the attempt of a retried run. */
export type StartRequest = StartWorkflowRequest & { attempt?: number };

/** The attributes of a run's WorkflowExecutionStarted event. */
export type StartedAttributes = Wire<temporal.api.history.v1.IWorkflowExecutionStartedEventAttributes>;

/** A signal as the core records it. */
export interface SignalInput {
  signalName?: string;
  input?: Payloads;
  identity?: string;
  header?: Header;
  requestId?: string;
}

/** How a run continues another (continue-as-new or a retry). */
export interface ContinuedFrom {
  initiator?: string;
  failure?: Failure;
  lastCompletionResult?: Payloads;
  backoffStartInterval?: { seconds?: number; nanos?: number };
}

export const TERMINAL_COMMANDS = new Set([
  'COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION',
  'COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION',
  'COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION',
  'COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION',
]);

export class WorkflowEngine {
  readonly clock: VirtualClock;
  readonly deadlines: DeadlineScheduler<DeadlinePayload>;
  readonly dispatch: Dispatch;
  readonly runs = new Map<string, Run>();
  readonly currentRuns = new Map<string, Run>();
  readonly namespaces: Set<string>;
  readonly logger: Logger;
  readonly store: EngineStore;
  readonly searchAttributes: SearchAttributeRegistry;
  readonly eventCache: EventCache;
  private readonly retention = new Map<string, number>();
  private readonly defaultRetentionMs: number;
  private changed = new Set<Run>();
  /** Runs with a workflow or activity task scheduled or started: time does not skip while any exists. */
  private busyRuns = new Set<Run>();
  private skippingLocks: number;
  private skipCheckQueued = false;
  private nextSeq = 0;
  private persistedClockOffset: number;
  private closed = false;
  /** `settle` calls waiting for the next step to end (flushChanges). */
  private settleWaiters = new Set<() => void>();
  private readonly closeListeners: RunClosedListener[] = [];
  private hooks: CoreHooks | undefined;
  /** Runs the store held at start, until `open` takes them. */
  private loadedRuns: StoredRun[] | undefined;
  /** Records other than runs' (schedules) appended in the current step: the step must commit even with no run changed. */
  private recordsAppended = false;
  /** A compaction's moves are being made durable (its emptied files are deleted after). */
  private compacting = false;
  /** Schedules the store held at start, for the scheduler to take. */
  readonly loadedSchedules: Record<string, unknown>;

  constructor(options: WorkflowEngineOptions) {
    this.logger = options.logger;
    this.store = options.store;
    this.dispatch = new Dispatch({ logger: this.logger, stickyExpired: (run) => this.mutate(() => this.clearSticky(run)) });
    this.namespaces = new Set(options.namespaces ?? ['default']);
    this.skippingLocks = options.timeSkipping ? 0 : 1;
    this.eventCache = new EventCache(options.eventCacheBytes ?? DEFAULT_EVENT_CACHE_BYTES);
    const loaded = this.store.load();
    this.clock = new VirtualClock(loaded.clockOffset);
    this.persistedClockOffset = loaded.clockOffset;
    this.defaultRetentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    for (const [ns, ms] of Object.entries(loaded.retention ?? {})) this.retention.set(ns, ms);
    this.loadedSchedules = loaded.schedules ?? {};
    this.searchAttributes = new SearchAttributeRegistry(loaded.searchAttributes, (ns, attrs) =>
      this.store.append({ t: 'sa', ns, attrs }),
    );
    this.deadlines = new DeadlineScheduler<DeadlinePayload>(
      this.clock,
      (payload) => this.onDeadline(payload),
      () => this.flushChanges(),
    );
    this.loadedRuns = loaded.runs;
  }

  // ---------------------------------------------------------------- recovery

  /**
   * Takes the layers above (their part in the lifecycle) and brings back the
   * runs the store held: tasks offered again, deadlines armed, and those
   * that came due while the engine was down fired. Called once, after the
   * layers exist (firing a deadline may reach them).
   */
  open(hooks: CoreHooks): void {
    if (this.hooks) throw new Error('the engine is already open');
    this.hooks = hooks;
    const loaded = this.loadedRuns ?? [];
    this.loadedRuns = undefined;
    loaded.sort((a, b) => a.state.seq - b.state.seq);
    for (const { state, locations, completedUpdates } of loaded) {
      const open = state.status === 'RUNNING';
      // No events are loaded: open and closed runs alike read them from the store when asked (restart
      // time and memory grow with the runs, not with their histories), and the cache fills as runs move.
      if (open && state.wft?.speculative) {
        // Its events were never persisted; the admitted updates it carried get a new task below.
        state.nextEventId = state.wft.scheduledEventId;
        state.wft = undefined;
        for (const update of Object.values(state.updates)) update.deliveredInTask = undefined;
      }
      const run = new Run(state, []);
      run.persistedEvents = run.durableEvents = run.historyBase = state.nextEventId - 1;
      run.locations = locations;
      for (const [id, eventId] of completedUpdates) run.completedUpdates.set(id, eventId);
      this.runs.set(run.key, run);
      this.currentRuns.set(workflowKey(state.namespace, state.workflowId), run);
      this.nextSeq = Math.max(this.nextSeq, state.seq + 1);
    }
    for (const run of this.runs.values()) {
      if (!run.running) continue;
      // Tasks that were scheduled are offered again; tasks a worker had
      // started stay started (its completion is still accepted) until their
      // timeout, exactly as if the server had not stopped.
      if (run.s.wft && run.s.wft.startedEventId === undefined) this.dispatch.offerWorkflowTask(run);
      if (!run.s.wft && Object.values(run.s.updates).some((u) => u.stage === 'admitted')) this.scheduleTask(run, true);
      for (const activity of Object.values(run.s.activities)) {
        if (activity.state === 'scheduled') this.dispatch.offerActivity(run, activity);
      }
      this.syncDeadlines(run);
      this.updateBusy(run);
    }
    if (loaded.length > 0) this.logger.info({ runs: loaded.length }, 'engine state recovered');
    // The load wrote a checkpoint: files it covers may hold little live data.
    if (this.store.pagesHistory) setImmediate(() => this.compactStore());
    // Timers that came due while the engine was down fire now, in order.
    this.deadlines.fireDue();
    this.queueSkipCheck();
  }

  // ------------------------------------------------------------ transactions

  /** Marks a run as changed in the current synchronous step. */
  touch(run: Run): void {
    this.changed.add(run);
  }

  /**
   * Ends a synchronous step: appends the changed runs to the log, re-derives
   * their deadlines and wakes long-polls. Callers then `await commit()` before
   * answering, so nothing is acknowledged before it is durable.
   */
  flushChanges(): void {
    if (this.clock.offset !== this.persistedClockOffset) {
      this.persistedClockOffset = this.clock.offset;
      this.store.append({ t: 'clock', offset: this.clock.offset });
    }
    if (this.changed.size === 0 && !this.recordsAppended) return;
    this.recordsAppended = false;
    const changed = [...this.changed];
    this.changed.clear();
    const written: Array<{ run: Run; upTo: number; bytes: number }> = [];
    for (const run of changed) {
      // Events appended since the last step. A speculative task's events are
      // not persisted unless it becomes a normal one.
      const upTo = run.s.wft?.speculative ? run.s.wft.scheduledEventId - 1 : run.s.nextEventId - 1;
      const events = run.history.slice(run.persistedEvents - run.historyBase, upTo - run.historyBase);
      run.persistedEvents += events.length;
      const cu = run.newlyCompleted.length > 0 ? run.newlyCompleted : undefined;
      run.newlyCompleted = [];
      const location = this.store.append({ t: 'run', k: run.key, e: events, s: run.s, cu });
      if (location) run.locations.push(location);
      if (this.store.pagesHistory) written.push({ run, upTo: run.persistedEvents, bytes: location ? location[2] : 0 });
      this.syncDeadlines(run);
      this.updateBusy(run);
    }
    for (const run of changed) {
      for (const wake of [...run.historyWaiters]) wake();
      for (const wake of [...run.updateWaiters]) wake();
    }
    for (const wake of [...this.settleWaiters]) wake();
    // Here memory holds exactly what the appended records add up to: the
    // point where a full segment is closed and a checkpoint taken.
    if (this.store.checkpointDue()) {
      this.store.checkpoint(this.storedRuns(), (error) => {
        if (error) this.logger.error({ err: error }, 'writing the engine checkpoint failed');
        else this.compactStore();
      });
    }
    this.store.commit().then(
      () => {
        // Once durable, events can be read back from the store: they join the
        // bounded cache (a closed run's leave memory at once; deleted runs are gone).
        for (const { run, upTo, bytes } of written) {
          if (this.runs.get(run.key) !== run) continue;
          this.eventCache.durable(run, upTo, bytes);
          if (!run.running) this.eventCache.evict(run);
        }
        this.eventCache.trim();
      },
      (error) => this.logger.error({ err: error }, 'persisting engine state failed'),
    );
    this.queueSkipCheck();
  }

  commit(): Promise<void> {
    return this.store.commit();
  }

  private *storedRuns(): Iterable<StoredRun> {
    for (const run of this.runs.values()) yield { state: run.s, completedUpdates: [...run.completedUpdates], locations: run.locations };
  }

  private *runLocations(): Iterable<RunLocations> {
    for (const run of this.runs.values()) yield run;
  }

  /**
   * One compaction pass over the files the checkpoint covers: live events of
   * files that are mostly dead (deleted runs, superseded states) are copied to
   * a compacted file, the runs point there (an `mv` record each), and once
   * that is durable the old files are deleted. A crash before then leaves the
   * old files in place and the new one unreferenced (removed at the next start).
   */
  private compactStore(): void {
    if (this.compacting || this.closed) return;
    let plan;
    try {
      plan = this.store.compact(this.runLocations());
    } catch (error) {
      this.logger.error({ err: error }, 'engine store compaction failed');
      return;
    }
    if (plan.victims.length === 0) return;
    this.compacting = true;
    for (const { k, loc } of plan.moves) {
      const run = this.runs.get(k);
      if (!run) continue;
      run.locations = relocate(run.locations, loc);
      this.store.append({ t: 'mv', k, loc });
    }
    this.store
      .commit()
      .then(() => {
        this.store.removeFiles(plan.victims);
        this.logger.info({ removed: plan.victims.length, moved: plan.moves.length }, 'engine store compacted');
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'engine store compaction failed'))
      .finally(() => {
        this.compacting = false;
      });
  }

  /** Appends a record that is not a run's (a schedule's state) in the current step. */
  appendRecord(record: LogRecord): void {
    this.store.append(record);
    this.recordsAppended = true;
  }

  onRunClosed(listener: RunClosedListener): void {
    this.closeListeners.push(listener);
  }

  /**
   * Calls `fire` when the virtual clock reaches `at`, inside a step. Counts
   * like a timer for time skipping, advanceTime and nextDeadline().
   */
  addDeadline(at: number, fire: () => void): { cancel(): void } {
    const deadline = this.deadlines.add(at, { kind: 'sleeper', wake: fire });
    this.queueSkipCheck();
    return { cancel: () => this.deadlines.cancel(deadline) };
  }

  /** Runs a synchronous mutation as one step. */
  mutate<T>(fn: () => T): T {
    try {
      return fn();
    } finally {
      this.flushChanges();
    }
  }

  now(): number {
    return this.clock.now();
  }

  retentionOf(namespace: string): number {
    return this.retention.get(namespace) ?? this.defaultRetentionMs;
  }

  setRetention(namespace: string, ms: number): void {
    this.retention.set(namespace, ms);
    this.store.append({ t: 'ns', ns: namespace, retentionMs: ms });
  }

  /** Forgets a closed run (retention): its state leaves memory and a tombstone goes to the store. */
  deleteRun(run: Run): void {
    if (run.running) throw new Error('only closed runs are deleted');
    this.runs.delete(run.key);
    const wk = workflowKey(run.s.namespace, run.s.workflowId);
    if (this.currentRuns.get(wk) === run) this.currentRuns.delete(wk);
    this.changed.delete(run);
    this.eventCache.evict(run);
    for (const deadline of run.deadlines.values()) this.deadlines.cancel(deadline);
    this.store.append({ t: 'del', k: run.key });
  }

  /** Creation order of a new run (the newest run of a workflow id is its current one). */
  nextRunSeq(): number {
    return this.nextSeq++;
  }

  // ------------------------------------------------------------- deadlines

  private computeDeadlines(run: Run): Map<string, number> {
    const result = new Map<string, number>();
    if (!run.running) return result;
    const s = run.s;
    for (const timer of Object.values(s.timers)) result.set(`timer:${timer.timerId}`, timer.firesAt);
    if (s.wft?.startedAt !== undefined) {
      result.set(`wft:${s.wft.scheduledEventId}`, s.wft.startedAt + s.wft.timeoutMs);
    }
    if (s.startDelayUntil !== undefined) result.set('start-delay', s.startDelayUntil);
    if (s.runExpiresAt !== undefined) result.set('run-timeout', s.runExpiresAt);
    if (s.executionExpiresAt !== undefined) result.set('execution-timeout', s.executionExpiresAt);
    for (const activity of Object.values(s.activities)) computeActivityDeadlines(activity, result);
    return result;
  }

  private syncDeadlines(run: Run): void {
    const wanted = this.computeDeadlines(run);
    for (const [key, deadline] of run.deadlines) {
      if (wanted.get(key) !== deadline.at) {
        this.deadlines.cancel(deadline);
        run.deadlines.delete(key);
      }
    }
    for (const [key, at] of wanted) {
      if (!run.deadlines.has(key)) {
        run.deadlines.set(key, this.deadlines.add(at, { kind: 'run', runKey: run.key, key }));
      }
    }
  }

  private onDeadline(payload: DeadlinePayload): void {
    if (payload.kind === 'sleeper') {
      payload.wake();
      return;
    }
    const run = this.runs.get(payload.runKey);
    if (!run) return;
    const at = this.computeDeadlines(run).get(payload.key);
    if (at === undefined || at > this.clock.now()) return;
    run.deadlines.delete(payload.key);
    const now = this.clock.now();
    const [kind, id] = splitOnce(payload.key);
    switch (kind) {
      case 'timer': {
        const timer = run.s.timers[id];
        if (!timer) return;
        delete run.s.timers[id];
        run.record('TIMER_FIRED', { timerId: timer.timerId, startedEventId: timer.startedEventId }, now);
        this.needTask(run);
        break;
      }
      case 'wft':
        this.timeOutWorkflowTask(run);
        break;
      case 'start-delay':
        run.s.startDelayUntil = undefined;
        this.scheduleTask(run);
        break;
      case 'run-timeout':
      case 'execution-timeout':
        this.timeOutRun(run);
        break;
      case 'act':
        this.hooks!.activityDeadline(run, id);
        break;
    }
    this.touch(run);
  }

  // ----------------------------------------------------------- time skipping

  private updateBusy(run: Run): void {
    let busy = false;
    if (run.running) {
      if (run.s.wft) busy = true;
      else for (const a of Object.values(run.s.activities)) if (a.state !== 'backoff') busy = true;
    }
    if (busy) this.busyRuns.add(run);
    else this.busyRuns.delete(run);
  }

  get timeSkippingActive(): boolean {
    return this.skippingLocks === 0;
  }

  lockTimeSkipping(): void {
    this.skippingLocks++;
  }

  unlockTimeSkipping(): void {
    if (this.skippingLocks === 0) throw failedPrecondition('time skipping is not locked');
    this.skippingLocks--;
    this.queueSkipCheck();
  }

  private queueSkipCheck(): void {
    if (this.skipCheckQueued || this.skippingLocks > 0 || this.closed) return;
    this.skipCheckQueued = true;
    setImmediate(() => {
      this.skipCheckQueued = false;
      this.skipIfIdle();
    });
  }

  /** With skipping unlocked and no task outstanding, nothing can happen before the next deadline: jump to it. */
  private skipIfIdle(): void {
    if (this.skippingLocks > 0 || this.closed || this.busyRuns.size > 0) return;
    const next = this.deadlines.next();
    if (next === undefined) return;
    if (this.clock.jumpTo(next)) this.logger.debug({ to: new Date(next).toISOString() }, 'time skipped');
    this.deadlines.fireDue();
    this.flushChanges();
  }

  /** The earliest pending deadline (timer, timeout, retry backoff, sleeper), epoch ms. */
  nextDeadline(): number | undefined {
    return this.deadlines.next();
  }

  /** The workflow whose deadline is the earliest pending one; undefined for none, or a sleeper's (no workflow's). */
  nextDeadlineRun(): { workflowId: string; workflowType: string } | undefined {
    const payload = this.deadlines.peek();
    const run = payload?.kind === 'run' ? this.runs.get(payload.runKey) : undefined;
    return run ? { workflowId: run.s.workflowId, workflowType: run.s.workflowType } : undefined;
  }

  /** Resolves once the virtual clock has reached `at` (skipping may bring it there early). */
  sleepUntil(at: number): Promise<void> {
    if (at <= this.clock.now()) return Promise.resolve();
    return new Promise((resolve) => {
      this.deadlines.add(at, { kind: 'sleeper', wake: resolve });
      this.queueSkipCheck();
    });
  }

  /**
   * A workflow or activity task is running, or waiting for a worker that
   * polled its queue within the last second. `anyWorker`: waiting for any
   * worker at all — for a caller who knows the workers run (a worker starved
   * of CPU may not poll for longer than a second, and its task is still work
   * to wait for).
   */
  hasPendingWork(anyWorker = false): boolean {
    const polled = (type: 'workflow' | 'activity', ns: string, name: string): boolean =>
      anyWorker || this.dispatch.polledRecently(type, ns, name);
    for (const run of this.busyRuns) {
      const wft = run.s.wft;
      if (wft) {
        if (wft.startedEventId !== undefined) return true;
        if (polled('workflow', run.s.namespace, run.s.sticky?.queue ?? run.s.taskQueue)) return true;
        if (run.s.sticky && polled('workflow', run.s.namespace, run.s.taskQueue)) return true;
      }
      for (const a of Object.values(run.s.activities)) {
        if (a.state === 'started') return true;
        if (a.state === 'scheduled' && polled('activity', run.s.namespace, a.taskQueue)) return true;
      }
    }
    return false;
  }

  /**
   * Waits until `hasPendingWork()` is false, or `timeoutMs` of wall time
   * passed. Every task that ends, ends in a step (flushChanges), which wakes
   * this to look again; the look every 10 ms catches what no step announces
   * (a queue whose worker stopped polling a second ago). It used to poll
   * every 2 ms and wait for 10 ms of quiet, which put a floor of 12 ms under
   * every instant an advance fires: a fifth of a district-year's wall time
   * at a tenth was spent advancing (2026-12-03), most of it in that floor.
   */
  async settle(timeoutMs = 10_000): Promise<boolean> {
    const giveUpAt = Date.now() + timeoutMs;
    for (;;) {
      if (!this.hasPendingWork()) {
        // One turn of the event loop before believing it: what the step that
        // ended the work set going in this process (a poll being answered)
        // lands first.
        await new Promise((r) => setImmediate(r));
        if (!this.hasPendingWork()) return true;
        continue;
      }
      const left = giveUpAt - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.settleWaiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 10));
        this.settleWaiters.add(wake);
      });
    }
  }

  /**
   * Moves the clock forward by `ms`, firing due deadlines one instant at a
   * time and letting workers finish the tasks each one caused before looking
   * for the next, so a timer started by a fired timer inside the window also
   * fires.
   */
  async advanceTime(ms: number, settleTimeoutMs = 10_000): Promise<void> {
    if (!(ms >= 0)) throw new TypeError('advanceTime needs a non-negative number of milliseconds');
    // The window starts once workers are idle, so a timer started by a task
    // still running when we were called counts from inside the window.
    await this.settle(settleTimeoutMs);
    const target = this.clock.now() + ms;
    // Time stands still during the skip: each deadline's work runs at its instant.
    this.clock.hold();
    try {
      for (;;) {
        if (!(await this.settle(settleTimeoutMs))) {
          this.logger.warn('advanceTime: workers did not finish their tasks in time; advancing anyway');
        }
        const next = this.deadlines.next();
        if (next === undefined || next > target) break;
        this.clock.jumpTo(next);
        this.deadlines.fireDue();
        this.flushChanges();
      }
      this.clock.jumpTo(target);
    } finally {
      this.clock.release();
    }
    this.deadlines.rearm();
    this.flushChanges();
    await this.settle(settleTimeoutMs);
    await this.commit();
  }

  // ----------------------------------------------------------------- lookups

  checkNamespace(namespace: string | undefined): string {
    const ns = namespace || 'default';
    if (!this.namespaces.has(ns)) throw namespaceNotFound(ns);
    return ns;
  }

  /** The run named by an execution (the current run when runId is empty); NOT_FOUND otherwise. */
  findRun(namespace: string | undefined, execution: { workflowId?: string; runId?: string } | undefined): Run {
    const ns = this.checkNamespace(namespace);
    const workflowId = execution?.workflowId;
    if (!workflowId) throw invalidArgument('workflowId is not set on request.');
    const run = execution?.runId
      ? this.runs.get(runKey(ns, workflowId, execution.runId))
      : this.currentRuns.get(workflowKey(ns, workflowId));
    if (!run) {
      throw notFound(
        `workflow not found for ID: ${workflowId}${execution?.runId ? ` and run ID: ${execution.runId}` : ''}`,
      );
    }
    return run;
  }

  findRunningRun(namespace: string | undefined, execution: { workflowId?: string; runId?: string } | undefined): Run {
    const run = this.findRun(namespace, execution);
    if (!run.running) throw notFound('workflow execution already completed');
    return run;
  }

  // ---------------------------------------------------------- workflow tasks

  /** Schedules a workflow task when the run has none and new events or messages need one. */
  needTask(run: Run, speculative = false): void {
    if (!run.running || run.s.wft) return;
    this.scheduleTask(run, speculative);
  }

  scheduleTask(run: Run, speculative = false): void {
    if (!run.running || run.s.wft || run.s.startDelayUntil !== undefined) return;
    const now = this.clock.now();
    const sticky = run.s.sticky;
    const attempt = run.s.wftFailures + 1;
    const event = run.append(
      'WORKFLOW_TASK_SCHEDULED',
      {
        taskQueue: sticky
          ? { name: sticky.queue, kind: 'TASK_QUEUE_KIND_STICKY', normalName: run.s.taskQueue }
          : { name: run.s.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
        startToCloseTimeout: msToDuration(run.s.taskTimeoutMs),
        attempt,
      },
      now,
    );
    run.s.wft = { scheduledEventId: event.eventId, attempt, scheduledAt: now, timeoutMs: run.s.taskTimeoutMs, speculative: speculative || undefined };
    this.touch(run);
    this.dispatch.offerWorkflowTask(run);
  }

  /** Stops routing the run to its sticky queue; a task waiting there moves to the normal queue. */
  clearSticky(run: Run): void {
    if (!run.s.sticky) return;
    run.s.sticky = undefined;
    this.touch(run);
    if (run.s.wft && run.s.wft.startedEventId === undefined) this.dispatch.offerWorkflowTask(run);
    this.dispatch.unstick(run);
  }

  /** A worker stopped: every run sticky to its queue goes back to the normal queue. */
  shutdownWorker(namespace: string, stickyQueue: string | undefined): void {
    if (!stickyQueue) return;
    this.mutate(() => {
      for (const run of this.runs.values()) {
        if (run.s.namespace === namespace && run.s.sticky?.queue === stickyQueue) this.clearSticky(run);
      }
    });
    this.dispatch.releaseStickyQueue(namespace, stickyQueue);
  }

  setSticky(run: Run, attributes: StickyExecutionAttributes | undefined): void {
    const queue = attributes?.workerTaskQueue?.name;
    if (queue) {
      run.s.sticky = { queue, timeoutMs: durationToMs(attributes.scheduleToStartTimeout) || DEFAULT_STICKY_TIMEOUT_MS };
    } else {
      run.s.sticky = undefined;
    }
  }

  private timeOutWorkflowTask(run: Run): void {
    const wft = run.s.wft;
    if (!wft || wft.startedEventId === undefined) return;
    run.s.wft = undefined;
    run.append(
      'WORKFLOW_TASK_TIMED_OUT',
      { scheduledEventId: wft.scheduledEventId, startedEventId: wft.startedEventId, timeoutType: 'TIMEOUT_TYPE_START_TO_CLOSE' },
      this.clock.now(),
    );
    this.afterTaskLost(run);
  }

  /** After a failed or timed-out workflow task: retry it, on the normal queue, with what it carried. */
  afterTaskLost(run: Run): void {
    run.s.wftFailures++;
    run.s.sticky = undefined;
    for (const update of Object.values(run.s.updates)) {
      if (update.stage === 'admitted') update.deliveredInTask = undefined;
    }
    run.pendingQueries.unshift(...run.attachedQueries.values());
    run.attachedQueries.clear();
    run.flushBuffered(this.clock.now());
    this.touch(run);
    this.scheduleTask(run);
  }

  // ---------------------------------------------------------------- starting

  /**
   * Starts a run, applying the ID reuse and conflict policies. Returns the
   * run and whether it was newly started (false: an existing run answers, as
   * for a retried request or USE_EXISTING).
   */
  startWorkflow(
    req: StartRequest,
    extra: { parent?: RunState['parent']; signal?: SignalInput; continuedFrom?: Run; continueAsNew?: ContinuedFrom } = {},
  ): { run: Run; started: boolean } {
    const ns = this.checkNamespace(req.namespace);
    const workflowId: string = req.workflowId ?? '';
    if (!workflowId) throw invalidArgument('WorkflowId is not set on request.');
    if (!req.workflowType?.name) throw invalidArgument('WorkflowType is not set on request.');
    if (!req.taskQueue?.name) throw invalidArgument('TaskQueue is not set on request.');
    const now = this.clock.now();
    const existing = this.currentRuns.get(workflowKey(ns, workflowId));
    if (existing && !extra.continuedFrom) {
      if (req.requestId && existing.s.startRequestId === req.requestId) return { run: existing, started: false };
      if (existing.running) {
        const conflict = req.workflowIdConflictPolicy ?? 'WORKFLOW_ID_CONFLICT_POLICY_UNSPECIFIED';
        const reuse = req.workflowIdReusePolicy ?? 'WORKFLOW_ID_REUSE_POLICY_UNSPECIFIED';
        if (conflict === 'WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING') return { run: existing, started: false };
        if (
          conflict === 'WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING' ||
          reuse === 'WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING'
        ) {
          this.terminate(existing, 'terminated by a new start with the same workflow id', req.identity);
        } else {
          throw workflowAlreadyStarted(existing.s.startRequestId, existing.s.runId);
        }
      } else {
        const reuse = req.workflowIdReusePolicy ?? 'WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE';
        if (reuse === 'WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE') {
          throw workflowAlreadyStarted(existing.s.startRequestId, existing.s.runId);
        }
        if (reuse === 'WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY' && existing.s.status === 'COMPLETED') {
          throw workflowAlreadyStarted(existing.s.startRequestId, existing.s.runId);
        }
      }
    }

    const runId = randomUUID();
    const prev = extra.continuedFrom;
    const executionTimeoutMs = durationToMs(req.workflowExecutionTimeout);
    let runTimeoutMs = durationToMs(req.workflowRunTimeout);
    if (executionTimeoutMs > 0 && (runTimeoutMs === 0 || runTimeoutMs > executionTimeoutMs)) runTimeoutMs = executionTimeoutMs;
    const taskTimeoutMs = Math.min(durationToMs(req.workflowTaskTimeout) || DEFAULT_TASK_TIMEOUT_MS, MAX_TASK_TIMEOUT_MS);
    const startDelayMs = durationToMs(req.workflowStartDelay) + durationToMs(extra.continueAsNew?.backoffStartInterval);
    const state: RunState = {
      namespace: ns,
      workflowId,
      runId,
      firstExecutionRunId: prev?.s.firstExecutionRunId ?? runId,
      seq: this.nextSeq++,
      workflowType: req.workflowType.name,
      taskQueue: req.taskQueue.name,
      status: 'RUNNING',
      startTime: now,
      executionTime: now + startDelayMs,
      startRequestId: req.requestId || randomUUID(),
      requestIds: [],
      attempt: req.attempt ?? 1,
      retryPolicy: req.retryPolicy,
      cronSchedule: req.cronSchedule || undefined,
      memo: req.memo,
      searchAttributes: req.searchAttributes,
      executionTimeoutMs,
      runTimeoutMs,
      taskTimeoutMs,
      executionExpiresAt: prev ? prev.s.executionExpiresAt : executionTimeoutMs > 0 ? now + executionTimeoutMs : undefined,
      runExpiresAt: runTimeoutMs > 0 ? now + runTimeoutMs : undefined,
      startDelayUntil: startDelayMs > 0 ? now + startDelayMs : undefined,
      parent: extra.parent ?? prev?.s.parent,
      nextEventId: 1,
      lastCompletedStartedEventId: 0,
      wftFailures: 0,
      buffered: [],
      activities: {},
      timers: {},
      children: {},
      updates: {},
      cancelRequested: false,
      historySizeBytes: 0,
    };
    const run = new Run(state, []);
    run.persistedEvents = 0;
    this.runs.set(run.key, run);
    this.currentRuns.set(workflowKey(ns, workflowId), run);
    run.append(
      'WORKFLOW_EXECUTION_STARTED',
      {
        workflowId,
        workflowType: req.workflowType,
        taskQueue: { name: req.taskQueue.name, kind: 'TASK_QUEUE_KIND_NORMAL' },
        header: req.header,
        input: req.input,
        workflowExecutionTimeout: msToDuration(executionTimeoutMs),
        workflowRunTimeout: msToDuration(runTimeoutMs),
        workflowTaskTimeout: msToDuration(taskTimeoutMs),
        originalExecutionRunId: runId,
        firstExecutionRunId: state.firstExecutionRunId,
        continuedExecutionRunId: prev?.s.runId,
        initiator: extra.continueAsNew?.initiator,
        continuedFailure: extra.continueAsNew?.failure ?? req.continuedFailure,
        lastCompletionResult: extra.continueAsNew?.lastCompletionResult ?? req.lastCompletionResult,
        identity: req.identity,
        retryPolicy: req.retryPolicy,
        attempt: state.attempt,
        cronSchedule: req.cronSchedule,
        firstWorkflowTaskBackoff: startDelayMs > 0 ? msToDuration(startDelayMs) : undefined,
        memo: req.memo,
        searchAttributes: req.searchAttributes,
        parentWorkflowNamespace: state.parent?.namespace,
        parentWorkflowExecution: state.parent
          ? { workflowId: state.parent.workflowId, runId: state.parent.runId }
          : undefined,
        parentInitiatedEventId: state.parent?.initiatedEventId,
        workflowExecutionExpirationTime: state.executionExpiresAt ? msToTimestamp(state.executionExpiresAt) : undefined,
        priority: req.priority,
        userMetadata: undefined,
      },
      now,
    );
    if (req.userMetadata) run.history[0]!.userMetadata = req.userMetadata;
    if (extra.signal) {
      run.append(
        'WORKFLOW_EXECUTION_SIGNALED',
        {
          signalName: extra.signal.signalName,
          input: extra.signal.input,
          identity: extra.signal.identity,
          header: extra.signal.header,
        },
        now,
      );
    }
    this.touch(run);
    this.scheduleTask(run);
    this.logger.debug({ workflowId, runId, type: state.workflowType }, 'workflow started');
    return { run, started: true };
  }

  // --------------------------------------------------------- external input

  private seenRequest(run: Run, requestId: string | undefined): boolean {
    if (!requestId) return false;
    if (run.s.requestIds.includes(requestId)) return true;
    run.s.requestIds.push(requestId);
    if (run.s.requestIds.length > REMEMBERED_REQUEST_IDS) run.s.requestIds.shift();
    return false;
  }

  signal(run: Run, req: SignalInput): void {
    if (!req.signalName) throw invalidArgument('SignalName is not set on request.');
    if (!run.running) throw notFound('workflow execution already completed');
    if (this.seenRequest(run, req.requestId)) return;
    run.record(
      'WORKFLOW_EXECUTION_SIGNALED',
      { signalName: req.signalName, input: req.input, identity: req.identity, header: req.header },
      this.clock.now(),
    );
    this.touch(run);
    this.needTask(run);
  }

  requestCancel(
    run: Run,
    req: { reason?: string; identity?: string; requestId?: string },
    external?: { initiatedEventId: number; execution: { workflowId: string; runId: string } },
  ): void {
    if (!run.running) throw notFound('workflow execution already completed');
    if (this.seenRequest(run, req.requestId)) return;
    if (run.s.cancelRequested) return;
    run.s.cancelRequested = true;
    run.record(
      'WORKFLOW_EXECUTION_CANCEL_REQUESTED',
      {
        cause: req.reason,
        identity: req.identity,
        externalInitiatedEventId: external?.initiatedEventId,
        externalWorkflowExecution: external?.execution,
      },
      this.clock.now(),
    );
    this.touch(run);
    this.needTask(run);
  }

  terminate(run: Run, reason: string | undefined, identity: string | undefined, details?: Payloads): void {
    if (!run.running) throw notFound('workflow execution already completed');
    const now = this.clock.now();
    const wft = run.s.wft;
    if (wft?.startedEventId !== undefined) {
      run.s.wft = undefined;
      run.append(
        'WORKFLOW_TASK_FAILED',
        {
          scheduledEventId: wft.scheduledEventId,
          startedEventId: wft.startedEventId,
          cause: 'WORKFLOW_TASK_FAILED_CAUSE_FORCE_CLOSE_COMMAND',
          identity,
        },
        now,
      );
    }
    run.flushBuffered(now);
    const event = run.append('WORKFLOW_EXECUTION_TERMINATED', { reason, details, identity }, now);
    this.closeRun(run, 'TERMINATED', event);
  }

  private timeOutRun(run: Run): void {
    if (!run.running) return;
    const now = this.clock.now();
    run.s.wft = undefined;
    run.flushBuffered(now);
    // A run timeout may be retried by the workflow's retry policy.
    const expiresAt = run.s.executionExpiresAt ?? 0;
    const canRetry = run.s.retryPolicy && (expiresAt === 0 || now < expiresAt);
    const decision = canRetry
      ? decideRetry(resolveRetryPolicy(run.s.retryPolicy), run.s.attempt, { timeoutFailureInfo: {} }, now, expiresAt)
      : { retry: false as const, retryState: 'RETRY_STATE_TIMEOUT' };
    if (decision.retry) {
      const newRunId = this.retryRun(run, decision.delayMs, undefined);
      const event = run.append(
        'WORKFLOW_EXECUTION_TIMED_OUT',
        { retryState: 'RETRY_STATE_IN_PROGRESS', newExecutionRunId: newRunId },
        now,
      );
      this.closeRun(run, 'TIMED_OUT', event, newRunId);
      return;
    }
    const event = run.append('WORKFLOW_EXECUTION_TIMED_OUT', { retryState: 'RETRY_STATE_TIMEOUT' }, now);
    this.closeRun(run, 'TIMED_OUT', event);
  }

  /** Starts the next attempt of a failed or timed-out run that has a retry policy; returns its run id. */
  retryRun(run: Run, delayMs: number, failure: Failure | undefined): string {
    const started = this.history0(run);
    const { run: next } = this.startWorkflow(
      {
        namespace: run.s.namespace,
        workflowId: run.s.workflowId,
        workflowType: { name: run.s.workflowType },
        taskQueue: { name: run.s.taskQueue },
        input: started.input,
        header: started.header,
        workflowRunTimeout: msToDuration(run.s.runTimeoutMs),
        workflowTaskTimeout: msToDuration(run.s.taskTimeoutMs),
        retryPolicy: run.s.retryPolicy,
        memo: run.s.memo,
        searchAttributes: run.s.searchAttributes,
        attempt: run.s.attempt + 1,
        requestId: randomUUID(),
      },
      {
        continuedFrom: run,
        continueAsNew: {
          initiator: 'CONTINUE_AS_NEW_INITIATOR_RETRY',
          failure,
          backoffStartInterval: msToDuration(delayMs),
        },
      },
    );
    return next.s.runId;
  }

  history0(run: Run): StartedAttributes {
    return (this.events(run, 1, 2)[0]?.workflowExecutionStartedEventAttributes ?? {}) as StartedAttributes;
  }

  /**
   * The run's events with ids in [from, to): those evicted from memory (ids up
   * to `historyBase`, always durable) read record by record from the store,
   * the rest from memory.
   */
  events(run: Run, from: number, to: number): HistoryEvent[] {
    const base = run.historyBase;
    this.eventCache.touch(run);
    if (from > base) return run.history.slice(from - 1 - base, to - 1 - base);
    const events = this.store.readEvents(run.locations, from, Math.min(to, base + 1));
    if (to > base + 1) for (const e of run.history.slice(0, to - 1 - base)) events.push(e);
    return events;
  }

  /** Moves an update out of the run's state into its compact list of completed ids. */
  completeUpdate(run: Run, update: UpdateState, eventId: number, outcome: UpdateOutcome | undefined): void {
    delete run.s.updates[update.updateId];
    update.stage = 'completed';
    update.outcome = outcome;
    update.deliveredInTask = undefined;
    run.rememberCompletedUpdate(update.updateId, eventId, outcome, COMPLETED_UPDATES_KEPT);
    this.touch(run);
  }

  /** A completed update as callers see it, or undefined when the run does not remember it. */
  completedUpdate(run: Run, updateId: string): UpdateState | undefined {
    const eventId = run.completedUpdates.get(updateId);
    if (eventId === undefined) return undefined;
    let outcome: UpdateOutcome | undefined;
    if (eventId > 0) {
      const event = this.events(run, eventId, eventId + 1)[0];
      outcome = (event?.workflowExecutionUpdateCompletedEventAttributes as { outcome?: UpdateOutcome } | undefined)?.outcome;
    } else {
      outcome = run.rejections.get(updateId) ?? {
        failure: { message: 'the update was rejected', source: 'Server', applicationFailureInfo: { type: 'UpdateRejected', nonRetryable: true } },
      };
    }
    return { updateId, request: undefined, stage: 'completed', outcome };
  }

  // ----------------------------------------------------------------- closing

  /** Everything that happens when a run reaches a terminal state. */
  closeRun(run: Run, status: RunStatus, closeEvent: HistoryEvent, newExecutionRunId?: string): void {
    const now = this.clock.now();
    run.s.status = status;
    run.s.closeTime = now;
    run.s.closeEventId = closeEvent.eventId;
    run.s.newExecutionRunId = newExecutionRunId;
    run.s.wft = undefined;
    run.s.activities = {};
    run.s.timers = {};
    run.s.sticky = undefined;
    this.dispatch.dropStickyFallback(run);
    this.touch(run);
    // Pending updates fail; queries waiting for a task are answered from the final state.
    this.hooks!.runClosing(run);
    this.applyParentClosePolicies(run);
    for (const listener of this.closeListeners) listener(run.s.namespace, run.s.workflowId, run.s.runId, status as Exclude<RunStatus, 'RUNNING'>, closeEvent);
    if (run.s.parent && !newExecutionRunId) this.reportToParent(run, status, closeEvent);
    if (newExecutionRunId && status !== 'CONTINUED_AS_NEW' && run.s.parent) {
      // A retried child stays the same child for its parent.
      const next = this.runs.get(runKey(run.s.namespace, run.s.workflowId, newExecutionRunId));
      if (next) next.s.parent = run.s.parent;
    }
    this.logger.debug({ workflowId: run.s.workflowId, runId: run.s.runId, status }, 'workflow closed');
  }

  private applyParentClosePolicies(run: Run): void {
    for (const child of Object.values(run.s.children)) {
      if (!child.runId) continue;
      const childRun = this.currentRuns.get(workflowKey(child.namespace, child.workflowId));
      if (!childRun?.running || childRun.s.parent?.runId !== run.s.runId) continue;
      const policy = child.parentClosePolicy || 'PARENT_CLOSE_POLICY_TERMINATE';
      if (policy === 'PARENT_CLOSE_POLICY_TERMINATE' || policy === 'PARENT_CLOSE_POLICY_UNSPECIFIED') {
        this.terminate(childRun, 'by parent close policy', 'engine');
      } else if (policy === 'PARENT_CLOSE_POLICY_REQUEST_CANCEL') {
        this.requestCancel(childRun, { reason: 'by parent close policy', identity: 'engine' });
      }
    }
  }

  private reportToParent(child: Run, status: RunStatus, closeEvent: HistoryEvent): void {
    const parentRef = child.s.parent!;
    const parent = this.runs.get(runKey(parentRef.namespace, parentRef.workflowId, parentRef.runId));
    if (!parent?.running) return;
    const entry = parent.s.children[parentRef.initiatedEventId];
    if (!entry) return;
    delete parent.s.children[parentRef.initiatedEventId];
    const common = {
      namespace: child.s.namespace,
      workflowExecution: { workflowId: child.s.workflowId, runId: entry.runId ?? child.s.runId },
      workflowType: { name: entry.workflowType },
      initiatedEventId: parentRef.initiatedEventId,
      startedEventId: entry.startedEventId ?? 0,
    };
    const attrs = closeEvent[Object.keys(closeEvent).find((k) => k.endsWith('EventAttributes'))!] as {
      result?: Payloads;
      failure?: Failure;
      retryState?: string;
      details?: Payloads;
    };
    const now = this.clock.now();
    switch (status) {
      case 'COMPLETED':
        parent.record('CHILD_WORKFLOW_EXECUTION_COMPLETED', { ...common, result: attrs.result }, now);
        break;
      case 'FAILED':
        parent.record('CHILD_WORKFLOW_EXECUTION_FAILED', { ...common, failure: attrs.failure, retryState: attrs.retryState }, now);
        break;
      case 'CANCELED':
        parent.record('CHILD_WORKFLOW_EXECUTION_CANCELED', { ...common, details: attrs.details }, now);
        break;
      case 'TERMINATED':
        parent.record('CHILD_WORKFLOW_EXECUTION_TERMINATED', common, now);
        break;
      case 'TIMED_OUT':
        parent.record('CHILD_WORKFLOW_EXECUTION_TIMED_OUT', { ...common, retryState: attrs.retryState }, now);
        break;
      default:
        return;
    }
    this.touch(parent);
    this.needTask(parent);
  }

  // ----------------------------------------------------------- long polling

  /** Waits until `ready()` holds, something changes the run, or the deadline passes. */
  async waitForChange(run: Run, ready: () => boolean, deadline: number, onCancel?: (l: () => void) => void): Promise<void> {
    while (!ready() && Date.now() < deadline && !this.closed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          run.historyWaiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
        run.historyWaiters.add(done);
        onCancel?.(done);
      });
    }
  }

  /** Ends long-polls and stops time; the log stays open for in-flight answers. */
  stopServing(): void {
    this.closed = true;
    this.deadlines.stop();
    for (const run of this.runs.values()) {
      for (const wake of [...run.historyWaiters]) wake();
      for (const wake of [...run.updateWaiters]) wake();
    }
    this.dispatch.stop(this.runs.values());
  }

  async close(): Promise<void> {
    if (!this.closed) this.stopServing();
    await this.store.close();
  }

  get isClosed(): boolean {
    return this.closed;
  }
}

function splitOnce(key: string): [string, string] {
  const i = key.indexOf(':');
  return i < 0 ? [key, ''] : [key.slice(0, i), key.slice(i + 1)];
}
