// Workflow tasks: handing them to pollers (with full or sticky partial
// history, queries and update requests attached), and applying what the
// worker answers: commands, protocol messages, query results, failures.
// Queries and updates are served here too, as they ride on workflow tasks.
import { randomUUID } from 'node:crypto';
import { durationToMs, msToTimestamp } from './clock';
import { requestCancelActivity, scheduleActivity } from './activity-tasks';
import { TERMINAL_COMMANDS, type WorkflowEngine, type WorkflowTaskRef } from './engine';
import { EngineError, invalidArgument, notFound, deadlineExceeded } from './errors';
import { anyTypeName, packAny, unpackAny } from './proto';
import { decideRetry, resolveRetryPolicy } from './retry';
import { runKey, type BufferedEvent, type PendingQuery, type Run, type UpdateState } from './run-state';
import { decodeToken, encodeToken, type TaskToken } from './task-tokens';
import * as grpc from '@grpc/grpc-js';
import type { Command, Failure, Payload, ProtocolMessage, QueryAnswerWire, Request, UpdateOutcome, WaitPolicy } from './wire';
import type { temporal } from '@temporalio/proto';
import type { QueryAnswer } from './run-state';

type CommandAttributes<K extends keyof temporal.api.command.v1.ICommand> = NonNullable<Command[K]>;
type Response = Record<string, unknown>;

// ------------------------------------------------------------------ polling

/** Turns a queue reference into a poll response, or undefined when the reference went stale. */
export function startWorkflowTask(engine: WorkflowEngine, ref: WorkflowTaskRef, req: Request<'PollWorkflowTaskQueue'>, queueName: string): Response | undefined {
  if (ref.kind === 'query') return startQueryTask(engine, ref.queryId, ref.dispatch);
  const run = engine.runs.get(ref.runKey);
  if (!run || !run.running || run.taskDispatch !== ref.dispatch) return undefined;
  const wft = run.s.wft;
  if (!wft || wft.startedEventId !== undefined) return undefined;
  const now = engine.now();
  const fromSticky = !!run.s.sticky && run.s.sticky.queue === queueName;
  if (run.stickyFallback) clearTimeout(run.stickyFallback);
  run.stickyFallback = undefined;
  const requestId = randomUUID();
  const started = run.append('WORKFLOW_TASK_STARTED', { scheduledEventId: wft.scheduledEventId, identity: req.identity, requestId }, now);
  wft.startRequestId = requestId;
  wft.startedEventId = started.eventId;
  wft.startedAt = now;
  wft.identity = req.identity;
  engine.touch(run);

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
    history: { events: engine.events(run, fromSticky ? previousStartedEventId + 1 : 1, run.s.nextEventId) },
    workflowExecutionTaskQueue: { name: run.s.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
    scheduledTime: msToTimestamp(wft.scheduledAt),
    startedTime: msToTimestamp(now),
    queries,
    messages,
  };
}

