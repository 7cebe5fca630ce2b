import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { RoleName } from '../../domain/roles';
import type { Prisma, PrismaClient } from '../../prisma/generated/client';
import { scopePaths } from '../auth/guard';
import type { TListTasksQuery, TTask } from './schemas';
import { toTaskView } from './task-view';
import { textProblem } from '../http/text';
import { proxyCovers } from '../../domain/inbox/rules';

export interface ListTasksOptions {
  prisma: PrismaClient;
  actor: Actor;
  filter: TListTasksQuery;
  now: Date;
}

interface Cursor {
  /** dueAt of the last item, ISO, or null when it had none. */
  d: string | null;
  /** id of the last item. */
  i: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.i === 'string' && textProblem(c.i, false) === null && (c.d === null || (typeof c.d === 'string' && !Number.isNaN(Date.parse(c.d))))) return c;
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', '分页游标无效。', {
    details: [{ in: 'query', field: 'cursor', code: 'invalid_cursor', message: '请原样传回上一页的 nextCursor' }],
  });
}

/** Keyset condition for "after the cursor" in the order dueAt ASC NULLS LAST, id ASC. */
function afterCursor(c: Cursor): Prisma.HumanTaskWhereInput {
  if (c.d === null) return { dueAt: null, id: { gt: c.i } };
  const d = new Date(c.d);
  return { OR: [{ dueAt: { gt: d } }, { dueAt: d, id: { gt: c.i } }, { dueAt: null }] };
}

/** Unit ids each of the actor's roles covers (the unit of the grant and its subtree). */
async function unitsByRole(prisma: PrismaClient, actor: Actor): Promise<Map<RoleName, string[]>> {
  const roots = scopePaths(actor);
  const byRole = new Map<RoleName, string[]>();
  if (roots.length === 0) return byRole;
  const units = await prisma.unit.findMany({
    where: { OR: roots.map((p) => ({ path: { startsWith: p } })) },
    select: { id: true, path: true },
  });
  for (const g of actor.grants) {
    const ids = units.filter((u) => u.path.startsWith(g.unitPath)).map((u) => u.id);
    byRole.set(g.role, [...new Set([...(byRole.get(g.role) ?? []), ...ids])]);
  }
  return byRole;
}

/**
 * The caller's inbox: open tasks assigned to them, plus unassigned tasks for a
 * role they hold on the task's unit or an ancestor (never a sibling's). For
 * done/cancelled tasks, those they were assigned or completed, plus those of
 * their roles in scope.
 */
export async function listTasks({ prisma, actor, filter, now }: ListTasksOptions): Promise<{ items: TTask[]; nextCursor: string | null }> {
  const byRole = await unitsByRole(prisma, actor);
  const open = filter.status === 'open';
  const mine: Prisma.HumanTaskWhereInput[] = [{ assigneeId: actor.personId }];
  if (!open) mine.push({ completedById: actor.personId });
  if (open) {
    // 代理: tasks assigned to the people the caller covers for today; 委派: tasks the caller prepares.
    const proxies = await prisma.outOfOfficeProxy.findMany({ where: { deputyId: actor.personId, cancelledAt: null } });
    const principals = proxies.filter((p) => proxyCovers({ ...p, cancelled: false }, now)).map((p) => p.personId);
    if (principals.length > 0) mine.push({ assigneeId: { in: principals } });
    const delegated = await prisma.taskDelegation.findMany({ where: { delegateId: actor.personId, returnedAt: null }, select: { taskId: true } });
    if (delegated.length > 0) mine.push({ id: { in: delegated.map((d) => d.taskId) } });
  }
  // A done 民主评议 vote task names the representative who voted: it is theirs
  // alone, never listed to another holder of the role (vote secrecy).
  const roleScoped: Prisma.HumanTaskWhereInput[] = [...byRole].map(([role, unitIds]) => ({
    role,
    unitId: { in: unitIds },
    ...(open ? { assigneeId: null } : { NOT: { process: 'reporting', action: 'vote' } }),
  }));
  const scope =
    filter.assignment === 'mine' ? mine : filter.assignment === 'claimable' ? (open ? roleScoped : []) : [...mine, ...roleScoped];
  if (scope.length === 0) return { items: [], nextCursor: null };

  const and: Prisma.HumanTaskWhereInput[] = [{ OR: scope }, { status: filter.status }];
  if (filter.process) and.push({ process: filter.process });
  if (filter.action) and.push({ action: filter.action });
  if (filter.overdue === true) and.push({ dueAt: { lt: now } });
  if (filter.overdue === false) and.push({ OR: [{ dueAt: null }, { dueAt: { gte: now } }] });
  if (filter.unitId) {
    const unit = await prisma.unit.findUnique({ where: { id: filter.unitId }, select: { path: true } });
    if (!unit) return { items: [], nextCursor: null };
    const under = await prisma.unit.findMany({ where: { path: { startsWith: unit.path } }, select: { id: true } });
    and.push({ unitId: { in: under.map((u) => u.id) } });
  }
  if (filter.cursor) and.push(afterCursor(decodeCursor(filter.cursor)));

  const rows = await prisma.humanTask.findMany({
    where: { AND: and },
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  const units = await prisma.unit.findMany({
    where: { id: { in: [...new Set(page.map((t) => t.unitId))] } },
    select: { id: true, name: true, path: true },
  });
  const unitById = new Map(units.map((u) => [u.id, u]));
  const delegations = await prisma.taskDelegation.findMany({ where: { taskId: { in: page.map((t) => t.id) }, returnedAt: null }, select: { taskId: true, delegateId: true } });
  const last = page.at(-1);
  return {
    items: page.map((t) => toTaskView(t, unitById.get(t.unitId), now, { delegateId: delegations.find((d) => d.taskId === t.id)?.delegateId ?? null })),
    nextCursor: rows.length > filter.limit && last ? encodeCursor({ d: last.dueAt?.toISOString() ?? null, i: last.id }) : null,
  };
}
