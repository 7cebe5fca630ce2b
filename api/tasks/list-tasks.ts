import { hasRoleOver, type Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { Prisma, type HumanTask, type PrismaClient } from '../../prisma/generated/client';
import type { TListTasksQuery, TTask } from './schemas';
import { toTaskView } from './task-view';
import { TASK_COLUMNS } from './load-task';
import { textProblem } from '../http/text';
import { personalStepSql, proxyCoversSql } from '../../domain/inbox/proxy-sql';
import { copiedToSql, startedBySql } from './record-access';
import { rawDb } from '../../db/raw-sql';

export interface ListTasksOptions {
  prisma: PrismaClient;
  actor: Actor;
  filter: TListTasksQuery;
  now: Date;
}

interface Cursor {
  /** The last item's sort time, ISO, or null when it had none: its dueAt in a list of open tasks, its completedAt in one of done tasks. */
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

/**
 * The order of a list: open tasks by their deadline, the nearest first (what to do next); done tasks by when they were
 * done, the latest first — a clerk looks for what was just handled, and in due order that sat behind a year of older
 * work, page after page.
 */
const ORDER = {
  open: { by: Prisma.sql`t."dueAt" ASC NULLS LAST, t.id ASC`, key: (t: HumanTask) => t.dueAt },
  // DESC puts NULLs first, as the index on (status, completedAt DESC, id DESC) keeps them (every close sets
  // completedAt, so there are none): NULLS LAST did not match the index, and PostgreSQL read every done task and
  // sorted them, 206 ms a page over 200,000 of them, against 2.2 walking the index (docs/performance-log.md).
  done: { by: Prisma.sql`t."completedAt" DESC, t.id DESC`, key: (t: HumanTask) => t.completedAt },
};

/** Keyset condition for "after the cursor" in the list's order (ORDER). */
function afterCursor(c: Cursor, open: boolean): Prisma.Sql {
  if (open) {
    if (c.d === null) return Prisma.sql`(t."dueAt" IS NULL AND t.id > ${c.i})`;
    const d = new Date(c.d);
    return Prisma.sql`(t."dueAt" > ${d} OR (t."dueAt" = ${d} AND t.id > ${c.i}) OR t."dueAt" IS NULL)`;
  }
  if (c.d === null) return Prisma.sql`((t."completedAt" IS NULL AND t.id < ${c.i}) OR t."completedAt" IS NOT NULL)`;
  const d = new Date(c.d);
  return Prisma.sql`(t."completedAt" < ${d} OR (t."completedAt" = ${d} AND t.id < ${c.i}))`;
}

type TaskRow = HumanTask & { unitName: string | null; unitPath: string | null; delegateId: string | null; onBehalfOfId: string | null; onBehalfOfName: string | null };

/**
 * The active people the caller covers for today (代理), looked up once per
 * query: a materialised CTE, because the lateral join below runs for every
 * open task the filter reaches (all of a street's, before the page is cut),
 * and an index probe of the proxies per task was most of the list's
 * database time when the caller covers for nobody.
 */
function principalsOf(deputyId: string, now: Date): Prisma.Sql {
  return Prisma.sql`WITH principals AS MATERIALIZED (
      SELECT p."personId", pp."displayName", p."createdAt", p.id FROM "OutOfOfficeProxy" p JOIN "Person" pp ON pp.id = p."personId"
       WHERE p."deputyId" = ${deputyId} AND ${proxyCoversSql('p', now)} AND pp.active)`;
}

/**
 * 代理, for open tasks: the principal (see principalsOf) whose task this is —
 * assigned to them, or waiting unassigned for a role they hold on the task's
 * unit or above — never on a personal step (a vote). A lateral subquery on
 * the task row, so the list stays one round-trip.
 */
const DEPUTY_JOIN = Prisma.sql`LEFT JOIN LATERAL (
      SELECT pr."personId", pr."displayName" FROM principals pr
       WHERE NOT ${personalStepSql('t')}
         AND (t."assigneeId" = pr."personId"
              OR (t."assigneeId" IS NULL AND EXISTS (SELECT 1 FROM "RoleAssignment" r JOIN "Unit" gu ON gu.id = r."unitId"
                                                      WHERE r."personId" = pr."personId" AND r.role = t.role AND starts_with(u.path, gu.path))))
       ORDER BY pr."createdAt" ASC, pr.id ASC LIMIT 1) dep ON TRUE`;
const NO_DEPUTY_JOIN = Prisma.sql`LEFT JOIN LATERAL (SELECT NULL::text AS "personId", NULL::text AS "displayName") dep ON TRUE`;

export async function listTasks({ prisma, actor, filter, now }: ListTasksOptions): Promise<{ items: TTask[]; nextCursor: string | null }> {
  // One query, joined with the task's unit: a role covers a task when the
  // task's unit lies in the subtree of a grant of that role (its path starts
  // with the grant's path), never a sibling's.
  const open = filter.status === 'open';
  const mine: Prisma.Sql[] = [Prisma.sql`t."assigneeId" = ${actor.personId}`];
  if (!open) mine.push(Prisma.sql`t."completedById" = ${actor.personId}`);
  // 代理 (tasks assigned to the people the caller covers for today) and 委派 (tasks the caller prepares).
  if (open) {
    mine.push(Prisma.sql`(t."assigneeId" IS NOT NULL AND dep."personId" IS NOT NULL)`);
    mine.push(Prisma.sql`t.id IN (SELECT d."taskId" FROM "TaskDelegation" d WHERE d."delegateId" = ${actor.personId} AND d."returnedAt" IS NULL)`);
  }
  // A done personal step (a 民主评议 vote) names the representative who voted:
  // it is theirs alone, never listed to another holder of the role (vote secrecy).
  const roleScoped: Prisma.Sql[] = actor.grants.map(
    (g) => Prisma.sql`(t.role = ${g.role}::"RoleName" AND starts_with(u.path, ${g.unitPath}) AND ${open ? Prisma.sql`t."assigneeId" IS NULL` : Prisma.sql`NOT ${personalStepSql('t')}`})`,
  );
  // 代理: the unassigned tasks of a role the principal holds, claimable by the deputy "代 X".
  if (open) roleScoped.push(Prisma.sql`(t."assigneeId" IS NULL AND dep."personId" IS NOT NULL)`);
  const inbox = filter.assignment === 'mine' ? mine : filter.assignment === 'claimable' ? (open ? roleScoped : []) : [...mine, ...roleScoped];
  // 已抄送 / 我发起 follow records, not work: the caller reads them (a copy grants reading, a starter reads what they started), a personal step excepted.
  const scope =
    filter.view === 'copied'
      ? [Prisma.sql`(${copiedToSql(actor.personId)} AND NOT ${personalStepSql('t')})`]
      : filter.view === 'started'
        ? [Prisma.sql`(${startedBySql(actor.personId)} AND NOT ${personalStepSql('t')})`]
        : inbox;
  if (scope.length === 0) return { items: [], nextCursor: null };

  const and: Prisma.Sql[] = [Prisma.sql`(${Prisma.join(scope, ' OR ')})`, Prisma.sql`t.status = ${filter.status}::"HumanTaskStatus"`];
  if (filter.process) and.push(Prisma.sql`t.process = ${filter.process}`);
  if (filter.action) and.push(Prisma.sql`t.action = ${filter.action}`);
  if (filter.subjectId) and.push(Prisma.sql`t."subjectId" = ${filter.subjectId}`);
  if (filter.overdue === true) and.push(Prisma.sql`t."dueAt" < ${now}`);
  if (filter.overdue === false) and.push(Prisma.sql`(t."dueAt" IS NULL OR t."dueAt" >= ${now})`);
  // An unknown unit matches nothing (the subquery is NULL).
  if (filter.unitId) and.push(Prisma.sql`starts_with(u.path, (SELECT path FROM "Unit" WHERE id = ${filter.unitId}))`);
  if (filter.cursor) and.push(afterCursor(decodeCursor(filter.cursor), open));
  const order = open ? ORDER.open : ORDER.done;

  const rows = await rawDb(prisma).$queryRaw<TaskRow[]>`
    ${open ? principalsOf(actor.personId, now) : Prisma.empty}
    SELECT ${TASK_COLUMNS}, u.name AS "unitName", u.path AS "unitPath",
            (SELECT d."delegateId" FROM "TaskDelegation" d WHERE d."taskId" = t.id AND d."returnedAt" IS NULL LIMIT 1) AS "delegateId",
            dep."personId" AS "onBehalfOfId", dep."displayName" AS "onBehalfOfName"
      FROM "HumanTask" t LEFT JOIN "Unit" u ON u.id = t."unitId"
      ${open ? DEPUTY_JOIN : NO_DEPUTY_JOIN}
     WHERE ${Prisma.join(and, ' AND ')}
     ORDER BY ${order.by}
     LIMIT ${filter.limit + 1}`;
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ unitName, unitPath, delegateId, onBehalfOfId, onBehalfOfName, ...t }) => {
      // "代 X" only where the caller does not hold the task in their own right.
      const own = t.assigneeId === actor.personId || (t.assigneeId === null && unitPath !== null && hasRoleOver(actor, t.role, unitPath));
      const onBehalfOf = onBehalfOfId && onBehalfOfName && !own ? { personId: onBehalfOfId, displayName: onBehalfOfName } : null;
      return toTaskView(t, unitName !== null && unitPath !== null ? { name: unitName, path: unitPath } : undefined, now, { delegateId, onBehalfOf });
    }),
    nextCursor: rows.length > filter.limit && last ? encodeCursor({ d: order.key(last)?.toISOString() ?? null, i: last.id }) : null,
  };
}
