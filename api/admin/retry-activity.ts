import { status as grpcStatus } from '@grpc/grpc-js';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { PrismaClient } from '../../prisma/generated/client';
import { defineRoute } from '../http/define-route';
import { resetWorkflow } from './reset-workflow';
import { ZWorkflowActivityParams, ZWorkflowReason, ZWorkflowResult } from './schemas';
import { assertPlatformAdmin, auditWorkflowAction, callTemporal, type TemporalTarget } from './workflows';

export interface RetryActivityOptions extends TemporalTarget {
  prisma: PrismaClient;
  actor: Actor;
  workflowId: string;
  activityId: string;
  reason: string;
  requestId?: string;
}

/**
 * Runs a failing activity again now instead of after its backoff, with
 * Temporal's ResetActivity (server 1.28+, and the embedded engine): the
 * attempts start again at 1 and the next one is handed to a worker at once,
 * in the same run — the workflow does not notice. A cluster without it
 * (UNIMPLEMENTED) gets a reset to the last completed workflow task instead:
 * a new run schedules the activity again at attempt 1, signals received
 * since applied again. Refused unless the activity is pending and has failed
 * at least once.
 */
export async function retryActivity({ client, namespace, prisma, actor, workflowId, activityId, reason, requestId }: RetryActivityOptions) {
  assertPlatformAdmin(actor);
  const described = await callTemporal(() => client.workflowService.describeWorkflowExecution({ namespace, execution: { workflowId, runId: '' } }), '重试活动');
  const activity = (described.pendingActivities ?? []).find((a) => a.activityId === activityId);
  // A page open for a while offers a retry the activity no longer needs: its own backoff may have run it since.
  if (!activity) throw new AppError('NOT_FOUND', `该活动(编号 ${activityId})已不在等待执行(可能已经完成,或流程已结束),无需重试`);
  if (!activity.lastFailure && (activity.attempt ?? 1) <= 1) throw new AppError('CONFLICT', `活动 ${activityId} 尚未失败，无需重试`);
  const runId = described.workflowExecutionInfo?.execution?.runId ?? '';
  const audit = { activityId, activityType: activity.activityType?.name ?? '', lastFailure: activity.lastFailure?.message ?? '', attempt: activity.attempt ?? 1 };
  const unimplemented = await callTemporal(async () => {
    try {
      await client.workflowService.resetActivity({ namespace, execution: { workflowId, runId }, id: activityId, identity: actor.personId });
      return false;
    } catch (err) {
      if ((err as { code?: number }).code === grpcStatus.UNIMPLEMENTED) return true;
      throw err;
    }
  }, '重试活动');
  if (unimplemented) return resetWorkflow({ client, namespace, prisma, actor, workflowId, reason, ...(requestId ? { requestId } : {}) }, 'retryActivity', audit);
  await auditWorkflowAction({ prisma, actor, action: 'retryActivity', workflowId, requestId, data: { runId, reason, ...audit } });
  return { workflowId, runId, previousRunId: null, status: 'Running', resetToEventId: null };
}

export const retryActivityRoute = defineRoute({
  method: 'post',
  path: '/api/admin/workflows/:workflowId/activities/:activityId/retry',
  summary: 'Run a failing activity again now, at attempt 1, in the same run (ResetActivity; a cluster without it gets a reset to the last completed workflow task); audited (district administrators)',
  roles: ['admin'],
  request: { params: ZWorkflowActivityParams, body: ZWorkflowReason },
  response: { schema: ZWorkflowResult },
  errors: ['FORBIDDEN_SCOPE', 'NOT_FOUND', 'CONFLICT'],
  handler: ({ deps, actor, params, body, requestId }) =>
    retryActivity({ client: deps.temporal, namespace: deps.config.temporal.namespace, prisma: deps.prisma, actor, workflowId: params.workflowId, activityId: params.activityId, reason: body.reason, requestId }),
});
