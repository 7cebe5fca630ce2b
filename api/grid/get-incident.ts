// GET /api/grid-incidents/{id} — one incident with its state, timeline and
// what waits for whom. Outside the caller's scope an incident reads as absent.
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { GRID_ACTION_LABELS, pendingTasksOf, type GridIncidentState } from '../../domain/grid/machine';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { gridMachineFor } from './machine';
import { accessViewOfRow, canReadIncident, presentIncident, stepDueAtOf } from './present';
import { personalDataVisible } from '../../domain/grid/access';
import { ZIncidentDetail, ZIncidentId } from './schemas';
import { ownTimelineSql, recordTimeline, type OwnTimelineLine } from '../tasks/inbox-timeline';
import { inboxGrantsRead } from '../tasks/record-access';
import { Prisma, type GridIncident } from '../../prisma/generated/client';
import { columnsOf, rawDb } from '../../db/raw-sql';

export interface GetIncidentOptions {
  deps: AppDeps;
  actor: Actor;
  incidentId: string;
}

// Read before every action on an incident: raw, as the case's row (../mediation/get-case).
const INCIDENT_COLUMNS = columnsOf(Prisma.GridIncidentScalarFieldEnum, 'i');

/** The incident row alone, or 404 for a caller who may not read it: what an action needs before it asks the workflow. */
export async function loadReadableIncidentRow({ deps, actor, incidentId }: GetIncidentOptions) {
  const [row] = await rawDb(deps.prisma).$queryRaw<GridIncident[]>`SELECT ${INCIDENT_COLUMNS} FROM "GridIncident" i WHERE i.id = ${incidentId}`;
  return readableOr404(deps, actor, incidentId, row ?? null);
}

/** The incident with its timeline, for the page that shows it: one statement, as the case's (../mediation/get-case). */
export async function loadReadableIncident({ deps, actor, incidentId }: GetIncidentOptions) {
  const [row] = await rawDb(deps.prisma).$queryRaw<Array<GridIncident & { events: OwnTimelineLine[] }>>`
    SELECT ${INCIDENT_COLUMNS}, ${ownTimelineSql('grid', Prisma.sql`i.id`)} AS events
      FROM "GridIncident" i WHERE i.id = ${incidentId}`;
  return readableOr404(deps, actor, incidentId, row ?? null);
}

async function readableOr404<R extends Pick<GridIncident, 'id' | 'placePath' | 'reportedById' | 'snapshot'>>(deps: AppDeps, actor: Actor, incidentId: string, row: R | null): Promise<R> {
  const readable = row && (canReadIncident(actor, row) || (await inboxGrantsRead(deps.prisma, { process: 'grid', subjectId: row.id }, actor.personId, businessTime(deps))));
  if (!row || !readable) throw new AppError('NOT_FOUND', `网格事件不存在:${incidentId}`);
  return row;
}

/** The saved state, or null before the workflow's first save. */
export function stateOf(row: { snapshot: unknown }): GridIncidentState | null {
  const s = row.snapshot as GridIncidentState | null;
  return s && typeof s === 'object' && 'stage' in s ? s : null;
}

export async function getIncident(options: GetIncidentOptions) {
  const { deps, actor } = options;
  const row = await loadReadableIncident(options);
  const state = stateOf(row);
  const now = businessTime(deps);
  return {
    ...presentIncident({ ...row, stepDueAt: stepDueAtOf(row.snapshot) }, personalDataVisible(actor, accessViewOfRow(row))),
    description: row.description,
    photos: row.photos,
    state: (state ?? {}) as unknown as Record<string, unknown>,
    pendingActions: state
      ? pendingTasksOf(state).map((t) => ({ action: t.action, label: GRID_ACTION_LABELS[t.action], role: t.role, unitId: t.unitId, assigneeId: t.assigneeId, dueAt: t.dueAt }))
      : [],
    availableActions: state ? gridMachineFor(deps).availableActions(state, actor, now) : [],
    timeline: await recordTimeline(deps.prisma, { process: 'grid', subjectId: row.id }, row.events),
  };
}

export const getIncidentRoute = defineRoute({
  method: 'get',
  path: '/api/grid-incidents/:id',
  summary: '网格事件详情(状态、时间线、待办事项、可执行操作)',
  description: "The reporter's contact is shown in full only to the reporter, the community and street over the place, and auditors.",
  roles: 'authenticated',
  request: { params: ZIncidentId },
  response: { schema: ZIncidentDetail },
  errors: ['NOT_FOUND'],
  handler: async (ctx) => getIncident({ deps: ctx.deps, actor: ctx.actor, incidentId: ctx.params.id }),
});
