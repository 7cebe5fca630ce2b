// GET /api/mediation-cases — cases in the caller's scope, filtered and
// searched; parties' personal data is always masked in lists.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { VIEW_ROLES } from '../../domain/mediation/access';
import { Prisma } from '../../prisma/generated/client';
import { rawDb } from '../../db/raw-sql';
import type { AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { pageTotal } from '../http/page-total';
import { dateRangeSql, placeInUnitSql } from '../http/unit-query';
import { CASE_PARTIES_JSON, presentSummary, SUMMARY_COLUMNS, type CaseSummaryRow } from './present';
import { ZCaseSummary, ZListCasesQuery } from './schemas';

export interface ListCasesOptions {
  deps: AppDeps;
  actor: Actor;
  query: z.output<typeof ZListCasesQuery>;
}

const LIST_COLUMNS = Prisma.raw(SUMMARY_COLUMNS.map((f) => `c."${f}"`).join(', '));

/**
 * The cases a person may list: those whose place lies under a unit where
 * they hold a reading role, plus those they mediate (a district mediator
 * seconded to a case elsewhere still sees it).
 */
function caseScopeSql(actor: Actor): Prisma.Sql {
  const under = actor.grants.filter((g) => VIEW_ROLES.includes(g.role)).map((g) => Prisma.sql`starts_with(c."placePath", ${g.unitPath})`);
  return Prisma.sql`(${Prisma.join([...under, Prisma.sql`c."mediatorId" = ${actor.personId}`], ' OR ')})`;
}

/**
 * One query, as the projects list: the page's summary columns with each
 * case's parties (a subquery per row of the page, in party order) and the
 * total over the same filter. Through the model it was three (the cases,
 * their parties, the count), each row read whole, its state included — the
 * biggest list of the platform (about 2,400 cases a district-year) and the
 * costliest (docs/performance-log.md, seventeenth session). A unit filter
 * adds the unit's lookup, so that an unknown unit is a 404.
 */
export async function listCases({ deps, actor, query }: ListCasesOptions) {
  const and: Prisma.Sql[] = [caseScopeSql(actor)];
  and.push(...(await placeInUnitSql(deps, Prisma.sql`c."placePath"`, query.unitId)));
  if (query.stage) and.push(Prisma.sql`c.stage = ${query.stage}`);
  if (query.channel) and.push(Prisma.sql`c.channel = ${query.channel}`);
  if (query.disputeType) and.push(Prisma.sql`c."disputeType" = ${query.disputeType}`);
  if (query.level) and.push(Prisma.sql`c."currentLevel" = ${query.level}`);
  if (query.outcome) and.push(Prisma.sql`c.outcome = ${query.outcome}`);
  if (query.judicialStatus) and.push(Prisma.sql`c."judicialStatus" = ${query.judicialStatus}`);
  and.push(...dateRangeSql(Prisma.sql`c."registeredAt"`, query.from, query.to));
  // The search text as typed, anywhere in the case number, the title or a party's name: strpos, not LIKE, so that
  // a % or _ in it is a character and not a wildcard.
  if (query.q) {
    and.push(Prisma.sql`(strpos(c."caseNo", ${query.q}) > 0 OR strpos(c.title, ${query.q}) > 0
      OR EXISTS (SELECT 1 FROM "MediationParty" sp WHERE sp."caseId" = c.id AND strpos(sp.name, ${query.q}) > 0))`);
  }
  const where = Prisma.join(and, ' AND ');
  const count = Prisma.sql`SELECT count(*) AS n FROM "MediationCase" c WHERE ${where}`;
  const rows = await rawDb(deps.prisma).$queryRaw<Array<CaseSummaryRow & { total: bigint }>>`
    SELECT ${LIST_COLUMNS},
           ${CASE_PARTIES_JSON} AS parties,
           (${count}) AS total
      FROM "MediationCase" c
     WHERE ${where}
     ORDER BY c."registeredAt" DESC, c."seqNo" DESC
     LIMIT ${query.limit} OFFSET ${query.offset}`;
  const total = await pageTotal(rawDb(deps.prisma), rows, query.offset, count);
  return { items: rows.map((r) => presentSummary(r, false)), total };
}

export const listCasesRoute = defineRoute({
  method: 'get',
  path: '/api/mediation-cases',
  summary: '调解案件列表(辖区内;按阶段、渠道、类型、层级、结果、日期筛选,按案号/案由/当事人搜索)',
  description: 'Parties\' phone numbers and ID numbers are masked in lists; open a case to see them if you are entitled.',
  roles: 'authenticated',
  request: { query: ZListCasesQuery },
  response: { schema: z.object({ items: z.array(ZCaseSummary), total: z.number() }) },
  errors: ['NOT_FOUND'],
  handler: async (ctx) => listCases({ deps: ctx.deps, actor: ctx.actor, query: ctx.query }),
});