function startQueryTask(engine: WorkflowEngine, queryId: string, dispatch: number): Response | undefined {
  const task = engine.queryTasks.get(queryId);
  if (!task || task.dispatch !== dispatch) return undefined;
  if (task.fallback) clearTimeout(task.fallback);
  task.fallback = undefined;
  task.dispatch = -1;
  const run = task.run;
  return {
    taskToken: encodeToken({ k: 'q', id: queryId }),
    workflowExecution: run.execution,
    workflowType: { name: run.s.workflowType },
    previousStartedEventId: run.s.lastCompletedStartedEventId,
    startedEventId: 0,
    attempt: 1,
    // The sticky worker answers from its cached state; any other needs the whole history to rebuild it.
    history: { events: task.onSticky ? [] : engine.events(run, 1, run.s.nextEventId) },
    query: task.query.request.query,
    workflowExecutionTaskQueue: { name: run.s.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
  };
}

function runForTaskToken(engine: WorkflowEngine, tokenBytes: Buffer | undefined): { run: Run; token: Extract<TaskToken, { k: 'w' }> } {
  const token = decodeToken(tokenBytes, 'w');
  const run = engine.runs.get(token.r);
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

// --------------------------------------------------------------- completion

export function completeWorkflowTask(engine: WorkflowEngine, req: Request<'RespondWorkflowTaskCompleted'>): Response {
  const { run } = runForTaskToken(engine, req.taskToken);
  const wft = run.s.wft!;
  const commands: Command[] = req.commands ?? [];
  const now = engine.now();

  const problem = validateCommands(commands, req.messages ?? []);
  if (problem) {
    failTask(engine, run, problem.cause, { message: problem.message }, req.identity);
    throw invalidArgument(problem.message);
  }

  answerAttachedQueries(engine, run, req.queryResults);

  const closes = commands.some((c) => TERMINAL_COMMANDS.has(c.commandType ?? ''));
  if (closes && unseenAfterCancels(run, commands).length > 0) {
    // New input arrived while the worker decided to close: it must see it first.
    failTask(engine, run, 'WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND', undefined, req.identity, false);
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
    rollBackSpeculativeTask(engine, run, req, messages);
    // The worker rolls its state back to the last real task.
    return { resetHistoryEventId: resetTo };
  }

  engine.setSticky(run, req.stickyAttributes);
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
  engine.touch(run);

  const context: CommandContext = {
    engine,
    run,
    completedEventId: completed.eventId,
    identity: req.identity,
    messages: new Map((req.messages ?? []).map((m) => [m.id ?? '', m])),
    needsTask: false,
  };
  for (const command of commands) {
    if (!run.running) break;
    applyCommand(context, command);
  }
  for (const message of context.messages.values()) applyMessage(context, message);

  if (run.running) {
    if (run.flushBuffered(engine.now()) > 0) context.needsTask = true;
    for (const update of Object.values(run.s.updates)) {
      if (update.stage === 'admitted') {
        update.deliveredInTask = undefined;
        context.needsTask = true;
      }
    }
    if (context.needsTask || req.forceCreateNewWorkflowTask) engine.scheduleTask(run);
    if (!run.s.wft) dispatchPendingQueries(engine, run);
  }
  return {};
}

/**
 * The worker only rejected updates: the task's Scheduled/Started events are
 * dropped (they were never persisted) and the history is as before the
 * updates arrived, as on Temporal.
 */
function rollBackSpeculativeTask(engine: WorkflowEngine, run: Run, req: Request<'RespondWorkflowTaskCompleted'>, messages: ProtocolMessage[]): void {
  const wft = run.s.wft!;
  engine.setSticky(run, req.stickyAttributes);
  run.s.wft = undefined;
  run.history.length = wft.scheduledEventId - 1 - run.historyBase;
  run.s.nextEventId = wft.scheduledEventId;
  run.s.wftFailures = 0;
  const context: CommandContext = {
    engine,
    run,
    completedEventId: 0,
    identity: req.identity,
    messages: new Map(messages.map((m) => [m.id ?? '', m])),
    needsTask: false,
  };
  for (const message of messages) applyMessage(context, message);
  engine.touch(run);
  if (Object.values(run.s.updates).some((u) => u.stage === 'admitted')) {
    for (const update of Object.values(run.s.updates)) update.deliveredInTask = undefined;
    engine.scheduleTask(run, true);
  }
  if (!run.s.wft) dispatchPendingQueries(engine, run);
}

export function failWorkflowTask(engine: WorkflowEngine, req: Request<'RespondWorkflowTaskFailed'>): Response {
  const { run } = runForTaskToken(engine, req.taskToken);
  // Worth a warning: the SDK reports only the first failure of a run's task
  // (later attempts just time out), so this line is all that tells a wedged
  // workflow from a slow one.
  engine.logger.warn(
    { workflowId: run.s.workflowId, runId: run.s.runId, attempt: run.s.wft?.attempt, cause: req.cause, failure: req.failure?.message },
    'workflow task failed',
  );
  failTask(engine, run, req.cause || 'WORKFLOW_TASK_FAILED_CAUSE_UNSPECIFIED', req.failure, req.identity);
  return {};
}

function failTask(engine: WorkflowEngine, run: Run, cause: string, failure: Failure | undefined, identity: string | undefined, countsAsFailure = true): void {
  const wft = run.s.wft!;
  run.s.wft = undefined;
  run.append(
    'WORKFLOW_TASK_FAILED',
    { scheduledEventId: wft.scheduledEventId, startedEventId: wft.startedEventId, cause, failure, identity },
    engine.now(),
  );
  if (!countsAsFailure) run.s.wftFailures--;
  engine.afterTaskLost(run);
}

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
  engine: WorkflowEngine;
  run: Run;
  completedEventId: number;
  identity: string | undefined;
  messages: Map<string, ProtocolMessage>;
  needsTask: boolean;
}

function applyCommand(ctx: CommandContext, command: Command): void {
  const { engine, run, completedEventId } = ctx;
  const now = engine.now();
  switch (command.commandType) {
    case 'COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK':
      // validateCommands checked every command's attributes.
      scheduleActivity(engine, run, command.scheduleActivityTaskCommandAttributes!, completedEventId);
      break;
    case 'COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK':
      if (requestCancelActivity(engine, run, command.requestCancelActivityTaskCommandAttributes?.scheduledEventId ?? 0, completedEventId)) {
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
      run.s.timers[a.timerId!] = { timerId: a.timerId!, startedEventId: event.eventId, firesAt: now + durationToMs(a.startToFireTimeout) };
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
      engine.closeRun(run, 'COMPLETED', event);
      break;
    }
    case 'COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION': {
      const failure = command.failWorkflowExecutionCommandAttributes?.failure;
      const expiresAt = run.s.executionExpiresAt ?? 0;
      const decision = run.s.retryPolicy
        ? decideRetry(resolveRetryPolicy(run.s.retryPolicy), run.s.attempt, failure, now, expiresAt)
        : { retry: false as const, retryState: 'RETRY_STATE_RETRY_POLICY_NOT_SET' };
      if (decision.retry) {
        const newRunId = engine.retryRun(run, decision.delayMs, failure);
        const event = run.append(
          'WORKFLOW_EXECUTION_FAILED',
          { failure, retryState: 'RETRY_STATE_IN_PROGRESS', workflowTaskCompletedEventId: completedEventId, newExecutionRunId: newRunId },
          now,
        );
        engine.closeRun(run, 'FAILED', event, newRunId);
      } else {
        const event = run.append(
          'WORKFLOW_EXECUTION_FAILED',
          { failure, retryState: decision.retryState, workflowTaskCompletedEventId: completedEventId },
          now,
        );
        engine.closeRun(run, 'FAILED', event);
      }
      break;
    }
    case 'COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION': {
      const a = command.cancelWorkflowExecutionCommandAttributes ?? {};
      const event = run.append('WORKFLOW_EXECUTION_CANCELED', { details: a.details, workflowTaskCompletedEventId: completedEventId }, now);
      engine.closeRun(run, 'CANCELED', event);
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
  const { engine, run, completedEventId } = ctx;
  const now = engine.now();
  const { run: next } = engine.startWorkflow(
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
  engine.closeRun(run, 'CONTINUED_AS_NEW', event, next.s.runId);
}

function startChild(ctx: CommandContext, a: CommandAttributes<'startChildWorkflowExecutionCommandAttributes'>): void {
  const { engine, run, completedEventId } = ctx;
  const now = engine.now();
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
    const { run: childRun } = engine.startWorkflow(
      { ...a, namespace, taskQueue, requestId: randomUUID(), identity: ctx.identity, workflowIdConflictPolicy: undefined },
      { parent: { namespace: run.s.namespace, workflowId: run.s.workflowId, runId: run.s.runId, initiatedEventId: initiated.eventId } },
    );
    child.runId = childRun.s.runId;
    const started = run.record(
      'CHILD_WORKFLOW_EXECUTION_STARTED',
      { namespace, initiatedEventId: initiated.eventId, workflowExecution: childRun.execution, workflowType: a.workflowType, header: a.header },
      engine.now(),
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
      engine.now(),
    );
  }
}

function externalTarget(engine: WorkflowEngine, namespace: string, workflowId: string, runId: string | undefined): Run | undefined {
  const target = runId
    ? engine.runs.get(runKey(namespace, workflowId, runId))
    : engine.currentRuns.get(`${namespace}\u0000${workflowId}`);
  return target?.running ? target : undefined;
}

function signalExternal(ctx: CommandContext, a: CommandAttributes<'signalExternalWorkflowExecutionCommandAttributes'>): void {
  const { engine, run, completedEventId } = ctx;
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
    engine.now(),
  );
  ctx.needsTask = true;
  const target = externalTarget(engine, namespace, execution.workflowId, execution.runId);
  if (target) {
    engine.signal(target, { signalName: a.signalName, input: a.input, header: a.header, identity: ctx.identity });
    engine.touch(target);
    run.record(
      'EXTERNAL_WORKFLOW_EXECUTION_SIGNALED',
      { initiatedEventId: initiated.eventId, namespace, workflowExecution: target.execution, control: a.control },
      engine.now(),
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
      engine.now(),
    );
  }
}

function cancelExternal(ctx: CommandContext, a: CommandAttributes<'requestCancelExternalWorkflowExecutionCommandAttributes'>): void {
  const { engine, run, completedEventId } = ctx;
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
    engine.now(),
  );
  ctx.needsTask = true;
  const target = externalTarget(engine, namespace, execution.workflowId, execution.runId);
  if (target) {
    if (!target.s.cancelRequested) {
      engine.requestCancel(target, { reason: a.reason, identity: ctx.identity }, { initiatedEventId: initiated.eventId, execution: run.execution });
      engine.touch(target);
    }
    run.record(
      'EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED',
      { initiatedEventId: initiated.eventId, namespace, workflowExecution: target.execution },
      engine.now(),
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
      engine.now(),
    );
  }
}

// ------------------------------------------------------------------ updates

function applyMessage(ctx: CommandContext, message: ProtocolMessage): void {
  if (!ctx.messages.delete(message.id ?? '')) return;
  const { engine, run } = ctx;
  const update: UpdateState | undefined = run.s.updates[message.protocolInstanceId ?? ''];
  if (!update || !run.running) return;
  const body: Record<string, unknown> = unpackAny(message.body) ?? {};
  const now = engine.now();
  switch (anyTypeName(message.body)) {
    case 'temporal.api.update.v1.Acceptance': {
      if (update.stage !== 'admitted') return;
      const event = run.append(
        'WORKFLOW_EXECUTION_UPDATE_ACCEPTED',
        {
          protocolInstanceId: update.updateId,
          acceptedRequestMessageId: body.acceptedRequestMessageId,
          acceptedRequestSequencingEventId: body.acceptedRequestSequencingEventId,
          acceptedRequest: update.request,
        },
        now,
      );
      update.stage = 'accepted';
      update.acceptedEventId = event.eventId;
      update.deliveredInTask = undefined;
      break;
    }
    case 'temporal.api.update.v1.Rejection':
      if (update.stage !== 'admitted') return;
      // A rejected update leaves no trace in history.
      engine.completeUpdate(run, update, 0, { failure: body.failure as Failure | undefined });
      break;
    case 'temporal.api.update.v1.Response': {
      if (update.stage === 'completed') return;
      const event = run.append(
        'WORKFLOW_EXECUTION_UPDATE_COMPLETED',
        { meta: body.meta ?? { updateId: update.updateId }, acceptedEventId: update.acceptedEventId, outcome: body.outcome },
        now,
      );
      engine.completeUpdate(run, update, event.eventId, body.outcome as UpdateOutcome | undefined);
      break;
    }
  }
  engine.touch(run);
}

const STAGE_ORDER = ['admitted', 'accepted', 'completed'] as const;
const STAGE_NAMES: Record<string, string> = {
  admitted: 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED',
  accepted: 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED',
  completed: 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED',
};

function wantedStage(waitPolicy: WaitPolicy | undefined): number {
  switch (waitPolicy?.lifecycleStage) {
    case 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED':
      return 2;
    case 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED':
      return 0;
    default:
      return 1;
  }
}

export function admitUpdate(engine: WorkflowEngine, req: Request<'UpdateWorkflowExecution'>): { run: Run; update: UpdateState } {
  const updateId = req.request?.meta?.updateId;
  if (!updateId) throw invalidArgument('Update ID is not set on request.');
  if (!req.request?.input?.name) throw invalidArgument('Update name is not set on request.');
  const run = engine.findRun(req.namespace, req.workflowExecution);
  // As in Temporal, a rejected update left nothing in history: the same id
  // sent again is a new request whose validator runs again (a refusal such
  // as "busy, retry later" must be retryable with the client's same key).
  // An accepted one is answered from its recorded outcome.
  const accepted = (run.completedUpdates.get(updateId) ?? 0) > 0;
  const existing = run.s.updates[updateId] ?? (accepted ? engine.completedUpdate(run, updateId) : undefined);
  if (existing) return { run, update: existing };
  if (!run.running) throw notFound('workflow execution already completed');
  const update: UpdateState = { updateId, request: req.request, stage: 'admitted' };
  run.s.updates[updateId] = update;
  engine.touch(run);
  engine.needTask(run, true);
  return { run, update };
}

/** Long-polls an update until it reaches the wanted stage (or the poll interval ends) and builds the answer. */
export async function awaitUpdate(engine: WorkflowEngine, run: Run, update: UpdateState, waitPolicy: WaitPolicy | undefined, deadline: number): Promise<Response> {
  const wanted = wantedStage(waitPolicy);
  const reached = () => STAGE_ORDER.indexOf(update.stage) >= wanted || engine.isClosed;
  while (!reached() && Date.now() < deadline) {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        run.updateWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
      run.updateWaiters.add(done);
    });
  }
  await engine.commit();
  return {
    updateRef: { workflowExecution: run.execution, updateId: update.updateId },
    outcome: update.stage === 'completed' ? update.outcome : undefined,
    stage: STAGE_NAMES[update.stage],
  };
}

