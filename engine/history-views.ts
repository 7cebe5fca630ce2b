// Read views of runs: history pages (with long-poll and the close-event
// filter that WorkflowHandle.result() uses) and DescribeWorkflowExecution.
import { msToDuration, msToTimestamp } from './clock';
import type { WorkflowEngine } from './engine';
import { invalidArgument } from './errors';
import type { Run } from './run-state';
import type { Request } from './wire';

/** What reading histories and describing runs needs of the core. */
export type HistoryCore = Pick<WorkflowEngine, 'commit' | 'events' | 'findRun' | 'history0' | 'now' | 'waitForChange'>;

const DEFAULT_PAGE_SIZE = 1000;
const WAIT_AGAIN = Buffer.from('{"wait":true}');

function pageToken(runId: string, next: number): Buffer {
  return Buffer.from(JSON.stringify({ runId, next }));
}

function parsePageToken(token: Buffer | undefined): { runId?: string; next?: number; wait?: boolean } {
  if (!token || token.length === 0) return {};
  try {
    return JSON.parse(Buffer.from(token).toString('utf8'));
  } catch {
    throw invalidArgument('invalid next page token');
  }
}

export async function getHistory(
  engine: HistoryCore,
  req: Request<'GetWorkflowExecutionHistory'>,
  deadline: number,
  onCancel: (listener: () => void) => void,
): Promise<Record<string, unknown>> {
  const run = engine.findRun(req.namespace, req.execution);
  if (req.historyEventFilterType === 'HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT') {
    if (req.waitNewEvent) await engine.waitForChange(run, () => !run.running, deadline, onCancel);
    await engine.commit();
    if (!run.running && run.s.closeEventId) return { history: { events: engine.events(run, run.s.closeEventId, run.s.closeEventId + 1) } };
    return { history: { events: [] }, nextPageToken: req.waitNewEvent ? WAIT_AGAIN : undefined };
  }
  const token = parsePageToken(req.nextPageToken);
  const from = token.next ?? 1;
  const pageSize = req.maximumPageSize && req.maximumPageSize > 0 ? req.maximumPageSize : DEFAULT_PAGE_SIZE;
  if (req.waitNewEvent) {
    await engine.waitForChange(run, () => run.persistedEvents >= from || !run.running, deadline, onCancel);
  }
  await engine.commit();
  const available = run.persistedEvents;
  const events = engine.events(run, from, Math.min(available + 1, from + pageSize));
  const next = from + events.length;
  const more = next <= available || (req.waitNewEvent && run.running);
  return { history: { events }, nextPageToken: more ? pageToken(run.s.runId, next) : undefined };
}

export function describeWorkflow(engine: HistoryCore, req: Request<'DescribeWorkflowExecution'>): Record<string, unknown> {
  const run = engine.findRun(req.namespace, req.execution);
  const s = run.s;
  const started = engine.history0(run);
  return {
    executionConfig: {
      taskQueue: { name: s.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
      workflowExecutionTimeout: msToDuration(s.executionTimeoutMs),
      workflowRunTimeout: msToDuration(s.runTimeoutMs),
      defaultWorkflowTaskTimeout: msToDuration(s.taskTimeoutMs),
    },
    workflowExecutionInfo: { ...executionInfo(run), priority: started.priority },
    pendingActivities: Object.values(s.activities).map((a) => ({
      activityId: a.activityId,
      activityType: { name: a.activityType },
      state: a.cancelRequested
        ? 'PENDING_ACTIVITY_STATE_CANCEL_REQUESTED'
        : a.state === 'started'
          ? 'PENDING_ACTIVITY_STATE_STARTED'
          : 'PENDING_ACTIVITY_STATE_SCHEDULED',
      heartbeatDetails: a.heartbeatDetails,
      lastHeartbeatTime: a.lastHeartbeatAt !== undefined ? msToTimestamp(a.lastHeartbeatAt) : undefined,
      lastStartedTime: a.startedAt !== undefined ? msToTimestamp(a.startedAt) : undefined,
      attempt: a.attempt,
      maximumAttempts: a.retryPolicy.maximumAttempts,
      scheduledTime: msToTimestamp(a.state === 'backoff' && a.retryAt ? a.retryAt : a.attemptScheduledAt),
      expirationTime: a.scheduleToCloseMs > 0 ? msToTimestamp(a.scheduledAt + a.scheduleToCloseMs) : undefined,
      lastFailure: a.lastFailure,
      lastWorkerIdentity: a.identity,
      currentRetryInterval: a.state === 'backoff' && a.retryAt ? msToDuration(a.retryAt - engine.now()) : undefined,
    })),
    pendingChildren: Object.values(s.children).map((c) => ({
      workflowId: c.workflowId,
      runId: c.runId,
      workflowTypeName: c.workflowType,
      initiatedId: c.initiatedEventId,
      parentClosePolicy: c.parentClosePolicy,
    })),
    pendingWorkflowTask: s.wft
      ? {
          state: s.wft.startedEventId !== undefined ? 'PENDING_WORKFLOW_TASK_STATE_STARTED' : 'PENDING_WORKFLOW_TASK_STATE_SCHEDULED',
          scheduledTime: msToTimestamp(s.wft.scheduledAt),
          originalScheduledTime: msToTimestamp(s.wft.scheduledAt),
          startedTime: s.wft.startedAt !== undefined ? msToTimestamp(s.wft.startedAt) : undefined,
          attempt: s.wft.attempt,
        }
      : undefined,
  };
}

/** What describe and the visibility APIs say about one run. */
export function executionInfo(run: Run): Record<string, unknown> {
  const s = run.s;
  return {
    execution: run.execution,
    type: { name: s.workflowType },
    startTime: msToTimestamp(s.startTime),
    closeTime: s.closeTime !== undefined ? msToTimestamp(s.closeTime) : undefined,
    status: `WORKFLOW_EXECUTION_STATUS_${s.status}`,
    historyLength: s.nextEventId - 1,
    parentNamespaceId: s.parent?.namespace,
    parentExecution: s.parent ? { workflowId: s.parent.workflowId, runId: s.parent.runId } : undefined,
    executionTime: msToTimestamp(s.executionTime),
    memo: s.memo,
    searchAttributes: s.searchAttributes,
    taskQueue: s.taskQueue,
    stateTransitionCount: s.nextEventId - 1,
    firstRunId: s.firstExecutionRunId,
    rootExecution: run.execution,
  };
}

export function closedStatus(run: Run): string {
  return `WORKFLOW_EXECUTION_STATUS_${run.s.status}`;
}
