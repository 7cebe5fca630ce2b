import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { PrismaClient } from '../../prisma/generated/client';
import { defineRoute } from '../http/define-route';
import { ZResetWorkflow, ZWorkflowParams, ZWorkflowResult } from './schemas';
import { ResetReapplyType, assertPlatformAdmin, auditWorkflowAction, callTemporal, isWorkflowTaskCompleted, lastWorkflowTaskCompleted, readHistory, type TemporalTarget } from './workflows';

export interface ResetWorkflowOptions extends TemporalTarget {
  prisma: PrismaClient;
  actor: Actor;
  workflowId: string;
  reason: string;
  /** A WorkflowTaskCompleted event id of the current run; absent: the last one. */
  eventId?: number;
  requestId?: string;
}

/**
 * Resets the current run to a completed workflow task: a new run replays the
 * history up to it and goes on from there with the code deployed now;
 * signals received after it are applied again, pending activities of that
 * point start over at attempt 1. The old run ends (terminated). Audited.
 */
export async function resetWorkflow(options: ResetWorkflowOptions, audit: 'resetWorkflow' | 'retryActivity' = 'resetWorkflow', extra: Record<string, string | number> = {}) {
  const { client, namespace, prisma, actor, workflowId, reason, requestId } = options;
  assertPlatformAdmin(actor);
  const described = await callTemporal(() => client.workflowService.describeWorkflowExecution({ namespace, execution: { workflowId, runId: '' } }), '重置流程');
  const previousRunId = described.workflowExecutionInfo?.execution?.runId ?? '';
  const events = await readHistory({ client, namespace }, workflowId, previousRunId);
  const eventId = options.eventId ?? lastWorkflowTaskCompleted(events);
  if (eventId === null) throw new AppError('CONFLICT', '该流程实例还没有完成过任何工作流任务，无法重置');
  if (!isWorkflowTaskCompleted(events, eventId)) {
    throw new AppError('VALIDATION_FAILED', `事件 ${eventId} 不是该流程当前运行中的“工作流任务完成”（WorkflowTaskCompleted）事件`, {
      details: [{ in: 'body', field: 'eventId', code: 'not_workflow_task_completed', message: `事件 ${eventId} 不是 WorkflowTaskCompleted 事件` }],
    });
  }
  const reset = await callTemporal(
    () =>
      client.workflowService.resetWorkflowExecution({
        namespace,
        workflowExecution: { workflowId, runId: previousRunId },
        reason,
        // int64: protobufjs encodes a plain number (the type names its Long class).
        workflowTaskFinishEventId: eventId as never,
        // The same request id for a retried request: the engine resets once.
        requestId: requestId ?? randomUUID(),
        resetReapplyType: ResetReapplyType.RESET_REAPPLY_TYPE_SIGNAL,
      }),
    '重置流程',
  );
  const runId = reset.runId ?? '';
  await auditWorkflowAction({ prisma, actor, action: audit, workflowId, requestId, data: { previousRunId, runId, resetToEventId: eventId, reason, ...extra } });
  return { workflowId, runId, previousRunId, status: 'Running', resetToEventId: eventId };
}

export const resetWorkflowRoute = defineRoute({
  method: 'post',
  path: '/api/admin/workflows/:workflowId/reset',
  summary: 'Reset a workflow to a completed workflow task (default: the last one); a new run goes on from there; audited (district administrators)',
  roles: ['admin'],
  request: { params: ZWorkflowParams, body: ZResetWorkflow },
  response: { schema: ZWorkflowResult },
  errors: ['FORBIDDEN_SCOPE', 'NOT_FOUND', 'ALREADY_DONE', 'CONFLICT', 'VALIDATION_FAILED'],
  handler: ({ deps, actor, params, body, requestId }) =>
    resetWorkflow({
      client: deps.temporal,
      namespace: deps.config.temporal.namespace,
      prisma: deps.prisma,
      actor,
      workflowId: params.workflowId,
      reason: body.reason,
      ...(body.eventId !== undefined ? { eventId: body.eventId } : {}),
      requestId,
    }),
});
