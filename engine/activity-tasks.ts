// Activities: scheduling, hand-out to pollers, results, heartbeats, retries
// and the four timeouts. Retried attempts write no history: only the final
// outcome appears, as ActivityTaskStarted (with the attempt count) followed by
// the outcome event, as Temporal does.
import { randomUUID } from 'node:crypto';
import { durationToMs, msToDuration, msToTimestamp } from './clock';
import type { ActivityTaskRef, Dispatch } from './dispatch';
import { invalidArgument, notFound } from './errors';
import { decideRetry, resolveRetryPolicy, retryPolicyToProto } from './retry';
import type { ActivityState, EventAttributes, Run } from './run-state';
import type { Failure, Payloads, Request, Wire } from './wire';
import type { temporal } from '@temporalio/proto';
import { decodeToken, encodeToken } from './task-tokens';

export type ScheduleActivityAttributes = Wire<temporal.api.command.v1.IScheduleActivityTaskCommandAttributes>;

/** What activity tasks need from the core. */
export interface ActivityCore {
  readonly runs: ReadonlyMap<string, Run>;
  now(): number;
  touch(run: Run): void;
  needTask(run: Run): void;
  findRun(namespace: string | undefined, execution: { workflowId?: string; runId?: string } | undefined): Run;
}

export interface ActivityTarget {
  run: Run;
  activity: ActivityState;
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

export class ActivityTasks {
  constructor(
    private readonly core: ActivityCore,
    private readonly dispatch: Pick<Dispatch, 'offerActivity'>,
  ) {}

  /**
   * Writes ActivityTaskScheduled and offers the task to the queue's pollers,
   * or, with `eager`, keeps it for the worker that scheduled it: the caller
   * then starts it at once (`startActivityTask`) and hands it over in the
   * workflow task's answer (request_eager_execution), one poll fewer.
   */
  scheduleActivity(run: Run, a: ScheduleActivityAttributes, completedEventId: number, eager = false): ActivityState {
    const now = this.core.now();
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
    if (!eager) this.dispatch.offerActivity(run, activity);
    return activity;
  }

