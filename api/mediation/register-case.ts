// POST /api/mediation-cases — 多口受理: register a case from any channel and
// start its workflow. The parties' personal data is written here, to the read
// model only; the workflow gets the facts triage needs, never phone numbers.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ancestorPaths, type Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { RoleName } from '../../domain/roles';
import { REGISTER_ROLES } from '../../domain/mediation/access';
import type { CaseFacts } from '../../domain/mediation/case-state';
import { yearOf } from '../../domain/calendar';
import { MEDIATION_WORKFLOW_TYPE, mediationWorkflowId, type MediationWorkflowInput } from '../../workflows/mediation-shared';
import type { mediationWorkflow } from '../../workflows/mediation';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute, reply } from '../http/define-route';
import { IDEMPOTENCY_HEADER, recordIdForKey, startRecordWorkflow } from '../http/idempotency';
import { ZActionResult, ZRegisterCaseBody, type TRegisterCaseBody } from './schemas';

export interface RegisterCaseOptions {
  deps: AppDeps;
  actor: Actor;
  body: TRegisterCaseBody;
  /** Throws FORBIDDEN_* unless the actor holds one of `roles` over the unit (the route's ctx.authorize). */
  authorize: (unitPath: string, roles: readonly RoleName[]) => void;
  /** The case id to use (default: a new one): a grid incident converted into mediation names its case first. */
  caseId?: string;
  /** The grid incident (网格事件) this case comes from. */
  gridIncidentId?: string;
}


export async function registerCase({ deps, actor, body, authorize, caseId, gridIncidentId }: RegisterCaseOptions) {
  const { prisma } = deps;
  const place = await prisma.unit.findUnique({ where: { id: body.placeUnitId } });
  if (!place) throw new AppError('NOT_FOUND', `单位不存在:${body.placeUnitId}`);
  if (place.level !== 'community' && place.level !== 'grid') {
    throw new AppError('BUSINESS_RULE', '纠纷发生地应为社区或网格。');
  }
  authorize(place.path, REGISTER_ROLES);
  if (!body.parties.some((p) => p.role === 'applicant') || !body.parties.some((p) => p.role === 'respondent')) {
    throw new AppError('BUSINESS_RULE', '当事人应至少包括一名申请人和一名被申请人。');
  }

  const chain = await prisma.unit.findMany({ where: { path: { in: ancestorPaths(place.path) } } });
  const at = (level: 'community' | 'street' | 'district') => {
    const u = chain.find((c) => c.level === level);
    if (!u) throw new AppError('BUSINESS_RULE', `纠纷发生地没有所属的${{ community: '社区', street: '街道', district: '区' }[level]}。`);
    return { id: u.id, path: u.path, name: u.name };
  };
  const units = { community: at('community'), street: at('street'), district: at('district') };

  const id = caseId ?? randomUUID();
  const workflowId = mediationWorkflowId(id);
  const now = businessTime(deps);
  const year = String(yearOf(now));
  const facts: CaseFacts = {
    title: body.title,
    channel: body.channel,
    disputeType: body.disputeType,
    risk: body.risk,
    complexity: body.complexity,
    amountFen: body.amountFen ?? null,
    partyCount: body.parties.length,
    place: { id: place.id, path: place.path, name: place.name },
    units,
  };

  // A retry of a registration that died between the row and the workflow start
  // (same person, same Idempotency-Key, hence the same id) finishes the first
  // attempt instead of registering the dispute twice.
  const earlier = await prisma.mediationCase.findUnique({ where: { id }, select: { caseNo: true, registeredById: true } });
  if (earlier && earlier.registeredById !== actor.personId) throw new AppError('CONFLICT', '该案件编号已被他人使用,请重新登记。');
  // The facts are columns of the case row too, apart from the units (stored by id and path below).
  const { place: _place, units: _units, ...factColumns } = facts;
  const caseNo = earlier ? earlier.caseNo : await prisma.$transaction(async (tx) => {
    const row = await tx.mediationCase.create({
      data: {
        id,
        workflowId,
        caseNo: id,
        ...factColumns,
        description: body.description,
        placeUnitId: place.id,
        placeName: place.name,
        placePath: place.path,
        communityUnitId: units.community.id,
        streetUnitId: units.street.id,
        districtUnitId: units.district.id,
        registeredAt: now,
        registeredById: actor.personId,
        targetConcludeBy: now,
        gridIncidentId: gridIncidentId ?? null,
        parties: {
          create: body.parties.map((p, i) => ({
            seq: i + 1,
            role: p.role,
            name: p.name,
            phone: p.phone ?? null,
            idNumber: p.idNumber ?? null,
            address: p.address ?? null,
          })),
        },
      },
      select: { seqNo: true },
    });
    // The running number is the database's; the case number reads like a 文号.
    const no = `${units.district.name.replace(/区$/, '')}调〔${year}〕${row.seqNo}号`;
    await tx.mediationCase.update({ where: { id }, data: { caseNo: no } });
    return no;
  });

  const input: MediationWorkflowInput = {
    caseId: id,
    caseNo,
    facts,
    registeredBy: { personId: actor.personId, displayName: actor.displayName },
    alreadyInLitigation: body.alreadyInLitigation,
    notSuitableReason: body.notSuitableReason ?? null,
    rules: deps.config.rules.mediation,
  };
  await startRecordWorkflow(!!earlier, () =>
    deps.temporal.workflow.start<typeof mediationWorkflow>(MEDIATION_WORKFLOW_TYPE, { workflowId, taskQueue: deps.config.temporal.taskQueue, args: [input] }),
  );
  return { caseId: id, caseNo, action: 'registerCase', stage: 'triage' as const, version: 0, message: `已登记受理,案号${caseNo}` };
}

/** The case id of a registration sent with an Idempotency-Key (recordIdForKey). */
export function caseIdForKey(personId: string, key: string): string {
  return recordIdForKey('mediation-case', personId, key);
}

export const registerCaseRoute = defineRoute({
  method: 'post',
  path: '/api/mediation-cases',
  summary: '登记调解案件(多口受理)',
  description:
    'Registers a dispute from any channel (12345 hotline, grid worker, walk-in, online, court or police referral) and starts its workflow. Triage then refers it out, or starts it at the community level, or — when the escalation risk is high — at the street or district level at once with an alert.',
  roles: [...REGISTER_ROLES],
  request: { body: ZRegisterCaseBody },
  response: { status: 201, schema: ZActionResult.extend({ caseNo: z.string() }) },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'BUSINESS_RULE', 'CONFLICT'],
  handler: async (ctx) => {
    const key = ctx.req.get(IDEMPOTENCY_HEADER);
    const caseId = key === undefined ? undefined : caseIdForKey(ctx.actor.personId, key);
    const result = await registerCase({ deps: ctx.deps, actor: ctx.actor, body: ctx.body, authorize: (p, r) => ctx.authorize(p, r), caseId });
    return reply(201, result, { Location: `/api/mediation-cases/${result.caseId}` });
  },
});
