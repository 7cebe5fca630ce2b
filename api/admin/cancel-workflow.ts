import { defineRoute } from '../http/define-route';
import { ZWorkflowParams, ZWorkflowReason, ZWorkflowResult } from './schemas';
import type { EndWorkflowOptions } from './terminate-workflow';
import { assertPlatformAdmin, auditWorkflowAction, callTemporal, statusName } from './workflows';

/**
 * Asks the current run to cancel: the workflow code sees the cancellation
 * and may clean up (or ignore it), so the status may still be Running when
 * this answers. Audited.
 */
export async function cancelWorkflow({ client, namespace, prisma, actor, workflowId, reason, requestId }: EndWorkflowOptions) {
  assertPlatformAdmin(actor);
  const execution = { workflowId, runId: '' };
  await callTemporal(
    () => client.workflowService.requestCancelWorkflowExecution({ namespace, workflowExecution: execution, reason, identity: `admin:${actor.personId}`, ...(requestId ? { requestId } : {}) }),
    '取消流程',
  );
  const described = await callTemporal(() => client.workflowService.describeWorkflowExecution({ namespace, execution }), '取消流程');
  const runId = described.workflowExecutionInfo?.execution?.runId ?? '';
  await auditWorkflowAction({ prisma, actor, action: 'cancelWorkflow', workflowId, requestId, data: { runId, reason } });
  return { workflowId, runId, previousRunId: null, status: statusName(described.workflowExecutionInfo?.status), resetToEventId: null };
}

export const cancelWorkflowRoute = defineRoute({
  method: 'post',
  path: '/api/admin/workflows/:workflowId/cancel',
  summary: 'Request cancellation of a workflow (its code may clean up); audited (district administrators)',
  roles: ['admin'],
  request: { params: ZWorkflowParams, body: ZWorkflowReason },
  response: { schema: ZWorkflowResult },
  errors: ['FORBIDDEN_SCOPE', 'NOT_FOUND', 'ALREADY_DONE'],
  handler: ({ deps, actor, params, body, requestId }) =>
    cancelWorkflow({ client: deps.temporal, namespace: deps.config.temporal.namespace, prisma: deps.prisma, actor, workflowId: params.workflowId, reason: body.reason, requestId }),
});
