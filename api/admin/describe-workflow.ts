import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { defineRoute } from '../http/define-route';
import { zId } from '../http/text';
import { ZWorkflowDescription, ZWorkflowParams } from './schemas';
import type { PrismaClient } from '../../prisma/generated/client';
import { workflowSubjects } from './workflow-subjects';
import { PendingActivityState, PendingWorkflowTaskState, assertPlatformAdmin, callTemporal, iso, lastWorkflowTaskCompleted, pendingUpdates, presentExecution, readHistory, recentEvents, type TemporalTarget } from './workflows';


const ACTIVITY_STATES = {
  [PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED]: 'scheduled',
  [PendingActivityState.PENDING_ACTIVITY_STATE_STARTED]: 'started',
  [PendingActivityState.PENDING_ACTIVITY_STATE_CANCEL_REQUESTED]: 'cancelRequested',
  [PendingActivityState.PENDING_ACTIVITY_STATE_PAUSED]: 'paused',
} as const;

export interface DescribeWorkflowOptions extends TemporalTarget {
  prisma: PrismaClient;
  actor: Actor;
  workflowId: string;
  runId?: string;
}

/**
 * One workflow as an operator needs it: status, pending activities with
 * their attempt and last failure (is something retrying?), updates accepted
 * but not finished, the workflow task, where a reset would go, the record it
 * runs and its last events.
 */
export async function describeWorkflow({ client, namespace, prisma, actor, workflowId, runId }: DescribeWorkflowOptions) {
  assertPlatformAdmin(actor);
  const execution = { workflowId, runId: runId ?? '' };
  const described = await callTemporal(() => client.workflowService.describeWorkflowExecution({ namespace, execution }), '查看流程');
  const info = described.workflowExecutionInfo ?? {};
  const events = await readHistory({ client, namespace }, workflowId, info.execution?.runId ?? runId);
  const wft = described.pendingWorkflowTask;
  const presented = presentExecution(info);
  const subjects = await workflowSubjects(prisma, [presented]);
  return {
    execution: { ...presented, subject: subjects.get(presented.workflowId) ?? null },
    pendingActivities: (described.pendingActivities ?? []).map((a) => ({
      activityId: a.activityId ?? '',
      activityType: a.activityType?.name ?? '',
      state: ACTIVITY_STATES[a.state as keyof typeof ACTIVITY_STATES] ?? ('unknown' as const),
      attempt: a.attempt ?? 1,
      maximumAttempts: a.maximumAttempts ?? 0,
      lastFailure: a.lastFailure ? { message: a.lastFailure.message ?? '', type: a.lastFailure.applicationFailureInfo?.type ?? null } : null,
      scheduledTime: iso(a.scheduledTime),
      lastStartedTime: iso(a.lastStartedTime),
    })),
    pendingUpdates: pendingUpdates(events),
    pendingWorkflowTask: wft
      ? { state: wft.state === PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_STARTED ? ('started' as const) : ('scheduled' as const), attempt: wft.attempt ?? 1 }
      : null,
    lastWorkflowTaskCompletedEventId: lastWorkflowTaskCompleted(events),
    recentEvents: recentEvents(events),
  };
}

export const describeWorkflowRoute = defineRoute({
  method: 'get',
  path: '/api/admin/workflows/:workflowId',
  summary: 'One workflow: status, the record it runs, pending activities (attempt, last failure), pending updates, its last 50 events (district administrators)',
  roles: ['admin'],
  request: { params: ZWorkflowParams, query: z.object({ runId: zId(100).optional().meta({ description: 'Default: the current run.' }) }) },
  response: { schema: ZWorkflowDescription },
  errors: ['FORBIDDEN_SCOPE', 'NOT_FOUND'],
  handler: ({ deps, actor, params, query }) =>
    describeWorkflow({ client: deps.temporal, namespace: deps.config.temporal.namespace, prisma: deps.prisma, actor, workflowId: params.workflowId, ...(query.runId ? { runId: query.runId } : {}) }),
});
