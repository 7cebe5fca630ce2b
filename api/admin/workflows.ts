// What the operator routes of /api/admin/workflows share: who may use them,
// how Temporal's gRPC answers become our error codes, what an execution looks
// like in the API, and the audit record every change writes.
import { status as grpcStatus } from '@grpc/grpc-js';
import type { Client } from '@temporalio/client';
import { optionalTsToMs } from '@temporalio/common/lib/time.js';
// CommonJS package: Node's ESM loader sees only its default export (types come from the named one).
import proto from '@temporalio/proto';
import type { temporal } from '@temporalio/proto';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { PrismaClient } from '../../prisma/generated/client';

type ExecutionInfo = temporal.api.workflow.v1.IWorkflowExecutionInfo;

/** The protocol's enums the operator routes read and write. */
export const { EventType, WorkflowExecutionStatus, PendingActivityState, PendingWorkflowTaskState, ResetReapplyType } = proto.temporal.api.enums.v1;

/**
 * Operator actions reach every workflow of the platform, whichever unit it
 * serves (a workflow is not scoped to a unit in Temporal), so only an
 * administrator of a top-level unit (the district) may use them.
 */
export function assertPlatformAdmin(actor: Actor): void {
  if (!actor.grants.some((g) => g.role === 'admin' && g.unitPath.split('/').filter(Boolean).length === 1)) {
    throw new AppError('FORBIDDEN_SCOPE', '流程运维涉及全区所有流程，只有区级系统管理员可以操作');
  }
}

/** Temporal's gRPC refusals as our codes; the engine's own text is kept after a Chinese lead. */
export async function callTemporal<T>(call: () => Promise<T>, what: string): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const e = err as { code?: number; details?: string; message?: string };
    const detail = e.details ?? e.message ?? '';
    switch (e.code) {
      case grpcStatus.INVALID_ARGUMENT:
        throw new AppError('VALIDATION_FAILED', `${what}：请求参数有误（${detail}）`, {
          details: [{ in: 'body', field: '', code: 'invalid_argument', message: detail }],
        });
      case grpcStatus.NOT_FOUND:
        if (/already completed/.test(detail)) throw new AppError('ALREADY_DONE', `${what}：该流程实例已经结束`);
        throw new AppError('NOT_FOUND', '该流程实例不存在。');
      case grpcStatus.FAILED_PRECONDITION:
      case grpcStatus.ALREADY_EXISTS:
        throw new AppError('CONFLICT', `${what}：${detail}`);
      case grpcStatus.UNAVAILABLE:
      case grpcStatus.DEADLINE_EXCEEDED:
        throw new AppError('SERVICE_UNAVAILABLE', `${what}：流程引擎暂时不可用，请稍后重试`);
      default:
        throw err;
    }
  }
}


/** A protocol enum value's name without its prefix, as Temporal's own tools write it: `EVENT_TYPE_TIMER_FIRED` → `TimerFired`. */
function enumName(name: string, prefix: string): string {
  return name
    .replace(prefix, '')
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

/** `WORKFLOW_EXECUTION_STATUS_RUNNING` → `Running`, as the visibility query language writes it. */
export function statusName(status: temporal.api.enums.v1.WorkflowExecutionStatus | null | undefined): string {
  return enumName(WorkflowExecutionStatus[status ?? 0] ?? 'WORKFLOW_EXECUTION_STATUS_UNSPECIFIED', 'WORKFLOW_EXECUTION_STATUS_');
}

export const iso = (ts: Parameters<typeof optionalTsToMs>[0]) => {
  const ms = optionalTsToMs(ts);
  return ms === undefined ? null : new Date(ms).toISOString();
};

export function presentExecution(info: ExecutionInfo) {
  return {
    workflowId: info.execution?.workflowId ?? '',
    runId: info.execution?.runId ?? '',
    workflowType: info.type?.name ?? '',
    status: statusName(info.status),
    taskQueue: info.taskQueue ?? '',
    startTime: iso(info.startTime),
    closeTime: iso(info.closeTime),
    historyLength: Number(info.historyLength ?? 0),
  };
}

export interface AuditWorkflowActionOptions {
  prisma: PrismaClient;
  actor: Actor;
  action: 'terminateWorkflow' | 'cancelWorkflow' | 'resetWorkflow' | 'retryActivity';
  workflowId: string;
  requestId?: string;
  data: Record<string, string | number | boolean | null>;
}

export async function auditWorkflowAction({ prisma, actor, action, workflowId, requestId, data }: AuditWorkflowActionOptions): Promise<void> {
  await prisma.auditLog.create({ data: { actorId: actor.personId, action, subjectType: 'workflow', subjectId: workflowId, requestId, data } });
}

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface TemporalTarget {
  client: Client;
  namespace: string;
}

/** The whole history of a run (the current one when runId is absent), page by page. */
export async function readHistory({ client, namespace }: TemporalTarget, workflowId: string, runId?: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await callTemporal(
      () => client.workflowService.getWorkflowExecutionHistory({ namespace, execution: { workflowId, runId: runId ?? '' }, nextPageToken, maximumPageSize: 1000 }),
      '读取流程历史',
    );
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken && page.nextPageToken.length > 0 ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return events;
}

export function lastWorkflowTaskCompleted(events: HistoryEvent[]): number | null {
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i]!.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) return Number(events[i]!.eventId);
  }
  return null;
}