export function findUpdate(engine: WorkflowEngine, req: Request<'PollWorkflowExecutionUpdate'>): { run: Run; update: UpdateState } {
  const updateId = req.updateRef?.updateId;
  if (!updateId) throw invalidArgument('Update ID is not set on request.');
  const run = engine.findRun(req.namespace, req.updateRef?.workflowExecution);
  const update = run.s.updates[updateId] ?? engine.completedUpdate(run, updateId);
  if (!update) throw notFound(`update ${updateId} not found`);
  return { run, update };
}

/** When a run closes, updates still waiting can never be answered by it. */
export function failPendingUpdates(engine: WorkflowEngine, run: Run): void {
  for (const update of Object.values(run.s.updates)) {
    engine.completeUpdate(run, update, 0, {
      failure: {
        message: 'Workflow Update failed because the Workflow completed before the Update completed.',
        source: 'Server',
        applicationFailureInfo: { type: 'AcceptedUpdateCompletedWorkflow', nonRetryable: true },
      },
    });
  }
  engine.touch(run);
}

// ------------------------------------------------------------------ queries

export async function queryWorkflow(engine: WorkflowEngine, req: Request<'QueryWorkflow'>, deadline: number): Promise<QueryAnswer> {
  if (!req.query?.queryType) throw invalidArgument('QueryType is not set on request.');
  const run = engine.findRun(req.namespace, req.execution);
  if (!run.running) {
    const condition = req.queryRejectCondition;
    if (
      condition === 'QUERY_REJECT_CONDITION_NOT_OPEN' ||
      (condition === 'QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY' && run.s.status !== 'COMPLETED')
    ) {
      return { queryRejected: { status: `WORKFLOW_EXECUTION_STATUS_${run.s.status}` } };
    }
  }
  let query!: PendingQuery;
  const answer = new Promise<QueryAnswer>((resolve, reject) => {
    query = { id: randomUUID(), request: req, resolve, reject };
  });
  if (run.running && run.s.wft) {
    // Answered by (or right after) the pending workflow task, so it sees every event that came before it.
    run.pendingQueries.push(query);
  } else {
    createQueryTask(engine, run, query);
  }
  const timer = setTimeout(() => {
    run.pendingQueries = run.pendingQueries.filter((q) => q !== query);
    run.attachedQueries.delete(query.id);
    const task = engine.queryTasks.get(query.id);
    if (task?.fallback) clearTimeout(task.fallback);
    engine.queryTasks.delete(query.id);
    query.reject(deadlineExceeded('query timed out before a worker answered it'));
  }, Math.max(0, deadline - Date.now()));
  try {
    return await answer;
  } finally {
    clearTimeout(timer);
  }
}

