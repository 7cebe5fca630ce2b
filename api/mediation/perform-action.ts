// POST /api/mediation-cases/{id}/actions/{action} — every human step of a
// case, forwarded as a workflow update carrying the resolved actor. The
// update's validator (domain/mediation/case-state.ts) decides role, unit and
// stage, so a refused action changes nothing and reads the same everywhere.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { ACTION_LABELS, ACTION_NAMES, type ActionName, type ActionPayloads } from '../../domain/mediation/case-state';
import type { ActionCommand } from '../../domain/kit/command';
import { mediationUpdates, type MediationActionResult } from '../../workflows/mediation-shared';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute, type RouteDefinition } from '../http/define-route';
import { earlierAnswer, runUpdate } from '../http/run-update';
import { loadReadableCaseRow } from './get-case';
import { accessViewOf } from './present';
import { ACT_REFUSAL_MESSAGE, actRefusal } from '../../domain/mediation/access';
import { ACTION_BODIES, ZActionResult, ZCaseId } from './schemas';
import { recordDeputyAction, resolveActing } from '../tasks/acting-as';

export interface PerformActionOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
  action: ActionName;
  body: unknown;
  requestId?: string;
}

async function toPayload<A extends ActionName>(deps: AppDeps, action: A, body: unknown): Promise<ActionPayloads[A]> {
  if (action !== 'assignMediator') return body as ActionPayloads[A];
  // The validator cannot read the database: the API resolves who is named.
  const { mediatorId } = body as { mediatorId: string };
  const person = await deps.prisma.person.findUnique({
    where: { id: mediatorId },
    select: { displayName: true, active: true, roles: { where: { role: 'mediator' }, select: { unitId: true } } },
  });
  if (!person || !person.active) throw new AppError('NOT_FOUND', `人员不存在:${mediatorId}`);
  return { mediatorId, mediatorName: person.displayName, mediatorUnitIds: person.roles.map((r) => r.unitId) } as ActionPayloads[A];
}

export async function performAction({ deps, actor, caseId, action, body, requestId }: PerformActionOptions) {
  // Access before state: a case the caller cannot read does not exist for
  // them (404); one they read but may not act on is 403; only then the stage.
  const row = await loadReadableCaseRow({ deps, actor, caseId });
  // The inbox's word first (委派, 转交, 代理): the case then judges the person it names.
  const now = businessTime(deps);
  const acting = await resolveActing({ prisma: deps.prisma, actor, workflowId: row.workflowId, action, now });
  // Under a key, a refusal here may meet the resend of a deputy's action that closed the task it acted on (earlierAnswer).
  const refusal = actRefusal(acting.actor, accessViewOf(row));
  if (refusal) {
    const denial = { error: new AppError(refusal, ACT_REFUSAL_MESSAGE), workflowId: row.workflowId };
    return { caseId, action, ...(await earlierAnswer<MediationActionResult>({ deps, label: ACTION_LABELS[action], denial })) };
  }
  // A closed case's workflow has completed and takes no new updates (runUpdate still lets a resend find its answer).
  const closed = row.stage === 'closed' ? new AppError('WRONG_STAGE', '案件已结案。') : null;
  const payload = await toPayload(deps, action, body);
  const handle = deps.temporal.workflow.getHandle(row.workflowId);
  const command: ActionCommand = { actor: acting.actor, input: payload };
  const update = mediationUpdates[action] as unknown as typeof mediationUpdates.acceptCase;
  const result = await runUpdate({
    deps,
    label: ACTION_LABELS[action],
    refusal: closed,
    execute: (id) => handle.executeUpdate(update, { args: [command as ActionCommand<never>], ...id }),
  });
  await recordDeputyAction(deps.prisma, acting, { workflowId: row.workflowId, action, label: ACTION_LABELS[action], now, requestId });
  return { caseId, action, ...result };
}

function actionRoute(action: ActionName): RouteDefinition {
  return defineRoute({
    method: 'post',
    path: `/api/mediation-cases/:id/actions/${action}`,
    summary: `${ACTION_LABELS[action]}(调解员)`,
    description: `Workflow update \`${action}\`. Access before state: 404 for a case the caller cannot read, then 403 for a person who is not the mediator of this round's unit (or not the assigned mediator), 409 WRONG_STAGE / ALREADY_DONE when the case is not waiting for it, 422 BUSINESS_RULE / CONFIRMATION_WINDOW_CLOSED when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the case does not answer in time.`,
    roles: ['mediator'],
    request: { params: ZCaseId, body: ACTION_BODIES[action] as z.ZodObject },
    response: { schema: ZActionResult },
    errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'DELEGATE_CANNOT_DECIDE', 'TASK_TRANSFERRED', 'PROXY_NOT_ACTIVE', 'WRONG_STAGE', 'ALREADY_DONE', 'BUSINESS_RULE', 'CONFIRMATION_WINDOW_CLOSED', 'DATA_REJECTED', 'PROCESS_BUSY'],
    handler: async (ctx) => performAction({ deps: ctx.deps, actor: ctx.actor, caseId: ctx.params.id, action, body: ctx.body, requestId: ctx.requestId }),
  });
}

export const actionRoutes: RouteDefinition[] = ACTION_NAMES.map((a) => actionRoute(a));
