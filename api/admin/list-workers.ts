// GET /api/admin/workers — who works the platform's task queue: the workers
// that polled it in the last five minutes (Temporal keeps pollers that long)
// and the tasks waiting for one. Nothing listed with tasks waiting means no
// worker runs: every action then waits until it times out (503 PROCESS_BUSY).
// Times are wall-clock, as the engine reports pollers (not the business clock).
import { optionalTsToMs } from '@temporalio/common/lib/time.js';
import proto from '@temporalio/proto';
import type { Actor } from '../../domain/access';
import { defineRoute } from '../http/define-route';
import { ZWorkers } from './schemas';
import { assertPlatformAdmin, callTemporal, iso, type TemporalTarget } from './workflows';

const { TaskQueueType } = proto.temporal.api.enums.v1;

export async function listWorkers({ client, namespace, actor, taskQueue, now }: TemporalTarget & { actor: Actor; taskQueue: string; now: Date }) {
  assertPlatformAdmin(actor);
  const queues = await Promise.all(
    (['workflow', 'activity'] as const).map(async (type) => {
      const res = await callTemporal(
        () =>
          client.workflowService.describeTaskQueue({
            namespace,
            taskQueue: { name: taskQueue },
            taskQueueType: type === 'workflow' ? TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW : TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
            reportStats: true,
          }),
        '查看工作进程',
      );
      const stats = res.stats ?? null;
      const ageMs = optionalTsToMs(stats?.approximateBacklogAge);
      const backlog = stats ? Number(stats.approximateBacklogCount ?? 0) : null;
      return {
        type,
        pollers: (res.pollers ?? []).map((p) => ({ identity: p.identity ?? '', lastAccessAt: iso(p.lastAccessTime) })),
        backlog,
        oldestWaitingSeconds: backlog && ageMs !== undefined ? ageMs / 1000 : null,
      };
    }),
  );
  return { taskQueue, queues, checkedAt: now.toISOString() };
}

export const listWorkersRoute = defineRoute({
  method: 'get',
  path: '/api/admin/workers',
  summary: 'The workers polling the platform\'s task queue and the tasks waiting for one (district administrators)',
  roles: ['admin'],
  response: { schema: ZWorkers },
  errors: ['FORBIDDEN_SCOPE'],
  handler: ({ deps, actor }) =>
    listWorkers({ client: deps.temporal, namespace: deps.config.temporal.namespace, actor, taskQueue: deps.config.temporal.taskQueue, now: new Date() }),
});
