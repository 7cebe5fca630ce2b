// POST /api/grid-incidents/{id}/actions/{action} — every human step of an
// incident, forwarded as a workflow update carrying the resolved actor. The
// machine (domain/grid/machine.ts) decides role, unit, stage and input, in
// the update's validator and — on the saved state — here first, so a refused
// action does not reach the process and reads the same either way (the one
// exception: a keyed resend the saved state calls too late, see run-update).
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { ACT_REFUSAL_MESSAGE, actRefusal } from '../../domain/grid/access';
import { GRID_ACTION_LABELS, GRID_ACTIONS, type GridAction, type GridInputs } from '../../domain/grid/machine';
import type { IncidentChannel } from '../../domain/grid/types';
import type { GridIncident } from '../../prisma/generated/client';
import type { ActionCommand } from '../../domain/kit/command';
import { gridUpdates, type GridActionResult } from '../../workflows/grid-shared';
import { assertAccess } from '../auth/guard';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute, type RouteDefinition } from '../http/define-route';
import { earlierAnswer, runUpdate } from '../http/run-update';
import { requestKey } from '../http/idempotency';
import { caseIdForKey, registerCase } from '../mediation/register-case';
import { loadReadableIncidentRow, stateOf } from './get-incident';
import { gridMachineFor } from './machine';
import { claimPhotos } from './photos';
import { accessViewOfRow } from './present';
import { ACTION_BODIES, ZIncidentActionResult, ZIncidentId } from './schemas';
import { recordDeputyAction, resolveActing } from '../tasks/acting-as';

type Bodies = { [A in GridAction]: z.output<(typeof ACTION_BODIES)[A]> };
type ConvertBody = z.output<(typeof ACTION_BODIES)['convertToMediation']>;

export interface PerformIncidentActionOptions {
  deps: AppDeps;
  actor: Actor;
  incidentId: string;
  action: GridAction;
  body: unknown;
}

/** The machine's input from the request: what the machine cannot look up itself, the API resolves. */
async function toInput<A extends GridAction>(deps: AppDeps, action: A, body: Bodies[A], incidentId: string): Promise<GridInputs[A]> {
  if (action === 'dispatchIncident') {
    const b = body as Bodies['dispatchIncident'];
    const unit = await deps.prisma.unit.findUnique({ where: { id: b.unitId }, select: { id: true, path: true, name: true, level: true } });
    if (!unit) throw new AppError('NOT_FOUND', `单位不存在:${b.unitId}`);
    const input: GridInputs['dispatchIncident'] = { unit: { id: unit.id, path: unit.path, name: unit.name, level: unit.level }, department: b.department?.trim() || null, note: b.note, ...(b.verifyMode ? { verifyMode: b.verifyMode } : {}) };
    return input as GridInputs[A];
  }
  if (action === 'convertToMediation') {
    const b = body as ConvertBody;
    if (!b.parties.some((p) => p.role === 'applicant') || !b.parties.some((p) => p.role === 'respondent')) {
      throw new AppError('BUSINESS_RULE', '当事人应至少包括一名申请人和一名被申请人。');
    }
    // The parties' personal data stays out of the incident's history: only the new case's id and the type go in.
    // Under an Idempotency-Key the id derives from the key, so a resend whose first answer was lost names the
    // case the first attempt decided (and registered), not a second one.
    const keyed = requestKey();
    const mediationCaseId = keyed ? caseIdForKey(keyed.personId, `grid-convert\0${incidentId}\0${keyed.key}`) : randomUUID();
    const input: GridInputs['convertToMediation'] = { mediationCaseId, disputeType: b.disputeType, note: b.note };
    return input as GridInputs[A];
  }
  return body as unknown as GridInputs[A];
}

const caseExists = async (deps: AppDeps, id: string) => (await deps.prisma.mediationCase.findUnique({ where: { id }, select: { id: true } })) !== null;

interface RegisterConvertedOptions {
  deps: AppDeps;
  actor: Actor;
  row: Pick<GridIncident, 'id' | 'channel' | 'title' | 'description' | 'incidentNo' | 'placeUnitId'>;
  body: ConvertBody;
  caseId: string;
}

/** Registers the mediation case an incident was converted into, as POST /api/mediation-cases would. */
async function registerConverted({ deps, actor, row, body, caseId }: RegisterConvertedOptions) {
  await registerCase({
    deps,
    actor,
    caseId,
    gridIncidentId: row.id,
    authorize: (path, roles) => assertAccess(actor, roles, path),
    body: {
      channel: row.channel as IncidentChannel,
      disputeType: body.disputeType,
      title: row.title,
      description: `${row.description}\n(由网格事件${row.incidentNo}转入${body.note ? `:${body.note}` : ''})`,
      risk: body.risk,
      complexity: body.complexity,
      amountFen: null,
      placeUnitId: row.placeUnitId,
      parties: body.parties,
      alreadyInLitigation: false,
      notSuitableReason: null,
    },
  });
}