  /** Returns whether the cancellation resolved at once (so the workflow needs a new task). */
  requestCancelActivity(run: Run, scheduledEventId: number, completedEventId: number): boolean {
    const now = this.core.now();
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

  /** The run and the scheduled attempt `ref` names, if the reference is current. */
  private scheduledAttempt(ref: ActivityTaskRef): { run: Run; activity: ActivityState } | undefined {
    const run = this.core.runs.get(ref.runKey);
    const activity = run?.s.activities[ref.scheduledEventId];
    if (!run || !run.running || !activity || activity.state !== 'scheduled' || activity.attempt !== ref.attempt) return undefined;
    return { run, activity };
  }

  /** Whether a poller taking `ref` now would be handed a task (DescribeTaskQueue's backlog). */
  isCurrent(ref: ActivityTaskRef): boolean {
    return this.scheduledAttempt(ref) !== undefined;
  }

  startActivityTask(ref: ActivityTaskRef, req: Pick<Request<'PollActivityTaskQueue'>, 'identity'>): Record<string, unknown> | undefined {
    const scheduled = this.scheduledAttempt(ref);
    if (!scheduled) return undefined;
    const { run, activity } = scheduled;
    const now = this.core.now();
    activity.state = 'started';
    activity.startedAt = now;
    activity.identity = req.identity;
    this.core.touch(run);
    return {
      taskToken: encodeToken({ k: 'a', r: run.key, s: activity.scheduledEventId, a: activity.attempt, ...(activity.resets ? { x: activity.resets } : {}) }),
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

  activityByToken(tokenBytes: Buffer | undefined): ActivityTarget {
    const token = decodeToken(tokenBytes, 'a');
    const run = this.core.runs.get(token.r);
    const activity = run?.s.activities[token.s];
    if (!run || !run.running || !activity || activity.attempt !== token.a || (activity.resets ?? 0) !== (token.x ?? 0) || activity.state !== 'started') {
      throw notFound('activity task not found');
    }
    return { run, activity };
  }

  activityById(req: { namespace?: string; workflowId?: string; runId?: string; activityId?: string; identity?: string },
  ): ActivityTarget {
    if (!req.activityId) throw invalidArgument('ActivityId is not set on request.');
    const run = this.core.findRun(req.namespace, { workflowId: req.workflowId, runId: req.runId });
    const activity = Object.values(run.s.activities).find((a) => a.activityId === req.activityId);
    if (!run.running || !activity || activity.state === 'backoff') throw notFound('activity task not found');
    if (activity.state === 'scheduled') {
      activity.state = 'started';
      activity.startedAt = this.core.now();
      activity.identity = req.identity;
    }
    return { run, activity };
  }

  /** Writes the final outcome of an activity: its started event (attempt count included) and the outcome. */
  private recordOutcome(run: Run, activity: ActivityState, eventType: string, attributes: EventAttributes): void {
    const now = this.core.now();
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
    this.core.touch(run);
    this.core.needTask(run);
  }

  completeActivity({ run, activity }: ActivityTarget, req: { result?: Payloads; identity?: string }): void {
    this.recordOutcome(run, activity, 'ACTIVITY_TASK_COMPLETED', {
      result: req.result,
      scheduledEventId: activity.scheduledEventId,
      identity: req.identity,
    });
  }

  cancelActivity({ run, activity }: ActivityTarget, req: { details?: Payloads; identity?: string }): void {
    this.recordOutcome(run, activity, 'ACTIVITY_TASK_CANCELED', {
      details: req.details,
      latestCancelRequestedEventId: activity.cancelRequestedEventId ?? 0,
      scheduledEventId: activity.scheduledEventId,
      identity: req.identity,
    });
  }

  failActivity(target: ActivityTarget,
    req: { failure?: Failure; lastHeartbeatDetails?: Payloads; identity?: string },
  ): void {
    if (req.lastHeartbeatDetails) target.activity.heartbeatDetails = req.lastHeartbeatDetails;
    this.failAttempt(target, req.failure, 'ACTIVITY_TASK_FAILED', req.identity);
  }

  private failAttempt({ run, activity }: ActivityTarget, failure: Failure | undefined, finalEvent: string, identity?: string): void {
    const now = this.core.now();
    const expiresAt = activity.scheduleToCloseMs > 0 ? activity.scheduledAt + activity.scheduleToCloseMs : 0;
    const reset = activity.resetPending;
    // After a reset the attempt that failed counts as none: the next one is attempt 1, with the policy's attempts ahead of it.
    const decision = activity.cancelRequested
      ? { retry: false as const, retryState: 'RETRY_STATE_CANCEL_REQUESTED' }
      : decideRetry(activity.retryPolicy, reset?.attempts ? 0 : activity.attempt, failure, now, expiresAt);
    if (decision.retry) {
      activity.lastFailure = failure;
      activity.startedAt = undefined;
      if (reset && reset.jitterMs === 0) {
        this.startNextAttempt(run, activity);
        return;
      }
      activity.state = 'backoff';
      activity.retryAt = now + (reset ? jitter(reset.jitterMs) : decision.delayMs);
      this.core.touch(run);
      return;
    }
    const attributes: EventAttributes = { failure, scheduledEventId: activity.scheduledEventId, retryState: decision.retryState };
    if (finalEvent === 'ACTIVITY_TASK_FAILED') attributes.identity = identity;
    this.recordOutcome(run, activity, finalEvent, attributes);
  }

  heartbeatActivity({ run, activity }: ActivityTarget, details: Payloads | undefined): { cancelRequested: boolean } {
    if (details) activity.heartbeatDetails = details;
    activity.lastHeartbeatAt = this.core.now();
    this.core.touch(run);
    return { cancelRequested: activity.cancelRequested };
  }

  /** `id` is what follows `act:` in the deadline key: `<scheduledEventId>:close` or `<scheduledEventId>:<attempt>:<kind>`. */
  onActivityDeadline(run: Run, id: string): void {
    const parts = id.split(':');
    const activity = run.s.activities[Number(parts[0])];
    if (!activity) return;
    const target = { run, activity };
    const kind = parts[parts.length - 1];
    const final = { scheduledEventId: activity.scheduledEventId };
    switch (kind) {
      case 'close':
        this.recordOutcome(run, activity, 'ACTIVITY_TASK_TIMED_OUT', {
          ...final,
          failure: timeoutFailure('ScheduleToClose', activity),
          retryState: 'RETRY_STATE_TIMEOUT',
        });
        break;
      case 'start':
        this.recordOutcome(run, activity, 'ACTIVITY_TASK_TIMED_OUT', {
          ...final,
          failure: timeoutFailure('ScheduleToStart', activity),
          retryState: 'RETRY_STATE_NON_RETRYABLE_FAILURE',
        });
        break;
      case 'run':
        this.failAttempt(target, timeoutFailure('StartToClose', activity), 'ACTIVITY_TASK_TIMED_OUT');
        break;
      case 'heartbeat':
        this.failAttempt(target, timeoutFailure('Heartbeat', activity), 'ACTIVITY_TASK_TIMED_OUT');
        break;
      case 'retry':
        this.startNextAttempt(run, activity);
        break;
    }
  }

  /** Offers the next attempt to workers: attempt 1 again after a reset, else the one after the last. */
  private startNextAttempt(run: Run, activity: ActivityState): void {
    if (activity.resetPending?.attempts) {
      activity.attempt = 1;
      activity.resets = (activity.resets ?? 0) + 1;
      activity.resetPending = undefined;
    } else {
      activity.resetPending = undefined;
      activity.attempt++;
    }
    activity.state = 'scheduled';
    activity.attemptScheduledAt = this.core.now();
    activity.retryAt = undefined;
    activity.startedAt = undefined;
    this.core.touch(run);
    this.dispatch.offerActivity(run, activity);
  }

  /**
   * ResetActivity, Temporal's activity operation (server 1.28): the attempt
   * count starts again at 1 and a retry backoff is discarded, so an activity
   * waiting out one is offered to workers now (or at a random moment within
   * `jitterMs`). A running attempt runs on; if it fails, the next attempt is
   * attempt 1 and starts at once. Timeouts per attempt count from the new
   * attempt; schedule-to-close keeps counting from the first schedule. Nothing
   * is written to history: attempts live in the run's state, as in Temporal.
   * `resetAttempts: false` (a batch may ask it) only discards the backoff:
   * the attempts count on. Returns the activities reset.
   */
  resetActivities(
    run: Run,
    select: { id?: string | null; type?: string | null; matchAll?: boolean | null },
    options: { resetHeartbeat?: boolean; jitterMs?: number; resetAttempts?: boolean },
  ): number {
    if (!run.running) throw notFound('workflow execution already completed');
    if (!select.id && !select.type && !select.matchAll) throw invalidArgument('Either activity id, activity type or match all must be provided.');
    const chosen = Object.values(run.s.activities).filter((a) => select.matchAll || (select.id ? a.activityId === select.id : a.activityType === select.type));
    if (chosen.length === 0) throw notFound(select.id ? `activity not found: ${select.id}` : `no pending activity of type ${select.type ?? ''}`);
    const jitterMs = Math.max(0, options.jitterMs ?? 0);
    const now = this.core.now();
    for (const activity of chosen) {
      if (options.resetHeartbeat) activity.heartbeatDetails = undefined;
      activity.resetPending = { jitterMs, attempts: options.resetAttempts ?? true };
      if (activity.state === 'started') continue;
      if (jitterMs > 0) {
        activity.state = 'backoff';
        activity.retryAt = now + jitter(jitterMs);
      } else {
        this.startNextAttempt(run, activity);
      }
    }
    this.core.touch(run);
    return chosen.length;
  }
}

/** A delay within [0, ms): spreads the starts of many activities reset at once. */
function jitter(ms: number): number {
  return ms > 0 ? Math.floor(Math.random() * ms) : 0;
}
