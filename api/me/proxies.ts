// /api/me/proxies — 代理: a person away names a deputy for a date range. While
// it covers today, tasks assigned to them show in the deputy's inbox and the
// deputy acts on them as "代 X" (api/tasks/acting-as.ts); outside it the
// deputy is refused with PROXY_NOT_ACTIVE.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { deputyCandidateGrant } from '../../domain/inbox/candidates';
import { proxyCovers, proxyRefusal } from '../../domain/inbox/rules';
import { ROLE_LABELS, ROLE_NAMES } from '../../domain/roles';
import type { OutOfOfficeProxy } from '../../prisma/generated/client';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute, reply } from '../http/define-route';
import { ZDate } from '../http/schemas';
import { zId, zLine } from '../http/text';
import { ZCandidatePage, ZDeputyCandidatesQuery } from '../tasks/schemas';
import { refuseOutOfReach } from '../tasks/search-people';
import { listDeputyCandidates } from './list-deputy-candidates';

export const ZProxy = z
  .object({
    id: z.string(),
    personId: z.string(),
    personName: z.string(),
    deputyId: z.string(),
    deputyName: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    reason: z.string(),
    active: z.boolean().describe('今天(北京时间)在代理期间内'),
    cancelled: z.boolean(),
  })
  .meta({ id: 'Proxy' });

const ZCreateProxy = z.object({
  deputyId: zId(),
  startsOn: ZDate,
  endsOn: ZDate,
  reason: zLine(200),
});

async function present(deps: AppDeps, rows: OutOfOfficeProxy[], now: Date) {
  const people = await deps.prisma.person.findMany({ where: { id: { in: rows.flatMap((r) => [r.personId, r.deputyId]) } }, select: { id: true, displayName: true } });
  const name = (id: string) => people.find((p) => p.id === id)?.displayName ?? id;
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    personName: name(r.personId),
    deputyId: r.deputyId,
    deputyName: name(r.deputyId),
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    reason: r.reason,
    active: proxyCovers({ ...r, cancelled: r.cancelledAt !== null }, now),
    cancelled: r.cancelledAt !== null,
  }));
}

export async function createProxy({ deps, actor, input, requestId }: { deps: AppDeps; actor: Actor; input: z.output<typeof ZCreateProxy>; requestId: string }) {
  const now = businessTime(deps);
  const refusal = proxyRefusal({ personId: actor.personId, ...input }, now, deps.config.inbox.proxyMaxDays);
  if (refusal) throw new AppError(refusal.code, refusal.message);
  const deputy = await deps.prisma.person.findUnique({ where: { id: input.deputyId }, select: { active: true } });
  if (!deputy?.active) throw new AppError('BUSINESS_RULE', '代理人不存在或已停用。');
  const roles = [...new Set(actor.grants.map((g) => ROLE_LABELS[g.role]))].join('、');
  await refuseOutOfReach(deps.prisma, [input.deputyId], (g) => deputyCandidateGrant(actor.grants, g), { what: '代理', rule: `代理人须担任您的角色之一(${roles})。` });
  const row = await deps.prisma.$transaction(async (tx) => {
    const created = await tx.outOfOfficeProxy.create({ data: { personId: actor.personId, ...input, createdAt: now } });
    await tx.auditLog.create({ data: { at: now, actorId: actor.personId, action: 'proxy.created', subjectType: 'OutOfOfficeProxy', subjectId: created.id, requestId, data: { ...input } } });
    await tx.notification.create({
      data: {
        recipientId: input.deputyId,
        kind: 'proxy.named',
        title: `${actor.displayName}指定您为代理人`,
        body: `${input.startsOn}至${input.endsOn}期间,${actor.displayName}的待办将转由您代为办理:${input.reason}`,
        idempotencyKey: `proxy|${created.id}|${input.deputyId}`,
        createdAt: now,
      },
    });
    return created;
  });
  return (await present(deps, [row], now))[0]!;
}

export const proxyRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/me/proxies',
    summary: "The caller's out-of-office arrangements (代理): those they named and those naming them",
    roles: 'authenticated',
    response: { schema: z.object({ named: z.array(ZProxy), covering: z.array(ZProxy) }) },
    handler: async ({ deps, actor }) => {
      const now = businessTime(deps);
      const [named, covering] = await Promise.all([
        deps.prisma.outOfOfficeProxy.findMany({ where: { personId: actor.personId }, orderBy: { startsOn: 'asc' } }),
        deps.prisma.outOfOfficeProxy.findMany({ where: { deputyId: actor.personId }, orderBy: { startsOn: 'asc' } }),
      ]);
      return { named: await present(deps, named, now), covering: await present(deps, covering, now) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/me/proxies/candidates',
    summary: '代理 people picker: colleagues the caller may name as deputy (a role on the line of a unit where the caller holds one), found by name, with their roles and units',
    roles: ROLE_NAMES,
    request: { query: ZDeputyCandidatesQuery },
    response: { schema: ZCandidatePage },
    handler: ({ deps, actor, query }) => listDeputyCandidates({ deps, actor, q: query.q, limit: query.limit }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/me/proxies',
    summary: 'Name a deputy for a date range (代理): tasks assigned to the caller route to them, who act "代 X"',
    roles: ROLE_NAMES,
    request: { body: ZCreateProxy },
    response: { status: 201, schema: ZProxy },
    errors: ['BUSINESS_RULE', 'TARGET_OUT_OF_REACH'],
    handler: async ({ deps, actor, body, requestId }) => reply(201, await createProxy({ deps, actor, input: body, requestId })),
  }),
  defineRoute({
    method: 'post',
    path: '/api/me/proxies/:id/actions/cancelProxy',
    summary: 'End an out-of-office arrangement the caller named',
    roles: ROLE_NAMES,
    request: { params: z.object({ id: zId() }) },
    response: { schema: ZProxy },
    errors: ['NOT_FOUND', 'ALREADY_DONE'],
    handler: async ({ deps, actor, params, requestId }) => {
      const now = businessTime(deps);
      const row = await deps.prisma.outOfOfficeProxy.findFirst({ where: { id: params.id, personId: actor.personId } });
      if (!row) throw new AppError('NOT_FOUND', '没有这项代理安排。');
      if (row.cancelledAt) throw new AppError('ALREADY_DONE', '该代理安排已经取消。');
      const updated = await deps.prisma.$transaction(async (tx) => {
        const u = await tx.outOfOfficeProxy.update({ where: { id: row.id }, data: { cancelledAt: now } });
        await tx.auditLog.create({ data: { at: now, actorId: actor.personId, action: 'proxy.cancelled', subjectType: 'OutOfOfficeProxy', subjectId: row.id, requestId } });
        return u;
      });
      return (await present(deps, [updated], now))[0]!;
    },
  }),
];
