// Activities: scheduling, hand-out to pollers, results, heartbeats, retries
// and the four timeouts. Retried attempts write no history: only the final
// outcome appears, as ActivityTaskStarted (with the attempt count) followed by
// the outcome event, as Temporal does.
import { randomUUID } from 'node:crypto';
import { durationToMs, msToDuration, msToTimestamp } from './clock';
import type { ActivityTaskRef, WorkflowEngine } from './engine';
import { invalidArgument, notFound } from './errors';
import { decideRetry, resolveRetryPolicy, retryPolicyToProto } from './retry';
import type { ActivityState, EventAttributes, Run } from './run-state';
import type { Failure, Payloads, Request, Wire } from './wire';
import type { temporal } from '@temporalio/proto';

export type ScheduleActivityAttributes = Wire<temporal.api.command.v1.IScheduleActivityTaskCommandAttributes>;
import { decodeToken, encodeToken } from './task-tokens';

export function scheduleActivity(engine: WorkflowEngine, run: Run, a: ScheduleActivityAttributes, completedEventId: number): void {
  const now = engine.now();
  const retryPolicy = resolveRetryPolicy(a.retryPolicy);
  const runRemaining = run.s.runExpiresAt ? Math.max(0, run.s.runExpiresAt - now) : 0;
  const scheduleToCloseMs = durationToMs(a.scheduleToCloseTimeout) || runRemaining;
  const startToCloseMs = durationToMs(a.startToCloseTimeout) || scheduleToCloseMs;
  const scheduleToStartMs = durationToMs(a.scheduleToStartTimeout) || scheduleToCloseMs;
  const heartbeatMs = durationToMs(a.heartbeatTimeout);
  const taskQueue = a.taskQueue?.name || run.s.taskQueue;
  const event = run.append(
    'ACTIVITY_TASK_SCHEDULED',
    {
      activityId: a.activityId,
      activityType: a.activityType,
      taskQueue: { name: taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
      header: a.header,
      input: a.input,
      scheduleToCloseTimeout: msToDuration(scheduleToCloseMs),
      scheduleToStartTimeout: msToDuration(scheduleToStartMs),
      startToCloseTimeout: msToDuration(startToCloseMs),
      heartbeatTimeout: msToDuration(heartbeatMs),
      workflowTaskCompletedEventId: completedEventId,
      retryPolicy: retryPolicyToProto(retryPolicy),
      priority: a.priority,
    },
    now,
  );
  const activity: ActivityState = {
    scheduledEventId: event.eventId,
    activityId: a.activityId ?? '',
    activityType: a.activityType?.name ?? '',
    taskQueue,
    header: a.header,
    input: a.input,
    retryPolicy,
    scheduleToCloseMs,
    scheduleToStartMs,
    startToCloseMs,
    heartbeatMs,
    scheduledAt: now,
    attempt: 1,
    attemptScheduledAt: now,
    state: 'scheduled',
    cancelRequested: false,
  };
  run.s.activities[event.eventId] = activity;
  offer(engine, run, activity);
}

function offer(engine: WorkflowEngine, run: Run, activity: ActivityState): void {
  engine.activityQueues
    .get(run.s.namespace, 'activity', activity.taskQueue)
    .offer({ runKey: run.key, scheduledEventId: activity.scheduledEventId, attempt: activity.attempt });
}

/** Returns whether the cancellation resolved at once (so the workflow needs a new task). */
export function requestCancelActivity(engine: WorkflowEngine, run: Run, scheduledEventId: number, completedEventId: number): boolean {
  const now = engine.now();
  const requested = run.append(
    'ACTIVITY_TASK_CANCEL_REQUESTED',
    { scheduledEventId, workflowTaskCompletedEventId: completedEventId },
    now,
  );
  const activity = run.s.activities[scheduledEventId];
  if (!activity) return false;
  if (activity.state !== 'started') {
    // Not running anywhere: nothing to wait for.
    delete run.s.activities[scheduledEventId];
    run.append(
      'ACTIVITY_TASK_CANCELED',
      { scheduledEventId, startedEventId: 0, latestCancelRequestedEventId: requested.eventId },
      now,
    );
    return true;
  }
  activity.cancelRequested = true;
  activity.cancelRequestedEventId = requested.eventId;
  return false;
}

export function startActivityTask(engine: WorkflowEngine, ref: ActivityTaskRef, req: Request<'PollActivityTaskQueue'>): Record<string, unknown> | undefined {
  const run = engine.runs.get(ref.runKey);
  const activity = run?.s.activities[ref.scheduledEventId];
  if (!run || !run.running || !activity || activity.state !== 'scheduled' || activity.attempt !== ref.attempt) {
    return undefined;
  }
  const now = engine.now();
  activity.state = 'started';
  activity.startedAt = now;
  activity.identity = req.identity;
  engine.touch(run);
  return {
    taskToken: encodeToken({ k: 'a', r: run.key, s: activity.scheduledEventId, a: activity.attempt }),
    workflowNamespace: run.s.namespace,
    workflowType: { name: run.s.workflowType },
    workflowExecution: run.execution,
    activityType: { name: activity.activityType },
    activityId: activity.activityId,
    header: activity.header,
    input: activity.input,
    heartbeatDetails: activity.heartbeatDetails,
    scheduledTime: msToTimestamp(activity.scheduledAt),
    currentAttemptScheduledTime: msToTimestamp(activity.attemptScheduledAt),
    startedTime: msToTimestamp(now),
    attempt: activity.attempt,
    scheduleToCloseTimeout: msToDuration(activity.scheduleToCloseMs),
    startToCloseTimeout: msToDuration(activity.startToCloseMs),
    heartbeatTimeout: msToDuration(activity.heartbeatMs),
    retryPolicy: retryPolicyToProto(activity.retryPolicy),
  };
}

export interface ActivityTarget {
  run: Run;
  activity: ActivityState;
}

export function activityByToken(engine: WorkflowEngine, tokenBytes: Buffer | undefined): ActivityTarget {
  const token = decodeToken(tokenBytes, 'a');
  const run = engine.runs.get(token.r);
  const activity = run?.s.activities[token.s];
  if (!run || !run.running || !activity || activity.attempt !== token.a || activity.state !== 'started') {
    throw notFound('activity task not found');
  }
  return { run, activity };
}

export function activityById(
  engine: WorkflowEngine,
  req: { namespace?: string; workflowId?: string; runId?: string; activityId?: string; identity?: string },
): ActivityTarget {
  if (!req.activityId) throw invalidArgument('ActivityId is not set on request.');
  const run = engine.findRun(req.namespace, { workflowId: req.workflowId, runId: req.runId });
  const activity = Object.values(run.s.activities).find((a) => a.activityId === req.activityId);
  if (!run.running || !activity || activity.state === 'backoff') throw notFound('activity task not found');
  if (activity.state === 'scheduled') {
    activity.state = 'started';
    activity.startedAt = engine.now();
    activity.identity = req.identity;
  }
  return { run, activity };
}

/** Writes the final outcome of an activity: its started event (attempt count included) and the outcome. */
function recordOutcome(engine: WorkflowEngine, run: Run, activity: ActivityState, eventType: string, attributes: EventAttributes): void {
  const now = engine.now();
  delete run.s.activities[activity.scheduledEventId];
  if (activity.state === 'started') {
    const started = {
      scheduledEventId: activity.scheduledEventId,
      identity: activity.identity,
      requestId: randomUUID(),
      attempt: activity.attempt,
      lastFailure: activity.lastFailure,
    };
    if (run.taskInFlight) {
      run.s.buffered.push({ eventType: 'ACTIVITY_TASK_STARTED', attributes: started });
      run.s.buffered.push({ eventType, attributes: { ...attributes, startedEventId: -1 } });
    } else {
      const event = run.append('ACTIVITY_TASK_STARTED', started, now);
      run.append(eventType, { ...attributes, startedEventId: event.eventId }, now);
    }
  } else {
    run.record(eventType, { ...attributes, startedEventId: 0 }, now);
  }
  engine.touch(run);
  engine.needTask(run);
}

export function completeActivity(engine: WorkflowEngine, { run, activity }: ActivityTarget, req: { result?: Payloads; identity?: string }): void {
  recordOutcome(engine, run, activity, 'ACTIVITY_TASK_COMPLETED', {
    result: req.result,
    scheduledEventId: activity.scheduledEventId,
    identity: req.identity,
  });
}

export function cancelActivity(engine: WorkflowEngine, { run, activity }: ActivityTarget, req: { details?: Payloads; identity?: string }): void {
  recordOutcome(engine, run, activity, 'ACTIVITY_TASK_CANCELED', {
    details: req.details,
    latestCancelRequestedEventId: activity.cancelRequestedEventId ?? 0,
    scheduledEventId: activity.scheduledEventId,
    identity: req.identity,
  });
}

export function failActivity(
  engine: WorkflowEngine,
  target: ActivityTarget,
  req: { failure?: Failure; lastHeartbeatDetails?: Payloads; identity?: string },
): void {
  if (req.lastHeartbeatDetails) target.activity.heartbeatDetails = req.lastHeartbeatDetails;
  failAttempt(engine, target, req.failure, 'ACTIVITY_TASK_FAILED', req.identity);
}

function failAttempt(engine: WorkflowEngine, { run, activity }: ActivityTarget, failure: Failure | undefined, finalEvent: string, identity?: string): void {
  const now = engine.now();
  const expiresAt = activity.scheduleToCloseMs > 0 ? activity.scheduledAt + activity.scheduleToCloseMs : 0;
  const decision = activity.cancelRequested
    ? { retry: false as const, retryState: 'RETRY_STATE_CANCEL_REQUESTED' }
    : decideRetry(activity.retryPolicy, activity.attempt, failure, now, expiresAt);
  if (decision.retry) {
    activity.state = 'backoff';
    activity.retryAt = now + decision.delayMs;
    activity.lastFailure = failure;
    activity.startedAt = undefined;
    engine.touch(run);
    return;
  }
  const attributes: EventAttributes = { failure, scheduledEventId: activity.scheduledEventId, retryState: decision.retryState };
  if (finalEvent === 'ACTIVITY_TASK_FAILED') attributes.identity = identity;
  recordOutcome(engine, run, activity, finalEvent, attributes);
}

export function heartbeatActivity(engine: WorkflowEngine, { run, activity }: ActivityTarget, details: Payloads | undefined): { cancelRequested: boolean } {
  if (details) activity.heartbeatDetails = details;
  activity.lastHeartbeatAt = engine.now();
  engine.touch(run);
  return { cancelRequested: activity.cancelRequested };
}

// ---------------------------------------------------------------- deadlines

function timeoutFailure(kind: string, activity: ActivityState): Failure {
  return {
    message: `activity ${kind} timeout`,
    source: 'Server',
    timeoutFailureInfo: {
      timeoutType: `TIMEOUT_TYPE_${kind.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`,
      lastHeartbeatDetails: activity.heartbeatDetails,
    },
    cause: kind === 'ScheduleToClose' ? activity.lastFailure : undefined,
  };
}

/** `id` is what follows `act:` in the deadline key: `<scheduledEventId>:close` or `<scheduledEventId>:<attempt>:<kind>`. */
export function onActivityDeadline(engine: WorkflowEngine, run: Run, id: string): void {
  const parts = id.split(':');
  const activity = run.s.activities[Number(parts[0])];
  if (!activity) return;
  const target = { run, activity };
  const kind = parts[parts.length - 1];
  const final = { scheduledEventId: activity.scheduledEventId };
  switch (kind) {
    case 'close':
      recordOutcome(engine, run, activity, 'ACTIVITY_TASK_TIMED_OUT', {
        ...final,
        failure: timeoutFailure('ScheduleToClose', activity),
        retryState: 'RETRY_STATE_TIMEOUT',
      });
      break;
    case 'start':
      recordOutcome(engine, run, activity, 'ACTIVITY_TASK_TIMED_OUT', {
        ...final,
        failure: timeoutFailure('ScheduleToStart', activity),
        retryState: 'RETRY_STATE_NON_RETRYABLE_FAILURE',
      });
      break;
    case 'run':
      failAttempt(engine, target, timeoutFailure('StartToClose', activity), 'ACTIVITY_TASK_TIMED_OUT');
      break;
    case 'heartbeat':
      failAttempt(engine, target, timeoutFailure('Heartbeat', activity), 'ACTIVITY_TASK_TIMED_OUT');
      break;
    case 'retry':
      activity.state = 'scheduled';
      activity.attempt++;
      activity.attemptScheduledAt = engine.now();
      activity.retryAt = undefined;
      engine.touch(run);
      offer(engine, run, activity);
      break;
  }
}
