import { ROLE_NAMES } from '../../domain/roles';
import { defineRoute, type RouteModule } from '../http/define-route';
import { claimTask } from './claim-task';
import { listTasks } from './list-tasks';
import { ZListTasksQuery, ZTask, ZTaskIdParams, ZTaskPage } from './schemas';

export const taskRoutes: RouteModule = {
  name: 'tasks',
  tag: 'tasks',
  description: 'The inbox: steps of processes waiting for a person (待办).',
  routes: [
    defineRoute({
      method: 'get',
      path: '/api/tasks',
      summary: "The caller's tasks: assigned to them, or unassigned for a role they hold on the task's unit",
      roles: 'authenticated',
      request: { query: ZListTasksQuery },
      response: { schema: ZTaskPage },
      handler: ({ deps, actor, query }) => listTasks({ prisma: deps.prisma, actor, filter: query, now: deps.now?.() ?? new Date() }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/claim',
      summary: 'Claim an unassigned task for a role the caller holds on its unit',
      roles: ROLE_NAMES,
      request: { params: ZTaskIdParams },
      response: { schema: ZTask, description: 'The task, now assigned to the caller.' },
      errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'TASK_ALREADY_CLAIMED', 'ALREADY_DONE'],
      handler: ({ deps, actor, params, requestId }) =>
        claimTask({ prisma: deps.prisma, actor, taskId: params.id, now: deps.now?.() ?? new Date(), requestId }),
    }),
  ],
};