export async function performIncidentAction({ deps, actor: caller, incidentId, action, body }: PerformIncidentActionOptions) {
  // Access before state: an incident the caller cannot read does not exist
  // for them (404); one they read but may not act on is 403; then the stage.
  const row = await loadReadableIncidentRow({ deps, actor: caller, incidentId });
  // The inbox's word first (委派, 转交, 代理): the incident then judges the person it names.
  const acting = await resolveActing({ prisma: deps.prisma, actor: caller, workflowId: row.workflowId, action, now: businessTime(deps) });
  const actor = acting.actor;
  // Under a key, a refusal here may meet the resend of a deputy's action that closed the task it acted on (earlierAnswer).
  const outsider = actRefusal(actor, accessViewOfRow(row));
  if (outsider) {
    const denial = { error: new AppError(outsider, ACT_REFUSAL_MESSAGE), workflowId: row.workflowId };
    if (action === 'convertToMediation') throw denial.error;
    return { incidentId, action, ...(await earlierAnswer<GridActionResult>({ deps, label: GRID_ACTION_LABELS[action], denial })) };
  }
  // The person at the keyboard uploaded the photos, also when acting for someone (代理).
  if (action === 'completeHandling') await claimPhotos(deps, caller, (body as Bodies['completeHandling']).photos, { field: 'photos', incidentId });
  const input = await toInput(deps, action, body as Bodies[typeof action], incidentId);
  const state = stateOf(row);
  const machine = gridMachineFor(deps);
  const now = businessTime(deps);
  if (action === 'convertToMediation' && state?.stage === 'converted' && state.mediationCaseId && !(await caseExists(deps, state.mediationCaseId))) {
    // The incident was converted but the request failed before its case was
    // registered (the database or the engine away): the same request again
    // finishes the conversion, from someone who could have made it.
    const refusal = machine.refusal({ ...state, stage: state.escalatedToStreetAt ? 'street_triage' : 'triage' }, actor, 'convertToMediation', input as GridInputs['convertToMediation'], now);
    if (refusal) throw new AppError(refusal.code, refusal.message);
    await registerConverted({ deps, actor, row, body: body as ConvertBody, caseId: state.mediationCaseId });
    return { incidentId, action, stage: state.stage, version: state.version, message: '已转人民调解,调解案件已登记', mediationCaseId: state.mediationCaseId };
  }
  // On the saved state first: a finished incident's workflow has ended and can take no new update (runUpdate
  // still lets a resend whose first attempt moved the incident on find its answer).
  const refused = state ? machine.refusal(state, actor, action, input, now) : null;
  const handle = deps.temporal.workflow.getHandle(row.workflowId);
  const command: ActionCommand = { actor, input };
  const update = gridUpdates[action] as unknown as typeof gridUpdates.dispatchIncident;
  const result = await runUpdate({
    deps,
    label: GRID_ACTION_LABELS[action],
    refusal: refused && new AppError(refused.code, refused.message),
    execute: (id) => handle.executeUpdate(update, { args: [command as ActionCommand<never>], ...id }),
  });

  if (action === 'convertToMediation') {
    // The conversion is decided (the incident names its case); now the case
    // is registered through mediation's own use case, linked back, and its
    // workflow starts as any registration's would.
    const caseId = (input as GridInputs['convertToMediation']).mediationCaseId;
    await registerConverted({ deps, actor, row, body: body as ConvertBody, caseId });
    return { incidentId, action, ...result, mediationCaseId: caseId };
  }
  await recordDeputyAction(deps.prisma, acting, { workflowId: row.workflowId, action, label: GRID_ACTION_LABELS[action], now });
  return { incidentId, action, ...result };
}

function actionRoute(action: GridAction): RouteDefinition {
  return defineRoute({
    method: 'post',
    path: `/api/grid-incidents/:id/actions/${action}`,
    summary: GRID_ACTION_LABELS[action],
    description: `Workflow update \`${action}\`. Access before state: 404 for an incident the caller cannot read, then 403 for a person who may not take this step (the community or street for triage, the assignee's handling role for handling, the reporter or the grid's worker for checking), 409 WRONG_STAGE / ALREADY_DONE when the incident is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the incident does not answer in time.${action === 'convertToMediation' ? ' Registers a mediation case (as POST /api/mediation-cases would) linked to the incident, and answers its id.' : ''}`,
    roles: 'authenticated',
    request: { params: ZIncidentId, body: ACTION_BODIES[action] },
    response: { schema: ZIncidentActionResult },
    errors: ['NOT_FOUND', 'FORBIDDEN_ROLE', 'FORBIDDEN_SCOPE', 'WRONG_STAGE', 'ALREADY_DONE', 'BUSINESS_RULE', 'DATA_REJECTED', 'PROCESS_BUSY'],
    handler: async (ctx) => performIncidentAction({ deps: ctx.deps, actor: ctx.actor, incidentId: ctx.params.id, action, body: ctx.body }),
  });
}

export const actionRoutes: RouteDefinition[] = GRID_ACTIONS.map((a) => actionRoute(a));
