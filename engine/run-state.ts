// The mutable state of one workflow run. `RunState` is plain JSON (it is what
// the persistence log stores after every change); `Run` adds the history and
// the in-memory waiters that are rebuilt or dropped on restart.
import type { Deadline } from './clock';
import { msToTimestamp } from './clock';
import type { Failure, Memo, Payloads, Request, SearchAttributes, RetryPolicyProto, UpdateOutcome, UpdateRequest } from './wire';

/** What a deadline of the core's scheduler stands for: a run's timer/timeout, or a callback (sleepers, schedules). */
export type DeadlinePayload = { kind: 'run'; runKey: string; key: string } | { kind: 'sleeper'; wake: () => void };

/** An event's attributes as the engine writes them (the fields of the event type's *EventAttributes message). */
export type EventAttributes = Record<string, unknown>;

/** What a query gets back: its result or why it was refused. */
export interface QueryAnswer {
  queryResult?: unknown;
  queryRejected?: unknown;
}

/** Where one record's events live: segment, byte offset, byte length, first event id, event count. */
export type EventLocation = [segment: number, offset: number, length: number, firstEventId: number, count: number];

/** Ids of completed updates with their UpdateCompleted event id (0: rejected, no event). */
export type CompletedUpdates = Array<[updateId: string, eventId: number]>;

export type RunStatus =
  | 'RUNNING'
  | 'COMPLETED'
  | 'FAILED'
  | 'CANCELED'
  | 'TERMINATED'
  | 'CONTINUED_AS_NEW'
  | 'TIMED_OUT';

export interface HistoryEvent {
  eventId: number;
  eventTime: { seconds: number; nanos: number };
  eventType: string;
  [attributes: string]: unknown;
}

/** An event produced while a workflow task was in flight, numbered when the task ends. */
export interface BufferedEvent {
  eventType: string;
  attributes: EventAttributes;
}

export interface WorkflowTaskState {
  scheduledEventId: number;
  attempt: number;
  scheduledAt: number;
  timeoutMs: number;
  startedEventId?: number;
  startedAt?: number;
  identity?: string;
  /** Request id of the start (in the task token). */
  startRequestId?: string;
  /**
   * Scheduled only to carry update requests: its Scheduled/Started events are
   * handed to the worker but not persisted, and vanish if the worker only
   * rejects updates (Temporal's speculative workflow task). Any other event
   * makes it a normal task.
   */
  speculative?: boolean;
}

export interface ActivityState {
  scheduledEventId: number;
  activityId: string;
  activityType: string;
  taskQueue: string;
  header?: unknown;
  input?: unknown;
  retryPolicy: RetryPolicy;
  scheduleToCloseMs: number;
  scheduleToStartMs: number;
  startToCloseMs: number;
  heartbeatMs: number;
  scheduledAt: number;
  attempt: number;
  attemptScheduledAt: number;
  state: 'scheduled' | 'started' | 'backoff';
  retryAt?: number;
  startedAt?: number;
  identity?: string;
  heartbeatDetails?: Payloads;
  lastHeartbeatAt?: number;
  lastFailure?: Failure;
  cancelRequested: boolean;
  cancelRequestedEventId?: number;
  /**
   * ResetActivity asked for the next attempt to start without backoff (or
   * within `jitterMs`), as attempt 1 when `attempts` (the default). Set while
   * an attempt runs (that attempt runs on) or while a jittered start waits.
   */
  resetPending?: { jitterMs: number; attempts: boolean };
  /** How many times the attempts were reset: part of each task token, so an answer to an attempt from before a reset is refused. */
  resets?: number;
}

export interface RetryPolicy {
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
  maximumAttempts: number;
  nonRetryableErrorTypes: string[];
}

export interface TimerState {
  timerId: string;
  startedEventId: number;
  firesAt: number;
}

export interface ChildState {
  initiatedEventId: number;
  namespace: string;
  workflowId: string;
  workflowType: string;
  runId?: string;
  startedEventId?: number;
  parentClosePolicy: string;
}

