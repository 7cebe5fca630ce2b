// Workflow tasks: handing them to pollers (with full or sticky partial
// history, queries and update requests attached), and applying what the
// worker answers: commands, protocol messages, query results, failures.
// Queries and updates ride on workflow tasks; what they are is served by
// queries.ts and updates.ts, which this layer is given (index.ts wires them).
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import type { temporal } from '@temporalio/proto';
import type { ActivityTasks } from './activity-tasks';
import { durationToMs, msToTimestamp } from './clock';
import type { Dispatch, WorkflowTaskRef } from './dispatch';
import { TERMINAL_COMMANDS, type WorkflowEngine } from './engine';
import { EngineError, invalidArgument, notFound } from './errors';
import { anyTypeName, packAny } from './proto';
import type { Queries } from './queries';
import { decideRetry, resolveRetryPolicy } from './retry';
import { runKey, type ActivityState, type BufferedEvent, type Run, type WorkflowTaskState } from './run-state';
import { decodeToken, encodeToken, type TaskToken } from './task-tokens';
import type { Updates } from './updates';
import type { Command, Failure, Payload, ProtocolMessage, Request } from './wire';

type CommandAttributes<K extends keyof temporal.api.command.v1.ICommand> = NonNullable<Command[K]>;
type Response = Record<string, unknown>;

/**
 * Activities handed over in one workflow task's answer at most (Temporal's
 * default limit); more are offered to pollers. The SDK asks for at most 3.
 */
const MAX_EAGER_ACTIVITIES = 8;

/** What workflow tasks need from the core: the runs, and the lifecycle the worker's commands drive. */
export type WorkflowTaskCore = Pick<
  WorkflowEngine,
  | 'runs'
  | 'currentRuns'
  | 'logger'
  | 'now'
  | 'touch'
  | 'events'
  | 'setSticky'
  | 'scheduleTask'
  | 'afterTaskLost'
  | 'closeRun'
  | 'startWorkflow'
  | 'signal'
  | 'requestCancel'
  | 'retryRun'
>;

/**
 * A timer that came due while the task was in flight has left `timers` and
 * waits, as a buffered TimerFired, to be appended after the task completes.
 * If the worker cancelled it in that task, it must read as cancelled: the
 * worker has forgotten the timer, and the SDK fails every later task on a
 * TimerFired for a timer it cancelled ("TimerMachine in state
 * CancelTimerCommandSent says the transition is invalid"). The Temporal
 * server does the same (mutable state checkAndClearTimerFiredEvent).
 * Returns the timer's started event id, or undefined when nothing fired.
 */
function takeBufferedTimerFired(run: Run, timerId: string): number | undefined {
  const i = run.s.buffered.findIndex((b) => b.eventType === 'TIMER_FIRED' && b.attributes.timerId === timerId);
  if (i < 0) return undefined;
  const [fired] = run.s.buffered.splice(i, 1);
  return fired!.attributes.startedEventId as number;
}

/** Buffered events the worker has not seen and does not cancel in `commands`. */
function unseenAfterCancels(run: Run, commands: Command[]): BufferedEvent[] {
  const cancelled = new Set(
    commands.filter((c) => c.commandType === 'COMMAND_TYPE_CANCEL_TIMER').map((c) => c.cancelTimerCommandAttributes?.timerId),
  );
  return run.s.buffered.filter((b) => !(b.eventType === 'TIMER_FIRED' && cancelled.has(b.attributes.timerId as string)));
}

