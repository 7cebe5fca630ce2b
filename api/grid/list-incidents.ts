// GET /api/grid-incidents — incidents in the caller's scope, filtered, searched
// and paged; the reporter's contact is always masked in lists.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { VIEW_ROLES } from '../../domain/grid/access';
import { ENDED_STAGES, HANDLER_ROLE_BY_LEVEL } from '../../domain/grid/types';
import { Prisma } from '../../prisma/generated/client';
import { rawDb } from '../../db/raw-sql';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { pageTotal } from '../http/page-total';
import { dateRangeSql, placeInUnitSql } from '../http/unit-query';
import { presentIncident, SUMMARY_COLUMNS, type IncidentSummaryRow } from './present';
import { ZIncidentSummary, ZListIncidentsQuery } from './schemas';

export interface ListIncidentsOptions {
  deps: AppDeps;
  actor: Actor;
  query: z.output<typeof ZListIncidentsQuery>;
}

const LIST_COLUMNS = Prisma.raw(SUMMARY_COLUMNS.map((f) => `g."${f}"`).join(', '));
const HANDLER_ROLES: readonly string[] = Object.values(HANDLER_ROLE_BY_LEVEL);
/** The open step's deadline in the saved state (ISO text, as stepDueAtOf reads it). */
const STEP_DUE_AT = Prisma.sql`(g.snapshot #>> '{step,dueAt}')`;

/**
 * The incidents a person may list: those whose place lies under a unit where
 * they hold a reading role, those they reported, and those dispatched to a
 * unit they handle for (a district office sees what the street sent it).
 */
function incidentScopeSql(actor: Actor): Prisma.Sql {
  const ors = actor.grants.filter((g) => VIEW_ROLES.includes(g.role)).map((g) => Prisma.sql`starts_with(g."placePath", ${g.unitPath})`);
  ors.push(Prisma.sql`g."reportedById" = ${actor.personId}`);
  const handled = actor.grants.filter((g) => HANDLER_ROLES.includes(g.role)).map((g) => g.unitId);
  if (handled.length) ors.push(Prisma.sql`g."assigneeUnitId" = ANY(${handled}::text[])`);
  return Prisma.sql`(${Prisma.join(ors, ' OR ')})`;
}

/**
 * One query, as the projects and cases lists: the page's summary columns and
 * the total over the same filter (through the model: two, each row read
 * whole, its state included). A unit filter adds the unit's lookup, so that
 * an unknown unit is a 404.
 */
export async function listIncidents({ deps, actor, query }: ListIncidentsOptions) {
  const and: Prisma.Sql[] = [incidentScopeSql(actor)];
  and.push(...(await placeInUnitSql(deps, Prisma.sql`g."placePath"`, query.unitId)));
  if (query.stage) and.push(Prisma.sql`g.stage = ${query.stage}`);
  if (query.open !== undefined) and.push(Prisma.sql`g.stage ${query.open ? Prisma.sql`NOT IN` : Prisma.sql`IN`} (${Prisma.join(ENDED_STAGES)})`);
  if (query.type) and.push(Prisma.sql`g.type = ${query.type}`);
  if (query.urgency) and.push(Prisma.sql`g.urgency = ${query.urgency}`);
  if (query.channel) and.push(Prisma.sql`g.channel = ${query.channel}`);
  and.push(...dateRangeSql(Prisma.sql`g."reportedAt"`, query.from, query.to));
  if (query.overdue !== undefined) {
    // Overdue: the open step's own deadline has passed. Not nextDueAt, which moves on to the escalation date once
    // the step is reminded. ISO instants from toISOString() order as strings; no deadline is not overdue.
    const overdue = Prisma.sql`(g.stage NOT IN (${Prisma.join(ENDED_STAGES)}) AND ${STEP_DUE_AT} < ${businessTime(deps).toISOString()})`;
    and.push(query.overdue ? overdue : Prisma.sql`NOT COALESCE(${overdue}, FALSE)`);
  }
  // The search text as typed (strpos, not LIKE: a % or _ in it is a character, not a wildcard).
  if (query.q) and.push(Prisma.sql`(strpos(g."incidentNo", ${query.q}) > 0 OR strpos(g.title, ${query.q}) > 0 OR strpos(g.address, ${query.q}) > 0)`);
  const where = Prisma.join(and, ' AND ');
  const count = Prisma.sql`SELECT count(*) AS n FROM "GridIncident" g WHERE ${where}`;
  const rows = await rawDb(deps.prisma).$queryRaw<Array<IncidentSummaryRow & { total: bigint }>>`
    SELECT ${LIST_COLUMNS}, ${STEP_DUE_AT} AS "stepDueAt",
           (${count}) AS total
      FROM "GridIncident" g
     WHERE ${where}
     ORDER BY g."reportedAt" DESC, g."seqNo" DESC
     LIMIT ${query.limit} OFFSET ${query.offset}`;
  const total = await pageTotal(rawDb(deps.prisma), rows, query.offset, count);
  return { items: rows.map((r) => presentIncident(r, false)), total };
}

export const listIncidentsRoute = defineRoute({
  method: 'get',
  path: '/api/grid-incidents',
  summary: '网格事件列表(辖区内;按阶段、类型、紧急程度、渠道、单位、日期、是否超期筛选,按编号/标题/位置搜索)',
  description: "Incidents whose place lies under the caller's units, those they reported and those dispatched to a unit they handle for. The reporter's phone is masked in lists.",
  roles: 'authenticated',
  request: { query: ZListIncidentsQuery },
  response: { schema: z.object({ items: z.array(ZIncidentSummary), total: z.number() }) },
  errors: ['NOT_FOUND'],
  handler: async (ctx) => listIncidents({ deps: ctx.deps, actor: ctx.actor, query: ctx.query }),
});