/** An update not yet completed (completed ones leave the state: their ids go to `Run.completedUpdates`). */
export interface UpdateState {
  updateId: string;
  request: UpdateRequest | undefined;
  stage: 'admitted' | 'accepted' | 'completed';
  /** Scheduled-event id of the workflow task that carried the request, while unanswered. */
  deliveredInTask?: number;
  acceptedEventId?: number;
  outcome?: UpdateOutcome;
}

export interface ParentRef {
  namespace: string;
  workflowId: string;
  runId: string;
  initiatedEventId: number;
}

export interface RunState {
  namespace: string;
  workflowId: string;
  runId: string;
  firstExecutionRunId: string;
  /** Creation order; the newest run of a workflow id is its current run. */
  seq: number;
  workflowType: string;
  taskQueue: string;
  status: RunStatus;
  startTime: number;
  executionTime: number;
  closeTime?: number;
  startRequestId: string;
  /** Recent request ids of signals and cancellations, for idempotent retries. */
  requestIds: string[];
  attempt: number;
  retryPolicy?: RetryPolicyProto;
  cronSchedule?: string;
  memo?: Memo;
  searchAttributes?: SearchAttributes;
  executionTimeoutMs: number;
  runTimeoutMs: number;
  taskTimeoutMs: number;
  executionExpiresAt?: number;
  runExpiresAt?: number;
  startDelayUntil?: number;
  parent?: ParentRef;
  parentClosePolicyApplied?: boolean;
  nextEventId: number;
  /** Started-event id of the last completed workflow task (the sticky history starts after it). */
  lastCompletedStartedEventId: number;
  wft?: WorkflowTaskState;
  /** Attempt number for the next workflow task after failures/timeouts. */
  wftFailures: number;
  sticky?: { queue: string; timeoutMs: number };
  buffered: BufferedEvent[];
  activities: Record<string, ActivityState>;
  timers: Record<string, TimerState>;
  children: Record<string, ChildState>;
  updates: Record<string, UpdateState>;
  cancelRequested: boolean;
  closeEventId?: number;
  newExecutionRunId?: string;
  historySizeBytes: number;
}

export interface PendingQuery {
  id: string;
  request: Request<'QueryWorkflow'>;
  resolve: (response: QueryAnswer) => void;
  reject: (error: Error) => void;
}

export function runKey(namespace: string, workflowId: string, runId: string): string {
  return `${namespace}\u0000${workflowId}\u0000${runId}`;
}

export function workflowKey(namespace: string, workflowId: string): string {
  return `${namespace}\u0000${workflowId}`;
}

/** Attribute field names by event type: computed once each (every append names one). */
const attributeFields = new Map<string, string>();

export function attributesField(eventType: string): string {
  let field = attributeFields.get(eventType);
  if (field === undefined) attributeFields.set(eventType, (field = attributesFieldOf(eventType)));
  return field;
}

function attributesFieldOf(eventType: string): string {
  const words = eventType
    .replace(/^EVENT_TYPE_/, '')
    .toLowerCase()
    .split('_');
  return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('') + 'EventAttributes';
}

/** How many rejected updates' outcomes a run keeps in memory for retried requests (they are never in history). */
const REJECTIONS_KEPT = 100;

export class Run {
  readonly key: string;
  /** Events handed to the store so far (event ids 1..persistedEvents). */
  persistedEvents: number;
  /** Where the store keeps this run's events, record by record. */
  locations: EventLocation[] = [];
  /** Events with ids 1..historyBase are not in memory (read from the store); `history[0]` is event historyBase + 1. */
  historyBase = 0;
  /** Events with ids 1..durableEvents are durable in the store (readable from it). */
  durableEvents = 0;
  /** Completed update id → its UpdateCompleted event id (0: rejected); oldest first, bounded. */
  readonly completedUpdates = new Map<string, number>();
  /** Completed update ids not yet written to the store. */
  newlyCompleted: CompletedUpdates = [];
  /** Outcomes of recent rejections (in memory only, as in Temporal). */
  readonly rejections = new Map<string, UpdateOutcome>();
  /** Bumped whenever the workflow task is (re)offered, so older queue references go stale. */
  taskDispatch = 0;
  stickyFallback: NodeJS.Timeout | undefined;
  readonly deadlines = new Map<string, Deadline<DeadlinePayload>>();
  readonly historyWaiters = new Set<() => void>();
  readonly updateWaiters = new Set<() => void>();
  /** Queries waiting for the next workflow task (strong consistency with new events). */
  pendingQueries: PendingQuery[] = [];
  /** Queries carried by the workflow task currently in flight. */
  attachedQueries = new Map<string, PendingQuery>();
  forceNewTask = false;

