// Operator actions: ResetWorkflowExecution (a new run replaying the history
// up to a chosen workflow task, with later signals re-applied per the
// reapply type) and batch operations by visibility query (terminate, cancel,
// signal, reset, reset activities), with Describe/ListBatchOperations. Terminate and RequestCancel of
// a single run are in workflow-service.ts.
import { randomUUID } from 'node:crypto';
import { durationToMs, msToTimestamp } from './clock';
import type { ActivityTasks } from './activity-tasks';
import type { WorkflowEngine } from './engine';
import { invalidArgument, notFound } from './errors';
import type { Handler } from './grpc-server';
import { Run, workflowKey, type HistoryEvent, type RunState } from './run-state';
import { compileQuery, matchingRuns } from './visibility';
import type { Duration, Header, Payloads, Request, RetryPolicyProto } from './wire';

/** What resets and batches need of the core: runs to find, copy, start and end, in steps. */
export type OperatorCore = Pick<
  WorkflowEngine,
  | 'appendRecord' | 'checkNamespace' | 'commit' | 'currentRuns' | 'dispatch' | 'events' | 'findRun' | 'logger' | 'mutate'
  | 'nextRunSeq' | 'now' | 'requestCancel' | 'runs' | 'scheduleTask' | 'searchAttributes' | 'signal' | 'terminate' | 'touch'
>;

const TASK_FINISH_EVENTS = new Set([
  'EVENT_TYPE_WORKFLOW_TASK_COMPLETED',
  'EVENT_TYPE_WORKFLOW_TASK_FAILED',
  'EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT',
]);

/** An event's attributes, read loosely: the fields reset looks at. */
interface EventAttributes {
  timerId: string;
  startToFireTimeout?: Duration;
  activityId?: string;
  activityType?: { name?: string };
  taskQueue?: { name?: string };
  header?: Header;
  input?: Payloads;
  retryPolicy?: RetryPolicyProto;
  scheduleToCloseTimeout?: Duration;
  scheduleToStartTimeout?: Duration;
  startToCloseTimeout?: Duration;
  heartbeatTimeout?: Duration;
  scheduledEventId: number;
  startedEventId: number;
  signalName?: string;
  identity?: string;
  initiatedEventId?: number;
}

function attrs(event: HistoryEvent): EventAttributes {
  const key = Object.keys(event).find((k) => k.endsWith('EventAttributes'));
  return (key ? event[key] : {}) as EventAttributes;
}

const CLOSES_CHILD = new Set([
  'EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_FAILED',
  'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED',
  'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED',
  'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED',
  'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TIMED_OUT',
  'EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TERMINATED',
]);

/** Child workflows initiated in `events` and not closed by them: pending at the reset point. */
function pendingChildren(events: HistoryEvent[]): number {
  const pending = new Set<number>();
  for (const event of events) {
    if (event.eventType === 'EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED') pending.add(event.eventId);
    else if (CLOSES_CHILD.has(event.eventType)) pending.delete(Number(attrs(event).initiatedEventId));
  }
  return pending.size;
}

/**
 * Pending work of the reset point, derived from the copied events: timers
 * and activities started and not yet finished are pending again (timers keep
 * their original fire time; activities start over at attempt 1).
 */