function validateCommands(commands: Command[], messages: ProtocolMessage[]): { cause: string; message: string } | undefined {
  const messageIds = new Set(messages.map((m) => m.id));
  for (const c of commands) {
    const bad = (what: string, message: string) => ({ cause: `WORKFLOW_TASK_FAILED_CAUSE_BAD_${what}_ATTRIBUTES`, message });
    switch (c.commandType) {
      case 'COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK': {
        const a = c.scheduleActivityTaskCommandAttributes;
        if (!a?.activityId) return bad('SCHEDULE_ACTIVITY', 'ActivityId is not set on command.');
        if (!a.activityType?.name) return bad('SCHEDULE_ACTIVITY', 'ActivityType is not set on command.');
        if (!durationToMs(a.startToCloseTimeout) && !durationToMs(a.scheduleToCloseTimeout)) {
          return bad('SCHEDULE_ACTIVITY', 'A valid StartToClose or ScheduleToCloseTimeout is not set on command.');
        }
        break;
      }
      case 'COMMAND_TYPE_START_TIMER':
        if (!c.startTimerCommandAttributes?.timerId) return bad('START_TIMER', 'TimerId is not set on command.');
        break;
      case 'COMMAND_TYPE_START_CHILD_WORKFLOW_EXECUTION': {
        const a = c.startChildWorkflowExecutionCommandAttributes;
        if (!a?.workflowId) return bad('START_CHILD_EXECUTION', 'Required field WorkflowId is not set.');
        if (!a.workflowType?.name) return bad('START_CHILD_EXECUTION', 'Required field WorkflowType is not set.');
        break;
      }
      case 'COMMAND_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION':
        if (!c.signalExternalWorkflowExecutionCommandAttributes?.execution?.workflowId) {
          return bad('SIGNAL_WORKFLOW_EXECUTION', 'WorkflowId is not set on command.');
        }
        break;
      case 'COMMAND_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION':
        if (!c.requestCancelExternalWorkflowExecutionCommandAttributes?.workflowId) {
          return bad('REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION', 'WorkflowId is not set on command.');
        }
        break;
      case 'COMMAND_TYPE_PROTOCOL_MESSAGE':
        if (!messageIds.has(c.protocolMessageCommandAttributes?.messageId)) {
          return { cause: 'WORKFLOW_TASK_FAILED_CAUSE_BAD_UPDATE_WORKFLOW_EXECUTION_MESSAGE', message: 'protocol message not found' };
        }
        break;
      case 'COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION':
      case 'COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION':
      case 'COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION':
      case 'COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION':
      case 'COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK':
      case 'COMMAND_TYPE_CANCEL_TIMER':
      case 'COMMAND_TYPE_RECORD_MARKER':
      case 'COMMAND_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES':
      case 'COMMAND_TYPE_MODIFY_WORKFLOW_PROPERTIES':
        break;
      default:
        return { cause: 'WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND', message: `unsupported command ${c.commandType}` };
    }
  }
  return undefined;
}

interface CommandContext {
  core: WorkflowTaskCore;
  activities: Pick<ActivityTasks, 'scheduleActivity' | 'requestCancelActivity'>;
  updates: Pick<Updates, 'applyMessage'>;
  run: Run;
  /** Activities the worker asked to run itself (request_eager_execution), scheduled in this task and not offered to pollers. */
  eager: ActivityState[];
  completedEventId: number;
  identity: string | undefined;
  messages: Map<string, ProtocolMessage>;
  needsTask: boolean;
  /**
   * The workflow's "now" in this task: the WorkflowTaskStarted event's time,
   * from which the SDK's Date.now() reads. A timer counts from it, so a
   * workflow that sleeps until an instant wakes at that instant, not later
   * by however long the worker took over the task (Temporal counts from the
   * completion; under time skipping that smeared one deadline over as many
   * instants as workflows waited for it, each skipped to separately).
   */
  taskStartedAt: number;
}