  constructor(
    public s: RunState,
    /** The events in memory: ids historyBase + 1 .. nextEventId - 1 (see `EventCache`). */
    public history: HistoryEvent[],
  ) {
    this.key = runKey(s.namespace, s.workflowId, s.runId);
    this.persistedEvents = history.length;
  }

  /** Records a completed update compactly: its id and, when accepted, the event holding its outcome. */
  rememberCompletedUpdate(updateId: string, eventId: number, rejection: UpdateOutcome | undefined, kept: number): void {
    this.completedUpdates.delete(updateId);
    this.completedUpdates.set(updateId, eventId);
    if (this.completedUpdates.size > kept) this.completedUpdates.delete(this.completedUpdates.keys().next().value!);
    this.newlyCompleted.push([updateId, eventId]);
    if (eventId === 0) {
      if (rejection) this.rejections.set(updateId, rejection);
      if (this.rejections.size > REJECTIONS_KEPT) this.rejections.delete(this.rejections.keys().next().value!);
    }
  }

  get running(): boolean {
    return this.s.status === 'RUNNING';
  }

  get taskInFlight(): boolean {
    return this.s.wft?.startedEventId !== undefined;
  }

  get execution(): { workflowId: string; runId: string } {
    return { workflowId: this.s.workflowId, runId: this.s.runId };
  }

  /**
   * Appends an event, or buffers it when a workflow task is in flight: the
   * worker's commands must directly follow the task's started event, so
   * anything that happens meanwhile goes after WorkflowTaskCompleted.
   */
  record(eventType: string, attributes: EventAttributes, now: number, bufferable = true): HistoryEvent | undefined {
    if (bufferable && this.taskInFlight) {
      this.s.buffered.push({ eventType, attributes });
      return undefined;
    }
    return this.append(eventType, attributes, now);
  }

  append(eventType: string, attributes: EventAttributes, now: number): HistoryEvent {
    if (this.s.wft?.speculative && eventType !== 'WORKFLOW_TASK_STARTED') this.s.wft.speculative = false;
    const event: HistoryEvent = {
      eventId: this.s.nextEventId++,
      eventTime: msToTimestamp(now),
      eventType: `EVENT_TYPE_${eventType}`,
      [attributesField(`EVENT_TYPE_${eventType}`)]: attributes,
    };
    this.history.push(event);
    return event;
  }

  /** Appends events buffered during the last workflow task; `startedEventId: -1` means "the event just before". */
  flushBuffered(now: number): number {
    const buffered = this.s.buffered;
    this.s.buffered = [];
    for (const b of buffered) {
      if (b.attributes.startedEventId === -1) b.attributes.startedEventId = this.s.nextEventId - 1;
      this.append(b.eventType, b.attributes, now);
    }
    return buffered.length;
  }

}

/** The deadlines of an activity, by key (`act:<scheduledEventId>:…`), as the core keeps them for a run. */
export function computeActivityDeadlines(a: ActivityState, into: Map<string, number>): void {
  const prefix = `act:${a.scheduledEventId}`;
  if (a.scheduleToCloseMs > 0) into.set(`${prefix}:close`, a.scheduledAt + a.scheduleToCloseMs);
  const attempt = `${prefix}:${a.attempt}`;
  if (a.state === 'scheduled' && a.scheduleToStartMs > 0) into.set(`${attempt}:start`, a.attemptScheduledAt + a.scheduleToStartMs);
  if (a.state === 'started' && a.startedAt !== undefined) {
    if (a.startToCloseMs > 0) into.set(`${attempt}:run`, a.startedAt + a.startToCloseMs);
    if (a.heartbeatMs > 0) into.set(`${attempt}:heartbeat`, (a.lastHeartbeatAt ?? a.startedAt) + a.heartbeatMs);
  }
  if (a.state === 'backoff' && a.retryAt !== undefined) into.set(`${attempt}:retry`, a.retryAt);
}