export function isWorkflowTaskCompleted(events: HistoryEvent[], eventId: number): boolean {
  return events.some((e) => Number(e.eventId) === eventId && e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
}

/** Updates accepted and not completed, from the history (admitted ones are not in it). */
export function pendingUpdates(events: HistoryEvent[]): Array<{ updateId: string; name: string; acceptedEventId: number }> {
  const open = new Map<string, { updateId: string; name: string; acceptedEventId: number }>();
  for (const e of events) {
    const accepted = e.workflowExecutionUpdateAcceptedEventAttributes;
    if (accepted) {
      const updateId = accepted.acceptedRequest?.meta?.updateId ?? accepted.protocolInstanceId ?? '';
      open.set(updateId, { updateId, name: accepted.acceptedRequest?.input?.name ?? '', acceptedEventId: Number(e.eventId) });
    }
    const completed = e.workflowExecutionUpdateCompletedEventAttributes;
    if (completed?.meta?.updateId) open.delete(completed.meta.updateId);
  }
  return [...open.values()];
}

/** The marker the SDK records for a local activity's result. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

/**
 * A local activity's type, from the marker the SDK's core writes: its first
 * detail is plain JSON (`activity_type`), never passed through the payload
 * codec. Undefined if it cannot be read.
 */
function localActivityType(e: HistoryEvent): string | undefined {
  const data = e.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data;
  if (!data) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type?: unknown };
    return typeof parsed.activity_type === 'string' ? parsed.activity_type : undefined;
  } catch {
    return undefined;
  }
}

/** How many of a run's last events the operator's page shows. */
export const RECENT_EVENTS = 50;

/** `EVENT_TYPE_WORKFLOW_TASK_COMPLETED` → `WorkflowTaskCompleted`. */
function eventTypeName(type: temporal.api.enums.v1.EventType | null | undefined): string {
  return enumName(EventType[type ?? 0] ?? 'EVENT_TYPE_UNSPECIFIED', 'EVENT_TYPE_');
}

/**
 * The last `limit` events of a history as an operator reads them, newest
 * first. Only fields Temporal keeps in the clear are read (types, names,
 * ids, failure messages, timeouts): payloads may be encrypted by the
 * platform's codec, and an operator's page has no business decoding them.
 */
export function recentEvents(events: HistoryEvent[], limit = RECENT_EVENTS) {
  // An activity's later events name it only by the id of the event that scheduled it.
  const activityTypes = new Map<number, string>();
  // An update's completion names it only by its id.
  const updateNames = new Map<string, string>();
  for (const e of events) {
    const scheduled = e.activityTaskScheduledEventAttributes;
    if (scheduled) activityTypes.set(Number(e.eventId), scheduled.activityType?.name ?? '');
    const accepted = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    if (accepted?.meta?.updateId) updateNames.set(accepted.meta.updateId, accepted.input?.name ?? '');
  }
  return events
    .slice(-limit)
    .reverse()
    .map((e) => {
      const scheduledId =
        e.activityTaskStartedEventAttributes?.scheduledEventId ??
        e.activityTaskCompletedEventAttributes?.scheduledEventId ??
        e.activityTaskFailedEventAttributes?.scheduledEventId ??
        e.activityTaskTimedOutEventAttributes?.scheduledEventId ??
        e.activityTaskCancelRequestedEventAttributes?.scheduledEventId ??
        e.activityTaskCanceledEventAttributes?.scheduledEventId;
      const marker = e.markerRecordedEventAttributes?.markerName ?? null;
      const name =
        e.activityTaskScheduledEventAttributes?.activityType?.name ??
        (marker === LOCAL_ACTIVITY_MARKER ? localActivityType(e) : undefined) ??
        (scheduledId !== undefined && scheduledId !== null ? activityTypes.get(Number(scheduledId)) : undefined) ??
        e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ??
        updateNames.get(e.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId ?? '') ??
        e.workflowExecutionSignaledEventAttributes?.signalName ??
        marker ??
        e.timerStartedEventAttributes?.timerId ??
        e.timerFiredEventAttributes?.timerId ??
        e.timerCanceledEventAttributes?.timerId ??
        e.workflowExecutionStartedEventAttributes?.workflowType?.name ??
        null;
      const failure =
        e.activityTaskFailedEventAttributes?.failure?.message ??
        e.markerRecordedEventAttributes?.failure?.message ??
        e.workflowTaskFailedEventAttributes?.failure?.message ??
        e.workflowExecutionFailedEventAttributes?.failure?.message ??
        e.workflowExecutionTerminatedEventAttributes?.reason ??
        null;
      const time = iso(e.eventTime);
      const timeout = optionalTsToMs(e.timerStartedEventAttributes?.startToFireTimeout);
      const firesAt = time && timeout !== undefined ? new Date(Date.parse(time) + timeout).toISOString() : null;
      return { eventId: Number(e.eventId), time, type: eventTypeName(e.eventType), name: name || null, marker, failure: failure || null, firesAt };
    });
}