function applyCommand(ctx: CommandContext, command: Command): void {
  const { core, run, completedEventId } = ctx;
  const now = core.now();
  switch (command.commandType) {
    case 'COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK':
    {
      // validateCommands checked every command's attributes.
      const a = command.scheduleActivityTaskCommandAttributes!;
      // Eager only on the workflow's own queue, whose worker sent this task (as Temporal): another queue's workers must poll for it.
      const eager = !!a.requestEagerExecution && (a.taskQueue?.name || run.s.taskQueue) === run.s.taskQueue && ctx.eager.length < MAX_EAGER_ACTIVITIES;
      const activity = ctx.activities.scheduleActivity(run, a, completedEventId, eager);
      if (eager) ctx.eager.push(activity);
      break;
    }
    case 'COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK':
      if (ctx.activities.requestCancelActivity(run, command.requestCancelActivityTaskCommandAttributes?.scheduledEventId ?? 0, completedEventId)) {
        ctx.needsTask = true;
      }
      break;
    case 'COMMAND_TYPE_START_TIMER': {
      const a = command.startTimerCommandAttributes!;
      const event = run.append(
        'TIMER_STARTED',
        { timerId: a.timerId, startToFireTimeout: a.startToFireTimeout, workflowTaskCompletedEventId: completedEventId },
        now,
      );
      run.s.timers[a.timerId!] = { timerId: a.timerId!, startedEventId: event.eventId, firesAt: ctx.taskStartedAt + durationToMs(a.startToFireTimeout) };
      break;
    }
    case 'COMMAND_TYPE_CANCEL_TIMER': {
      const timerId = command.cancelTimerCommandAttributes?.timerId ?? '';
      const startedEventId = run.s.timers[timerId]?.startedEventId ?? takeBufferedTimerFired(run, timerId);
      if (startedEventId === undefined) break;
      delete run.s.timers[timerId];
      run.append(
        'TIMER_CANCELED',
        { timerId, startedEventId, workflowTaskCompletedEventId: completedEventId, identity: ctx.identity },
        now,
      );
      break;
    }
    case 'COMMAND_TYPE_RECORD_MARKER': {
      const a = command.recordMarkerCommandAttributes ?? {};
      run.append(
        'MARKER_RECORDED',
        { markerName: a.markerName, details: a.details, header: a.header, failure: a.failure, workflowTaskCompletedEventId: completedEventId },
        now,
      );
      break;
    }
    case 'COMMAND_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES': {
      const a = command.upsertWorkflowSearchAttributesCommandAttributes ?? {};
      const fields = a.searchAttributes?.indexedFields ?? {};
      const merged = { ...(run.s.searchAttributes?.indexedFields ?? {}) } as Record<string, Payload | undefined>;
      for (const [k, v] of Object.entries(fields)) {
        if (isEmptyPayload(v)) delete merged[k];
        else merged[k] = v;
      }
      run.s.searchAttributes = { indexedFields: merged };
      run.append('UPSERT_WORKFLOW_SEARCH_ATTRIBUTES', { workflowTaskCompletedEventId: completedEventId, searchAttributes: a.searchAttributes }, now);
      break;
    }
    case 'COMMAND_TYPE_MODIFY_WORKFLOW_PROPERTIES': {
      const a = command.modifyWorkflowPropertiesCommandAttributes ?? {};
      const merged = { ...(run.s.memo?.fields ?? {}) } as Record<string, Payload | undefined>;
      for (const [k, v] of Object.entries(a.upsertedMemo?.fields ?? {})) {
        if (isEmptyPayload(v)) delete merged[k];
        else merged[k] = v;
      }
      run.s.memo = { fields: merged };
      run.append('WORKFLOW_PROPERTIES_MODIFIED', { workflowTaskCompletedEventId: completedEventId, upsertedMemo: a.upsertedMemo }, now);
      break;
    }
    case 'COMMAND_TYPE_PROTOCOL_MESSAGE': {
      const id = command.protocolMessageCommandAttributes?.messageId ?? '';
      const message = ctx.messages.get(id);
      if (message) applyMessage(ctx, message);
      break;
    }
    case 'COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION': {
      const a = command.completeWorkflowExecutionCommandAttributes ?? {};
      const event = run.append('WORKFLOW_EXECUTION_COMPLETED', { result: a.result, workflowTaskCompletedEventId: completedEventId }, now);
      core.closeRun(run, 'COMPLETED', event);
      break;
    }
    case 'COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION': {
      const failure = command.failWorkflowExecutionCommandAttributes?.failure;
      const expiresAt = run.s.executionExpiresAt ?? 0;
      const decision = run.s.retryPolicy
        ? decideRetry(resolveRetryPolicy(run.s.retryPolicy), run.s.attempt, failure, now, expiresAt)
        : { retry: false as const, retryState: 'RETRY_STATE_RETRY_POLICY_NOT_SET' };
      if (decision.retry) {
        const newRunId = core.retryRun(run, decision.delayMs, failure);
        const event = run.append(
          'WORKFLOW_EXECUTION_FAILED',
          { failure, retryState: 'RETRY_STATE_IN_PROGRESS', workflowTaskCompletedEventId: completedEventId, newExecutionRunId: newRunId },
          now,
        );
        core.closeRun(run, 'FAILED', event, newRunId);
      } else {
        const event = run.append(
          'WORKFLOW_EXECUTION_FAILED',
          { failure, retryState: decision.retryState, workflowTaskCompletedEventId: completedEventId },
          now,
        );
        core.closeRun(run, 'FAILED', event);
      }
      break;
    }
    case 'COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION': {
      const a = command.cancelWorkflowExecutionCommandAttributes ?? {};
      const event = run.append('WORKFLOW_EXECUTION_CANCELED', { details: a.details, workflowTaskCompletedEventId: completedEventId }, now);
      core.closeRun(run, 'CANCELED', event);
      break;
    }
    case 'COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION':
      continueAsNew(ctx, command.continueAsNewWorkflowExecutionCommandAttributes ?? {});
      break;
    case 'COMMAND_TYPE_START_CHILD_WORKFLOW_EXECUTION':
      startChild(ctx, command.startChildWorkflowExecutionCommandAttributes!);
      break;
    case 'COMMAND_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION':
      signalExternal(ctx, command.signalExternalWorkflowExecutionCommandAttributes!);
      break;
    case 'COMMAND_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION':
      cancelExternal(ctx, command.requestCancelExternalWorkflowExecutionCommandAttributes!);
      break;
  }
}

