import type { Actor } from '../../domain/access';
import type { PrismaClient } from '../../prisma/generated/client';
import { defineRoute } from '../http/define-route';
import { ZWorkflowParams, ZWorkflowReason, ZWorkflowResult } from './schemas';
import { assertPlatformAdmin, auditWorkflowAction, callTemporal, statusName, type TemporalTarget } from './workflows';

export interface EndWorkflowOptions extends TemporalTarget {
  prisma: PrismaClient;
  actor: Actor;
  workflowId: string;
  reason: string;
  requestId?: string;
}

/**
 * Ends the current run at once: no cleanup code runs, pending activities are
 * abandoned (a stuck workflow that cannot be helped otherwise). Audited.
 */
export async function terminateWorkflow({ client, namespace, prisma, actor, workflowId, reason, requestId }: EndWorkflowOptions) {
  assertPlatformAdmin(actor);
  const execution = { workflowId, runId: '' };
  await callTemporal(() => client.workflowService.terminateWorkflowExecution({ namespace, workflowExecution: execution, reason, identity: `admin:${actor.personId}` }), '终止流程');
  const described = await callTemporal(() => client.workflowService.describeWorkflowExecution({ namespace, execution }), '终止流程');
  const runId = described.workflowExecutionInfo?.execution?.runId ?? '';
  await auditWorkflowAction({ prisma, actor, action: 'terminateWorkflow', workflowId, requestId, data: { runId, reason } });
  return { workflowId, runId, previousRunId: null, status: statusName(described.workflowExecutionInfo?.status), resetToEventId: null };
}

export const terminateWorkflowRoute = defineRoute({
  method: 'post',
  path: '/api/admin/workflows/:workflowId/terminate',
  summary: 'Terminate a workflow now (no cleanup runs); audited (district administrators)',
  roles: ['admin'],
  request: { params: ZWorkflowParams, body: ZWorkflowReason },
  response: { schema: ZWorkflowResult },
  errors: ['FORBIDDEN_SCOPE', 'NOT_FOUND', 'ALREADY_DONE'],
  handler: ({ deps, actor, params, body, requestId }) =>
    terminateWorkflow({ client: deps.temporal, namespace: deps.config.temporal.namespace, prisma: deps.prisma, actor, workflowId: params.workflowId, reason: body.reason, requestId }),
});
