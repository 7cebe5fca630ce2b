// POST /api/projects/{id}/actions/{action} — every human step of a project.
// The API resolves the actor and forwards the action as a workflow update;
// the update's validator (the project machine's refusal, domain/project/
// machine.ts) decides role, scope and stage, so a refused action changes
// nothing and reads the same everywhere.
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { canReadUnit } from '../../domain/access';
import { actionAccessRefusal, PROJECT_ACTION_SPECS, PROJECT_ACTIONS, type ActionInputs, type ProjectAction } from '../../domain/project/actions';
import { isClosedStage, STAGE_LABELS, type ProjectStage } from '../../domain/project/state';
import type { ActionCommand } from '../../domain/kit/command';
import { rawDb } from '../../db/raw-sql';
import type { Project } from '../../prisma/generated/client';
import { projectUpdates, type ProjectActionResult } from '../../workflows/project-shared';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute, type RouteDefinition } from '../http/define-route';
import { earlierAnswer, runUpdate } from '../http/run-update';
import { ACTION_BODIES, ZActionResult, ZProjectId } from './schemas';
import { recordDeputyAction, resolveActing } from '../tasks/acting-as';
import { inboxGrantsRead } from '../tasks/record-access';

export interface PerformActionOptions<A extends ProjectAction> {
  deps: AppDeps;
  actor: Actor;
  projectId: string;
  action: A;
  input: ActionInputs[A];
  requestId?: string;
}

export async function performAction<A extends ProjectAction>({ deps, actor, projectId, action, input, requestId }: PerformActionOptions<A>) {
  // Raw and prepared by name, as a case's and an incident's row before their actions: through the model this one
  // read cost the API's thread about 0.7 ms of CPU an action (bench:api before and after, 2026-12-07).
  const [project] = await rawDb(deps.prisma).$queryRaw<Array<Pick<Project, 'workflowId' | 'stage' | 'unitPath' | 'communityName'>>>`
    SELECT p."workflowId", p.stage, p."unitPath", p."communityName" FROM "Project" p WHERE p.id = ${projectId}`;
  // Access before state: a project the caller cannot read does not exist for
  // them (404); one they read but may not act on is 403; only then the stage.
  const now = businessTime(deps);
  if (!project || !(canReadUnit(actor, project.unitPath) || (await inboxGrantsRead(deps.prisma, { process: 'project', subjectId: projectId }, actor.personId, now)))) {
    throw new AppError('NOT_FOUND', `项目不存在:${projectId}`);
  }
  // The inbox's word first (委派, 转交, 代理): the project then judges the person it names.
  const acting = await resolveActing({ prisma: deps.prisma, actor, workflowId: project.workflowId, action, now });
  // Under a key, a refusal here may meet the resend of a deputy's action that closed the task it acted on:
  // earlierAnswer answers it from that first attempt's outcome, if there was one.
  const refusal = actionAccessRefusal(acting.actor, action, { path: project.unitPath, name: project.communityName });
  if (refusal) {
    const label = PROJECT_ACTION_SPECS[action].label;
    return { projectId, action, ...(await earlierAnswer<ProjectActionResult>({ deps, label, denial: { error: new AppError(refusal.code, refusal.message), workflowId: project.workflowId } })) };
  }
  // A closed project's workflow has completed and takes no new updates (runUpdate still lets a resend find its answer).
  const closed = isClosedStage(project.stage as ProjectStage)
    ? new AppError('WRONG_STAGE', `项目已结束(${STAGE_LABELS[project.stage as ProjectStage]}),不能再${PROJECT_ACTION_SPECS[action].label}`)
    : null;
  const handle = deps.temporal.workflow.getHandle(project.workflowId);
  const command: ActionCommand<ActionInputs[A]> = { actor: acting.actor, input, requestId };
  const update = projectUpdates[action] as unknown as typeof projectUpdates.reviewApplication;
  const result = await runUpdate({
    deps,
    label: PROJECT_ACTION_SPECS[action].label,
    refusal: closed,
    execute: (id) => handle.executeUpdate(update, { args: [command as unknown as ActionCommand<ActionInputs['reviewApplication']>], ...id }),
  });
  await recordDeputyAction(deps.prisma, acting, { workflowId: project.workflowId, action, label: PROJECT_ACTION_SPECS[action].label, now, requestId });
  return { projectId, action, ...result };
}

function withDefaults<A extends ProjectAction>(deps: AppDeps, action: A, body: unknown): ActionInputs[A] {
  if (action === 'resubmitApplication') {
    const b = body as ActionInputs['resubmitApplication'] & { application: { costSharing?: unknown } };
    if (!b.application.costSharing) b.application.costSharing = deps.config.rules.project.defaultCostSharing;
  }
  return body as ActionInputs[A];
}

function actionRoute<A extends ProjectAction>(action: A): RouteDefinition {
  const spec = PROJECT_ACTION_SPECS[action];
  return defineRoute({
    method: 'post',
    path: `/api/projects/:id/actions/${action}`,
    summary: `${spec.label}(${spec.roles.join(' / ')})`,
    description: `Workflow update \`${action}\`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.`,
    roles: spec.roles,
    request: { params: ZProjectId, body: ACTION_BODIES[action] },
    response: { schema: ZActionResult },
    errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'DELEGATE_CANNOT_DECIDE', 'TASK_TRANSFERRED', 'PROXY_NOT_ACTIVE', 'WRONG_STAGE', 'ALREADY_DONE', 'CONFLICT', 'BUSINESS_RULE', 'FUND_CAP_EXCEEDED', 'DATA_REJECTED', 'PROCESS_BUSY'],
    handler: async (ctx) =>
      performAction({ deps: ctx.deps, actor: ctx.actor, projectId: ctx.params.id, action, input: withDefaults(ctx.deps, action, ctx.body), requestId: ctx.requestId }),
  });
}

export const actionRoutes: RouteDefinition[] = PROJECT_ACTIONS.map((a) => actionRoute(a));