function pendingAt(events: HistoryEvent[], s: RunState, now: number): void {
  const closesActivity = new Set([
    'EVENT_TYPE_ACTIVITY_TASK_COMPLETED',
    'EVENT_TYPE_ACTIVITY_TASK_FAILED',
    'EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT',
    'EVENT_TYPE_ACTIVITY_TASK_CANCELED',
  ]);
  for (const event of events) {
    const a = attrs(event);
    switch (event.eventType) {
      case 'EVENT_TYPE_TIMER_STARTED': {
        const startedAt = Number(event.eventTime.seconds) * 1000 + Math.floor(event.eventTime.nanos / 1e6);
        s.timers[a.timerId] = { timerId: a.timerId, startedEventId: event.eventId, firesAt: startedAt + durationToMs(a.startToFireTimeout) };
        break;
      }
      case 'EVENT_TYPE_TIMER_FIRED':
      case 'EVENT_TYPE_TIMER_CANCELED':
        delete s.timers[a.timerId];
        break;
      case 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED': {
        const rp = a.retryPolicy ?? {};
        s.activities[event.eventId] = {
          scheduledEventId: event.eventId,
          activityId: a.activityId ?? '',
          activityType: a.activityType?.name ?? '',
          taskQueue: a.taskQueue?.name ?? s.taskQueue,
          header: a.header,
          input: a.input,
          retryPolicy: {
            initialIntervalMs: durationToMs(rp.initialInterval) || 1000,
            backoffCoefficient: rp.backoffCoefficient || 2,
            maximumIntervalMs: durationToMs(rp.maximumInterval) || 100_000,
            maximumAttempts: rp.maximumAttempts ?? 0,
            nonRetryableErrorTypes: rp.nonRetryableErrorTypes ?? [],
          },
          scheduleToCloseMs: durationToMs(a.scheduleToCloseTimeout),
          scheduleToStartMs: durationToMs(a.scheduleToStartTimeout),
          startToCloseMs: durationToMs(a.startToCloseTimeout),
          heartbeatMs: durationToMs(a.heartbeatTimeout),
          scheduledAt: now,
          attempt: 1,
          attemptScheduledAt: now,
          state: 'scheduled',
          cancelRequested: false,
        };
        break;
      }
      case 'EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED':
        s.cancelRequested = true;
        break;
      case 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED':
        s.lastCompletedStartedEventId = a.startedEventId;
        break;
      default:
        if (closesActivity.has(event.eventType)) delete s.activities[a.scheduledEventId];
    }
  }
}