function createQueryTask(engine: WorkflowEngine, run: Run, query: PendingQuery): void {
  const task = { run, query, onSticky: false, dispatch: 0 };
  engine.queryTasks.set(query.id, task);
  engine.offerQueryTask(query.id, task, run.running);
}

export function dispatchPendingQueries(engine: WorkflowEngine, run: Run): void {
  const pending = [...run.attachedQueries.values(), ...run.pendingQueries];
  run.attachedQueries.clear();
  run.pendingQueries = [];
  for (const query of pending) createQueryTask(engine, run, query);
}

function settleQuery(query: PendingQuery, result: QueryAnswerWire): void {
  if (result?.resultType === 'QUERY_RESULT_TYPE_ANSWERED') {
    query.resolve({ queryResult: result.answer ?? { payloads: [] } });
  } else {
    const message = result?.errorMessage || result?.failure?.message || 'query failed';
    query.reject(new EngineError(grpc.status.INVALID_ARGUMENT, message));
  }
}

function answerAttachedQueries(engine: WorkflowEngine, run: Run, results: Record<string, QueryAnswerWire | undefined> | undefined): void {
  for (const [id, result] of Object.entries(results ?? {})) {
    const query = run.attachedQueries.get(id);
    if (!query) continue;
    run.attachedQueries.delete(id);
    settleQuery(query, result ?? {});
  }
  // Queries the worker did not answer are asked again after this task.
  run.pendingQueries.unshift(...run.attachedQueries.values());
  run.attachedQueries.clear();
}

export function completeQueryTask(engine: WorkflowEngine, req: Request<'RespondQueryTaskCompleted'>): Response {
  const token = decodeToken(req.taskToken, 'q');
  const task = engine.queryTasks.get(token.id);
  if (!task) throw notFound('query not found, or it timed out');
  engine.queryTasks.delete(token.id);
  if (task.fallback) clearTimeout(task.fallback);
  settleQuery(task.query, {
    resultType: req.completedType === 'QUERY_RESULT_TYPE_ANSWERED' ? 'QUERY_RESULT_TYPE_ANSWERED' : 'QUERY_RESULT_TYPE_FAILED',
    answer: req.queryResult,
    errorMessage: req.errorMessage,
    failure: req.failure,
  });
  return {};
}
