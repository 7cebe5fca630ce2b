import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { PrismaClient } from '../../prisma/generated/client';
import { defineRoute } from '../http/define-route';
import { resetWorkflow } from './reset-workflow';
import { ZWorkflowActivityParams, ZWorkflowReason, ZWorkflowResult } from './schemas';
import { assertPlatformAdmin, callTemporal, type TemporalTarget } from './workflows';

export interface RetryActivityOptions extends TemporalTarget {
  prisma: PrismaClient;
  actor: Actor;
  workflowId: string;
  activityId: string;
  reason: string;
  requestId?: string;
}

/**
 * Runs a failing activity again now instead of after its backoff. Neither
 * the engine nor the SDK's client offers "retry this activity now" (Temporal's
 * ResetActivity/UpdateActivityOptions are not implemented by the embedded
 * engine), so this is a reset to the last completed workflow task: the new
 * run schedules the activity again at once, at attempt 1, and signals
 * received since are applied again. Refused unless the activity is pending
 * and has failed at least once.
 */
export async function retryActivity({ client, namespace, prisma, actor, workflowId, activityId, reason, requestId }: RetryActivityOptions) {
  assertPlatformAdmin(actor);
  const described = await callTemporal(() => client.workflowService.describeWorkflowExecution({ namespace, execution: { workflowId, runId: '' } }), '重试活动');
  const activity = (described.pendingActivities ?? []).find((a) => a.activityId === activityId);
  if (!activity) throw new AppError('NOT_FOUND', `该流程没有待执行的活动 ${activityId}`);
  if (!activity.lastFailure && (activity.attempt ?? 1) <= 1) throw new AppError('CONFLICT', `活动 ${activityId} 尚未失败，无需重试`);
  return resetWorkflow({ client, namespace, prisma, actor, workflowId, reason, ...(requestId ? { requestId } : {}) }, 'retryActivity', {
    activityId,
    activityType: activity.activityType?.name ?? '',
    lastFailure: activity.lastFailure?.message ?? '',
  });
}

export const retryActivityRoute = defineRoute({
  method: 'post',
  path: '/api/admin/workflows/:workflowId/activities/:activityId/retry',
  summary: 'Run a failing activity again now (done as a reset to the last completed workflow task: the engine has no per-activity retry); audited (district administrators)',
  roles: ['admin'],
  request: { params: ZWorkflowActivityParams, body: ZWorkflowReason },
  response: { schema: ZWorkflowResult },
  errors: ['FORBIDDEN_SCOPE', 'NOT_FOUND', 'CONFLICT'],
  handler: ({ deps, actor, params, body, requestId }) =>
    retryActivity({ client: deps.temporal, namespace: deps.config.temporal.namespace, prisma: deps.prisma, actor, workflowId: params.workflowId, activityId: params.activityId, reason: body.reason, requestId }),
});
