// POST /api/grid-incidents — 多口受理: a grid worker reports what they found
// on their rounds, or the community or street enters a 12345 ticket; the
// incident's workflow starts and waits for the community to triage. The
// reporter's contact is written here, to the read model only.
import { randomUUID } from 'node:crypto';
import { ancestorPaths, type Actor } from '../../domain/access';
import { yearOf } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { REPORT_ROLES } from '../../domain/grid/access';
import type { IncidentFacts } from '../../domain/grid/machine';
import type { RoleName } from '../../domain/roles';
import { loadCalendar } from '../../db/calendar-store';
import type { gridIncidentWorkflow } from '../../workflows/grid';
import { GRID_WORKFLOW_TYPE, gridIncidentWorkflowId, type GridWorkflowInput } from '../../workflows/grid-shared';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute, reply } from '../http/define-route';
import { IDEMPOTENCY_HEADER, recordIdForKey, startRecordWorkflow } from '../http/idempotency';
import { claimPhotos } from './photos';
import { ZIncidentActionResult, ZReportIncidentBody, type TReportIncidentBody } from './schemas';

export interface ReportIncidentOptions {
  deps: AppDeps;
  actor: Actor;
  body: TReportIncidentBody;
  /** Throws FORBIDDEN_* unless the actor holds one of `roles` over the unit (the route's ctx.authorize). */
  authorize: (unitPath: string, roles: readonly RoleName[]) => void;
  /** The id when the request has an Idempotency-Key (recordIdForKey); random otherwise. */
  incidentId?: string;
}

export async function reportIncident({ deps, actor, body, authorize, incidentId }: ReportIncidentOptions) {
  const { prisma } = deps;
  const place = await prisma.unit.findUnique({ where: { id: body.placeUnitId } });
  if (!place) throw new AppError('NOT_FOUND', `单位不存在:${body.placeUnitId}`);
  authorize(place.path, REPORT_ROLES);
  if (place.level !== 'grid' && place.level !== 'community') throw new AppError('BUSINESS_RULE', '事发地应为网格或社区。');

  const chain = await prisma.unit.findMany({ where: { path: { in: ancestorPaths(place.path) } } });
  const at = (level: 'community' | 'street' | 'district') => {
    const u = chain.find((c) => c.level === level);
    if (!u) throw new AppError('BUSINESS_RULE', `事发地没有所属的${{ community: '社区', street: '街道', district: '区' }[level]}。`);
    return { id: u.id, path: u.path, name: u.name };
  };
  const units = { community: at('community'), street: at('street'), district: at('district') };
  const facts: IncidentFacts = {
    title: body.title,
    type: body.type,
    urgency: body.urgency,
    channel: body.channel,
    place: { id: place.id, path: place.path, name: place.name, level: place.level },
    address: body.address,
    photos: body.photos,
    units,
  };

  const id = incidentId ?? randomUUID();
  const workflowId = gridIncidentWorkflowId(id);
  const now = businessTime(deps);
  // A retry of a report that died between the row and the workflow start
  // (same person, same Idempotency-Key, hence the same id) finishes the first
  // attempt instead of reporting twice.
  const earlier = incidentId ? await prisma.gridIncident.findUnique({ where: { id }, select: { incidentNo: true, reportedById: true } }) : null;
  if (earlier && earlier.reportedById !== actor.personId) throw new AppError('CONFLICT', '该事件编号已被他人使用,请重新上报。');
  await claimPhotos(deps, actor, body.photos, { field: 'photos', incidentId: id });
  const incidentNo = earlier ? earlier.incidentNo : await prisma.$transaction(async (tx) => {
    const row = await tx.gridIncident.create({
      data: {
        id,
        workflowId,
        incidentNo: id,
        title: body.title,
        description: body.description,
        type: body.type,
        urgency: body.urgency,
        channel: body.channel,
        placeUnitId: place.id,
        placeName: place.name,
        placePath: place.path,
        gridUnitId: place.level === 'grid' ? place.id : null,
        communityUnitId: units.community.id,
        streetUnitId: units.street.id,
        districtUnitId: units.district.id,
        address: body.address,
        photos: body.photos,
        contactName: body.contactName ?? null,
        contactPhone: body.contactPhone ?? null,
        reportedAt: now,
        reportedById: actor.personId,
      },
      select: { seqNo: true },
    });
    // The running number is the database's; the incident number reads like a 文号.
    const no = `${units.district.name.replace(/区$/, '')}网格〔${yearOf(now)}〕${row.seqNo}号`;
    await tx.gridIncident.update({ where: { id }, data: { incidentNo: no } });
    return no;
  });

  const input: GridWorkflowInput = {
    incident: { incidentId: id, incidentNo, facts, reportedBy: { personId: actor.personId, displayName: actor.displayName } },
    rules: deps.config.rules.grid,
    // The administrator's holidays as of today travel with the incident: its limits are working days.
    calendar: await loadCalendar(prisma),
  };
  await startRecordWorkflow(!!earlier, () =>
    deps.temporal.workflow.start<typeof gridIncidentWorkflow>(GRID_WORKFLOW_TYPE, { workflowId, taskQueue: deps.config.temporal.taskQueue, args: [input] }),
  );
  return { incidentId: id, incidentNo, action: 'reportIncident', stage: 'triage' as const, version: 0, message: `已受理,事件编号${incidentNo}` };
}

export const reportIncidentRoute = defineRoute({
  method: 'post',
  path: '/api/grid-incidents',
  summary: '上报网格事件(网格员巡查、12345热线、来访、网上反映)',
  description:
    'A grid worker reports an incident on their grid, or the community / street office enters one from the 12345 hotline or a visit. The place must be a grid or a community the caller covers. The workflow starts and waits for the community to triage it within GRID_TRIAGE_DAYS working days.',
  roles: [...REPORT_ROLES],
  request: { body: ZReportIncidentBody },
  response: { status: 201, schema: ZIncidentActionResult.extend({ incidentNo: ZIncidentActionResult.shape.message }) },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'BUSINESS_RULE', 'CONFLICT'],
  handler: async (ctx) => {
    const key = ctx.req.get(IDEMPOTENCY_HEADER);
    const incidentId = key === undefined ? undefined : recordIdForKey('grid-incident', ctx.actor.personId, key);
    const result = await reportIncident({ deps: ctx.deps, actor: ctx.actor, body: ctx.body, authorize: (p, r) => ctx.authorize(p, r), incidentId });
    return reply(201, result, { Location: `/api/grid-incidents/${result.incidentId}` });
  },
});