function isEmptyPayload(value: Payload | undefined): boolean {
  return !value || ((!value.data || value.data.length === 0) && !value.metadata);
}

function continueAsNew(ctx: CommandContext, a: CommandAttributes<'continueAsNewWorkflowExecutionCommandAttributes'>): void {
  const { core, run, completedEventId } = ctx;
  const now = core.now();
  const { run: next } = core.startWorkflow(
    {
      namespace: run.s.namespace,
      workflowId: run.s.workflowId,
      workflowType: a.workflowType?.name ? a.workflowType : { name: run.s.workflowType },
      taskQueue: a.taskQueue?.name ? a.taskQueue : { name: run.s.taskQueue },
      input: a.input,
      header: a.header,
      workflowRunTimeout: a.workflowRunTimeout ?? { seconds: Math.floor(run.s.runTimeoutMs / 1000) },
      workflowTaskTimeout: a.workflowTaskTimeout ?? { seconds: Math.floor(run.s.taskTimeoutMs / 1000) },
      memo: a.memo ?? run.s.memo,
      searchAttributes: a.searchAttributes ?? run.s.searchAttributes,
      retryPolicy: a.retryPolicy ?? run.s.retryPolicy,
      requestId: randomUUID(),
      identity: ctx.identity,
    },
    { continuedFrom: run, continueAsNew: a },
  );
  const event = run.append(
    'WORKFLOW_EXECUTION_CONTINUED_AS_NEW',
    {
      newExecutionRunId: next.s.runId,
      workflowType: { name: next.s.workflowType },
      taskQueue: { name: next.s.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
      input: a.input,
      header: a.header,
      workflowRunTimeout: a.workflowRunTimeout,
      workflowTaskTimeout: a.workflowTaskTimeout,
      workflowTaskCompletedEventId: completedEventId,
      backoffStartInterval: a.backoffStartInterval,
      initiator: a.initiator,
      failure: a.failure,
      lastCompletionResult: a.lastCompletionResult,
    },
    now,
  );
  core.closeRun(run, 'CONTINUED_AS_NEW', event, next.s.runId);
}

function startChild(ctx: CommandContext, a: CommandAttributes<'startChildWorkflowExecutionCommandAttributes'>): void {
  const { core, run, completedEventId } = ctx;
  const now = core.now();
  const namespace = a.namespace || run.s.namespace;
  const taskQueue = a.taskQueue?.name ? a.taskQueue : { name: run.s.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' };
  const initiated = run.append(
    'START_CHILD_WORKFLOW_EXECUTION_INITIATED',
    { ...a, namespace, taskQueue, workflowTaskCompletedEventId: completedEventId },
    now,
  );
  const child = {
    initiatedEventId: initiated.eventId,
    namespace,
    workflowId: a.workflowId,
    workflowType: a.workflowType?.name ?? '',
    parentClosePolicy: a.parentClosePolicy ?? 'PARENT_CLOSE_POLICY_TERMINATE',
  } as Run['s']['children'][string];
  run.s.children[initiated.eventId] = child;
  ctx.needsTask = true;
  try {
    const { run: childRun } = core.startWorkflow(
      { ...a, namespace, taskQueue, requestId: randomUUID(), identity: ctx.identity, workflowIdConflictPolicy: undefined },
      { parent: { namespace: run.s.namespace, workflowId: run.s.workflowId, runId: run.s.runId, initiatedEventId: initiated.eventId } },
    );
    child.runId = childRun.s.runId;
    const started = run.record(
      'CHILD_WORKFLOW_EXECUTION_STARTED',
      { namespace, initiatedEventId: initiated.eventId, workflowExecution: childRun.execution, workflowType: a.workflowType, header: a.header },
      core.now(),
    );
    child.startedEventId = started?.eventId;
  } catch (error) {
    if (!(error instanceof EngineError) || error.code !== grpc.status.ALREADY_EXISTS) throw error;
    delete run.s.children[initiated.eventId];
    run.record(
      'START_CHILD_WORKFLOW_EXECUTION_FAILED',
      {
        namespace,
        workflowId: a.workflowId,
        workflowType: a.workflowType,
        cause: 'START_CHILD_WORKFLOW_EXECUTION_FAILED_CAUSE_WORKFLOW_ALREADY_EXISTS',
        control: a.control,
        initiatedEventId: initiated.eventId,
        workflowTaskCompletedEventId: completedEventId,
      },
      core.now(),
    );
  }
}

function signalExternal(ctx: CommandContext, a: CommandAttributes<'signalExternalWorkflowExecutionCommandAttributes'>): void {
  const { core, run, completedEventId } = ctx;
  const namespace = a.namespace || run.s.namespace;
  const execution = { workflowId: a.execution?.workflowId ?? '', runId: a.execution?.runId || undefined };
  const initiated = run.append(
    'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED',
    {
      namespace,
      workflowExecution: a.execution,
      signalName: a.signalName,
      input: a.input,
      control: a.control,
      childWorkflowOnly: a.childWorkflowOnly,
      header: a.header,
      workflowTaskCompletedEventId: completedEventId,
    },
    core.now(),
  );
  ctx.needsTask = true;
  const target = externalTarget(core, namespace, execution.workflowId, execution.runId);
  if (target) {
    core.signal(target, { signalName: a.signalName, input: a.input, header: a.header, identity: ctx.identity });
    core.touch(target);
    run.record(
      'EXTERNAL_WORKFLOW_EXECUTION_SIGNALED',
      { initiatedEventId: initiated.eventId, namespace, workflowExecution: target.execution, control: a.control },
      core.now(),
    );
  } else {
    run.record(
      'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED',
      {
        cause: 'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND',
        initiatedEventId: initiated.eventId,
        namespace,
        workflowExecution: a.execution,
        control: a.control,
        workflowTaskCompletedEventId: completedEventId,
      },
      core.now(),
    );
  }
}

function cancelExternal(ctx: CommandContext, a: CommandAttributes<'requestCancelExternalWorkflowExecutionCommandAttributes'>): void {
  const { core, run, completedEventId } = ctx;
  const namespace = a.namespace || run.s.namespace;
  const execution = { workflowId: a.workflowId ?? '', runId: a.runId || undefined };
  const initiated = run.append(
    'REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED',
    {
      namespace,
      workflowExecution: execution,
      control: a.control,
      childWorkflowOnly: a.childWorkflowOnly,
      reason: a.reason,
      workflowTaskCompletedEventId: completedEventId,
    },
    core.now(),
  );
  ctx.needsTask = true;
  const target = externalTarget(core, namespace, execution.workflowId, execution.runId);
  if (target) {
    if (!target.s.cancelRequested) {
      core.requestCancel(target, { reason: a.reason, identity: ctx.identity }, { initiatedEventId: initiated.eventId, execution: run.execution });
      core.touch(target);
    }
    run.record(
      'EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED',
      { initiatedEventId: initiated.eventId, namespace, workflowExecution: target.execution },
      core.now(),
    );
  } else {
    run.record(
      'REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED',
      {
        cause: 'CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND',
        initiatedEventId: initiated.eventId,
        namespace,
        workflowExecution: execution,
        control: a.control,
        workflowTaskCompletedEventId: completedEventId,
      },
      core.now(),
    );
  }
}

/** Applies a protocol message once (a command may name it before the loop over the rest reaches it). */
function applyMessage(ctx: CommandContext, message: ProtocolMessage): void {
  if (!ctx.messages.delete(message.id ?? '')) return;
  ctx.updates.applyMessage(ctx.run, message);
}

function externalTarget(core: WorkflowTaskCore, namespace: string, workflowId: string, runId: string | undefined): Run | undefined {
  const target = runId
    ? core.runs.get(runKey(namespace, workflowId, runId))
    : core.currentRuns.get(`${namespace}\u0000${workflowId}`);
  return target?.running ? target : undefined;
}

export class WorkflowTasks {
  /** Told of each task handed over in a completion's answer instead of to a poller (the engine's metrics). */
  onHandover?: (taskType: 'workflow' | 'activity') => void;

  constructor(
    private readonly core: WorkflowTaskCore,
    private readonly activities: Pick<ActivityTasks, 'scheduleActivity' | 'requestCancelActivity' | 'startActivityTask'>,
    private readonly updates: Pick<Updates, 'applyMessage'>,
    private readonly queries: Pick<Queries, 'startQueryTask' | 'answerAttachedQueries' | 'dispatchPendingQueries'>,
    private readonly dispatch: Pick<Dispatch, 'dropStickyFallback' | 'hasQueryTask'>,
  ) {}

  /** Turns a queue reference into a poll response, or undefined when the reference went stale. */
  /** The run whose scheduled, not yet started workflow task `ref` names, if the reference is current. */
  private scheduledRun(ref: Extract<WorkflowTaskRef, { kind: 'task' }>): Run | undefined {
    const run = this.core.runs.get(ref.runKey);
    if (!run || !run.running || run.taskDispatch !== ref.dispatch) return undefined;
    return run.s.wft && run.s.wft.startedEventId === undefined ? run : undefined;
  }

  /** Whether a poller taking `ref` now would be handed a task (DescribeTaskQueue's backlog). */
  isCurrent(ref: WorkflowTaskRef): boolean {
    return ref.kind === 'query' ? this.dispatch.hasQueryTask(ref.queryId, ref.dispatch) : this.scheduledRun(ref) !== undefined;
  }

  startWorkflowTask(ref: WorkflowTaskRef, req: Request<'PollWorkflowTaskQueue'>, queueName: string): Response | undefined {
    if (ref.kind === 'query') return this.queries.startQueryTask(ref.queryId, ref.dispatch);
    const run = this.scheduledRun(ref);
    if (!run) return undefined;
    const wft = run.s.wft!;
    const now = this.core.now();
    const fromSticky = !!run.s.sticky && run.s.sticky.queue === queueName;
    this.dispatch.dropStickyFallback(run);
    const requestId = randomUUID();
    const started = run.append('WORKFLOW_TASK_STARTED', { scheduledEventId: wft.scheduledEventId, identity: req.identity, requestId }, now);
    wft.startRequestId = requestId;
    wft.startedEventId = started.eventId;
    wft.startedAt = now;
    wft.identity = req.identity;
    this.core.touch(run);

    const queries: Record<string, unknown> = {};
    for (const query of run.pendingQueries) {
      run.attachedQueries.set(query.id, query);
      queries[query.id] = query.request.query;
    }
    run.pendingQueries = [];

    const messages: ProtocolMessage[] = [];
    for (const update of Object.values(run.s.updates)) {
      if (update.stage !== 'admitted' || update.deliveredInTask !== undefined) continue;
      update.deliveredInTask = wft.scheduledEventId;
      messages.push({
        id: `${update.updateId}/request`,
        protocolInstanceId: update.updateId,
        eventId: wft.scheduledEventId,
        body: packAny('temporal.api.update.v1.Request', update.request ?? {}),
      });
    }

    const previousStartedEventId = run.s.lastCompletedStartedEventId;
    return {
      // The start's request id tells a discarded speculative task from a later one reusing its event ids.
      taskToken: encodeToken({ k: 'w', r: run.key, s: wft.scheduledEventId, t: started.eventId, q: requestId }),
      workflowExecution: run.execution,
      workflowType: { name: run.s.workflowType },
      previousStartedEventId,
      startedEventId: started.eventId,
      attempt: wft.attempt,
      // A sticky worker holds the state up to its previous task and needs only what came after.
      history: { events: this.core.events(run, fromSticky ? previousStartedEventId + 1 : 1, run.s.nextEventId) },
      workflowExecutionTaskQueue: { name: run.s.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
      scheduledTime: msToTimestamp(wft.scheduledAt),
      startedTime: msToTimestamp(now),
      queries,
      messages,
    };
  }

  private runForTaskToken(tokenBytes: Buffer | undefined): { run: Run; token: Extract<TaskToken, { k: 'w' }> } {
    const token = decodeToken(tokenBytes, 'w');
    const run = this.core.runs.get(token.r);
    const wft = run?.s.wft;
    if (
      !run ||
      !run.running ||
      !wft ||
      wft.scheduledEventId !== token.s ||
      wft.startedEventId !== token.t ||
      (token.q !== undefined && wft.startRequestId !== undefined && wft.startRequestId !== token.q)
    ) {
      throw notFound('Workflow task not found.');
    }
    return { run, token };
  }

  completeWorkflowTask(req: Request<'RespondWorkflowTaskCompleted'>): Response {
    const { run } = this.runForTaskToken(req.taskToken);
    const wft = run.s.wft!;
    const commands: Command[] = req.commands ?? [];
    const now = this.core.now();

    const problem = validateCommands(commands, req.messages ?? []);
    if (problem) {
      this.failTask(run, problem.cause, { message: problem.message }, req.identity);
      throw invalidArgument(problem.message);
    }

    this.queries.answerAttachedQueries(run, req.queryResults);

    const closes = commands.some((c) => TERMINAL_COMMANDS.has(c.commandType ?? ''));
    if (closes && unseenAfterCancels(run, commands).length > 0) {
      // New input arrived while the worker decided to close: it must see it first.
      this.failTask(run, 'WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND', undefined, req.identity, false);
      return {};
    }

    const messages: ProtocolMessage[] = req.messages ?? [];
    if (
      wft.speculative &&
      commands.length === 0 &&
      run.s.buffered.length === 0 &&
      !req.forceCreateNewWorkflowTask &&
      messages.every((m) => anyTypeName(m.body) === 'temporal.api.update.v1.Rejection')
    ) {
      const resetTo = run.s.lastCompletedStartedEventId;
      this.rollBackSpeculativeTask(run, req, messages);
      // The worker rolls its state back to the last real task.
      return { resetHistoryEventId: resetTo };
    }

    this.core.setSticky(run, req.stickyAttributes);
    run.s.wft = undefined;
    const completed = run.append(
      'WORKFLOW_TASK_COMPLETED',
      {
        scheduledEventId: wft.scheduledEventId,
        startedEventId: wft.startedEventId,
        identity: req.identity,
        binaryChecksum: req.binaryChecksum,
        workerVersion: req.workerVersionStamp,
        sdkMetadata: req.sdkMetadata,
        meteringMetadata: req.meteringMetadata,
        deployment: req.deployment,
        versioningBehavior: req.versioningBehavior,
      },
      now,
    );
    run.s.lastCompletedStartedEventId = wft.startedEventId!;
    run.s.wftFailures = 0;
    this.core.touch(run);

    const context: CommandContext = {
      core: this.core,
      activities: this.activities,
      updates: this.updates,
      run,
      completedEventId: completed.eventId,
      identity: req.identity,
      messages: new Map((req.messages ?? []).map((m) => [m.id ?? '', m])),
      needsTask: false,
      eager: [],
      taskStartedAt: wft.startedAt ?? now,
    };
    for (const command of commands) {
      if (!run.running) break;
      applyCommand(context, command);
    }
    for (const message of context.messages.values()) applyMessage(context, message);

    if (run.running) {
      if (run.flushBuffered(this.core.now()) > 0) context.needsTask = true;
      for (const update of Object.values(run.s.updates)) {
        if (update.stage === 'admitted') {
          update.deliveredInTask = undefined;
          context.needsTask = true;
        }
      }
      if (context.needsTask || req.forceCreateNewWorkflowTask) this.core.scheduleTask(run);
      if (!run.s.wft) this.queries.dispatchPendingQueries(run);
    }
    // What the worker asked to be handed at once, as Temporal does: the
    // activities it reserved slots for, started for it (the pollers never saw
    // them), and the run's next workflow task when one is due already (a
    // signal or update that came in meanwhile; the worker holds the run, so
    // the task carries only the new events). Each saves a poll's round trip
    // and its commit. Lost with the answer, both are recovered as tasks a
    // worker took and never answered: by their start-to-close timeouts.
    const activityTasks: Response[] = [];
    for (const activity of context.eager) {
      const task = run.running ? this.activities.startActivityTask({ runKey: run.key, scheduledEventId: activity.scheduledEventId, attempt: activity.attempt }, req) : undefined;
      if (task) {
        activityTasks.push(task);
        this.onHandover?.('activity');
      }
    }
    // The completion cleared the task above; scheduleTask may have set the next one since.
    const due = run.s.wft as WorkflowTaskState | undefined;
    const next =
      req.returnNewWorkflowTask && run.running && due && due.startedEventId === undefined
        ? this.startWorkflowTask({ kind: 'task', runKey: run.key, dispatch: run.taskDispatch }, req, run.s.sticky?.queue ?? run.s.taskQueue)
        : undefined;
    if (next) this.onHandover?.('workflow');
    return { ...(activityTasks.length > 0 ? { activityTasks } : {}), ...(next ? { workflowTask: next } : {}) };
  }

  /**
   * The worker only rejected updates: the task's Scheduled/Started events are
   * dropped (they were never persisted) and the history is as before the
   * updates arrived, as on Temporal.
   */
  private rollBackSpeculativeTask(run: Run, req: Request<'RespondWorkflowTaskCompleted'>, messages: ProtocolMessage[]): void {
    const wft = run.s.wft!;
    this.core.setSticky(run, req.stickyAttributes);
    run.s.wft = undefined;
    run.history.length = wft.scheduledEventId - 1 - run.historyBase;
    run.s.nextEventId = wft.scheduledEventId;
    run.s.wftFailures = 0;
    const context: CommandContext = {
      core: this.core,
      activities: this.activities,
      updates: this.updates,
      run,
      completedEventId: 0,
      identity: req.identity,
      messages: new Map(messages.map((m) => [m.id ?? '', m])),
      needsTask: false,
      eager: [],
      taskStartedAt: wft.startedAt ?? this.core.now(),
    };
    for (const message of messages) applyMessage(context, message);
    this.core.touch(run);
    if (Object.values(run.s.updates).some((u) => u.stage === 'admitted')) {
      for (const update of Object.values(run.s.updates)) update.deliveredInTask = undefined;
      this.core.scheduleTask(run, true);
    }
    if (!run.s.wft) this.queries.dispatchPendingQueries(run);
  }

  failWorkflowTask(req: Request<'RespondWorkflowTaskFailed'>): Response {
    const { run } = this.runForTaskToken(req.taskToken);
    // Worth a warning: the SDK reports only the first failure of a run's task
    // (later attempts just time out), so this line is all that tells a wedged
    // workflow from a slow one.
    this.core.logger.warn(
      { workflowId: run.s.workflowId, runId: run.s.runId, attempt: run.s.wft?.attempt, cause: req.cause, failure: req.failure?.message },
      'workflow task failed',
    );
    this.failTask(run, req.cause || 'WORKFLOW_TASK_FAILED_CAUSE_UNSPECIFIED', req.failure, req.identity);
    return {};
  }

  private failTask(run: Run, cause: string, failure: Failure | undefined, identity: string | undefined, countsAsFailure = true): void {
    const wft = run.s.wft!;
    run.s.wft = undefined;
    run.append(
      'WORKFLOW_TASK_FAILED',
      { scheduledEventId: wft.scheduledEventId, startedEventId: wft.startedEventId, cause, failure, identity },
      this.core.now(),
    );
    if (!countsAsFailure) run.s.wftFailures--;
    this.core.afterTaskLost(run);
  }

}