/** The run's first or last WorkflowTaskCompleted event: a batch reset's point in each run (0, refused by the reset, when it has none). */
function completedTask(engine: Pick<WorkflowEngine, 'events'>, run: Run, which: 'first' | 'last'): number {
  const events = engine.events(run, 1, run.persistedEvents + 1);
  const completed = events.filter((e) => e.eventType === 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED');
  return (which === 'first' ? completed[0] : completed.at(-1))?.eventId ?? 0;
}

/** Resets a workflow to a workflow task: returns the new run. */
export function resetWorkflow(engine: OperatorCore, run: Run, req: Request<'ResetWorkflowExecution'>): Run {
  const finishId = Number(req.workflowTaskFinishEventId ?? 0);
  const all = engine.events(run, 1, run.persistedEvents + 1);
  const finish = all[finishId - 1];
  if (!finish || !TASK_FINISH_EVENTS.has(finish.eventType)) {
    throw invalidArgument(`WorkflowTaskFinishEventId ${finishId} is not a WorkflowTaskCompleted, Failed or TimedOut event.`);
  }
  const { scheduledEventId, startedEventId } = attrs(finish);
  const now = engine.now();
  const newRunId = randomUUID();
  // The new run's history is the old one up to the task's Started event.
  const copied: HistoryEvent[] = all.slice(0, startedEventId).map((e) => structuredClone(e));
  // A child pending at the reset point would belong to no run: the new run does not track it and the old
  // one is terminated, so its close would never reach a parent. Temporal refused such resets until 1.27
  // (since then it reconnects the child to the new run, which this engine does not do).
  if (pendingChildren(copied) > 0) {
    throw invalidArgument(
      `WorkflowResetter encountered pending child workflows: event ${finishId} has child workflows started and not closed before it; reset to a workflow task before they were initiated or after they closed.`,
    );
  }
  const base = run.s;
  const state: RunState = {
    ...structuredClone({ ...base, activities: {}, timers: {}, children: {}, updates: {}, buffered: [], requestIds: [] }),
    runId: newRunId,
    seq: engine.nextRunSeq(),
    status: 'RUNNING',
    closeTime: undefined,
    closeEventId: undefined,
    newExecutionRunId: undefined,
    wft: undefined,
    sticky: undefined,
    wftFailures: 0,
    cancelRequested: false,
    nextEventId: startedEventId + 1,
    lastCompletedStartedEventId: 0,
    startRequestId: req.requestId || randomUUID(),
    runExpiresAt: base.runTimeoutMs > 0 ? now + base.runTimeoutMs : undefined,
    startDelayUntil: undefined,
    parentClosePolicyApplied: undefined,
  };
  pendingAt(copied, state, now);
  const next = new Run(state, copied);
  next.persistedEvents = 0;
  engine.runs.set(next.key, next);
  engine.currentRuns.set(workflowKey(state.namespace, state.workflowId), next);
  next.append(
    'WORKFLOW_TASK_FAILED',
    {
      scheduledEventId,
      startedEventId,
      cause: 'WORKFLOW_TASK_FAILED_CAUSE_RESET_WORKFLOW',
      failure: { message: req.reason || 'reset', source: 'Server', resetWorkflowFailureInfo: {} },
      identity: req.identity,
      baseRunId: base.runId,
      newRunId,
    },
    now,
  );
  const reapply = req.resetReapplyType ?? 'RESET_REAPPLY_TYPE_SIGNAL';
  const excluded: string[] = req.resetReapplyExcludeTypes ?? [];
  if (reapply !== 'RESET_REAPPLY_TYPE_NONE' && !excluded.includes('RESET_REAPPLY_EXCLUDE_TYPE_SIGNAL')) {
    for (const event of all.slice(startedEventId)) {
      if (event.eventType !== 'EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED') continue;
      const a = attrs(event);
      next.append('WORKFLOW_EXECUTION_SIGNALED', { signalName: a.signalName, input: a.input, identity: a.identity, header: a.header }, now);
    }
  }
  for (const activity of Object.values(state.activities)) engine.dispatch.offerActivity(next, activity);
  engine.touch(next);
  engine.scheduleTask(next);
  if (run.running) {
    // As in Temporal, the old run closes like any terminated run: children it started after the reset point
    // get their parent-close policy (default TERMINATE), so the new run can start them again under their ids.
    engine.terminate(run, req.reason || 'reset', req.identity, undefined);
  }
  engine.logger.info({ workflowId: state.workflowId, baseRunId: base.runId, newRunId, finishId }, 'workflow reset');
  return next;
}

interface BatchOperation {
  jobId: string;
  namespace: string;
  operationType: string;
  reason: string;
  identity?: string;
  startTime: number;
  closeTime: number;
  total: number;
  completed: number;
  failed: number;
}

/**
 * Batch records ride on the store's keyed records (`{t:'sched'}`, opaque to the store, kept in the
 * checkpoint) under this key prefix, which no schedule key can have (those start with a namespace name).
 */
export const BATCH_KEY_PREFIX = '\u0001batch\u0000';
/** Batch records kept; the oldest are forgotten beyond this (Temporal drops them with retention). */
const BATCHES_KEPT = 1000;

/**
 * Batch jobs run to completion inside the request (one engine step); their records are written to the
 * store in that step, so Describe/ListBatchOperations answer across restarts.
 */
/** What a batch of ResetActivity needs from the activity layer. */
export type ActivityResetter = Pick<ActivityTasks, 'resetActivities'>;

export function operatorActionHandlers(engine: OperatorCore, activities: ActivityResetter, loaded: Record<string, unknown> = {}): Record<string, Handler> {
  const batches = new Map<string, BatchOperation>();
  const keyOf = (b: BatchOperation) => `${BATCH_KEY_PREFIX}${b.namespace}\u0000${b.jobId}`;
  for (const record of Object.values(loaded).sort((a, b) => (a as BatchOperation).startTime - (b as BatchOperation).startTime)) {
    const b = record as BatchOperation;
    batches.set(b.jobId, b);
  }
  const describe = (b: BatchOperation) => ({
    operationType: b.operationType,
    jobId: b.jobId,
    state: 'BATCH_OPERATION_STATE_COMPLETED',
    startTime: msToTimestamp(b.startTime),
    closeTime: msToTimestamp(b.closeTime),
    totalOperationCount: b.total,
    completeOperationCount: b.completed,
    failureOperationCount: b.failed,
    identity: b.identity,
    reason: b.reason,
  });
  return {
    ResetWorkflowExecution: async (req: Request<'ResetWorkflowExecution'>) => {
      const next = engine.mutate(() => resetWorkflow(engine, engine.findRun(req.namespace, req.workflowExecution), req));
      await engine.commit();
      return { runId: next.s.runId };
    },

    StartBatchOperation: async (req: Request<'StartBatchOperation'>) => {
      const ns = engine.checkNamespace(req.namespace);
      if (!req.jobId) throw invalidArgument('JobId is not set on request.');
      if (!req.reason) throw invalidArgument('Reason is not set on request.');
      if (batches.has(req.jobId)) throw invalidArgument(`Batch operation ${req.jobId} already exists.`);
      let operationType: string;
      let apply: (run: Run) => void;
      const termination = req.terminationOperation;
      const cancellation = req.cancellationOperation;
      if (termination) {
        operationType = 'BATCH_OPERATION_TYPE_TERMINATE';
        apply = (run) => engine.terminate(run, req.reason, termination.identity, termination.details);
      } else if (cancellation) {
        operationType = 'BATCH_OPERATION_TYPE_CANCEL';
        apply = (run) => engine.requestCancel(run, { reason: req.reason, identity: cancellation.identity });
      } else if (req.signalOperation) {
        const op = req.signalOperation;
        operationType = 'BATCH_OPERATION_TYPE_SIGNAL';
        apply = (run) => engine.signal(run, { signalName: op.signal, input: op.input, header: op.header, identity: op.identity });
      } else if (req.resetActivitiesOperation) {
        // After an outage: every activity of a type (or all) in the matching runs tries again now.
        const op = req.resetActivitiesOperation;
        if (!op.type && !op.matchAll) throw invalidArgument('Either activity type or match all must be provided.');
        operationType = 'BATCH_OPERATION_TYPE_RESET_ACTIVITY';
        apply = (run) => void activities.resetActivities(run, { type: op.type, matchAll: op.matchAll }, { resetAttempts: op.resetAttempts === true, resetHeartbeat: op.resetHeartbeat === true, jitterMs: durationToMs(op.jitter) });
      } else if (req.resetOperation) {
        const op = req.resetOperation;
        const options = op.options ?? {};
        const point =
          options.workflowTaskId != null ? Number(options.workflowTaskId)
          : options.firstWorkflowTask || op.resetType === 'RESET_TYPE_FIRST_WORKFLOW_TASK' ? 'first'
          : options.lastWorkflowTask || op.resetType === 'RESET_TYPE_LAST_WORKFLOW_TASK' ? 'last'
          : null;
        if (point === null) throw invalidArgument('A batch reset needs its point: the first or last workflow task, or a workflow task id (a build id is not supported).');
        operationType = 'BATCH_OPERATION_TYPE_RESET';
        apply = (run) =>
          void resetWorkflow(engine, run, {
            namespace: ns,
            workflowExecution: run.execution,
            reason: req.reason,
            workflowTaskFinishEventId: (typeof point === 'number' ? point : completedTask(engine, run, point)) as never,
            requestId: randomUUID(),
            resetReapplyType: options.resetReapplyType ?? op.resetReapplyType,
            resetReapplyExcludeTypes: options.resetReapplyExcludeTypes,
            identity: op.identity,
          });
      } else {
        throw invalidArgument('Only terminate, cancel, signal, reset and reset-activities batch operations are supported.');
      }
      let targets: Run[];
      if (req.visibilityQuery) {
        targets = matchingRuns(engine, ns, compileQuery(engine.searchAttributes, ns, req.visibilityQuery)).runs;
      } else {
        targets = (req.executions ?? []).map((e) => engine.findRun(ns, e));
      }
      const batch: BatchOperation = {
        jobId: req.jobId,
        namespace: ns,
        operationType,
        reason: req.reason,
        identity: req.terminationOperation?.identity ?? req.cancellationOperation?.identity ?? req.signalOperation?.identity ?? req.resetActivitiesOperation?.identity ?? req.resetOperation?.identity,
        startTime: engine.now(),
        closeTime: 0,
        total: 0,
        completed: 0,
        failed: 0,
      };
      engine.mutate(() => {
        for (const run of targets) {
          if (!run.running) continue;
          batch.total++;
          try {
            apply(run);
            batch.completed++;
          } catch {
            batch.failed++;
          }
        }
        batch.closeTime = engine.now();
        batches.set(batch.jobId, batch);
        engine.appendRecord({ t: 'sched', k: keyOf(batch), s: batch });
        for (const old of batches.values()) {
          if (batches.size <= BATCHES_KEPT) break;
          batches.delete(old.jobId);
          engine.appendRecord({ t: 'sched', k: keyOf(old), s: undefined });
        }
      });
      await engine.commit();
      return {};
    },

    DescribeBatchOperation: async (req: Request<'DescribeBatchOperation'>) => {
      const batch = batches.get(req.jobId ?? '');
      if (!batch || batch.namespace !== engine.checkNamespace(req.namespace)) throw notFound(`Batch operation ${req.jobId} not found.`);
      return describe(batch);
    },

    ListBatchOperations: async (req: Request<'ListBatchOperations'>) => {
      const ns = engine.checkNamespace(req.namespace);
      return {
        operationInfo: [...batches.values()]
          .filter((b) => b.namespace === ns)
          .map((b) => ({ jobId: b.jobId, state: 'BATCH_OPERATION_STATE_COMPLETED', startTime: msToTimestamp(b.startTime), closeTime: msToTimestamp(b.closeTime) })),
      };
    },
  };
}
