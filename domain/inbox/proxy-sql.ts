// The 代理 date rule in SQL, beside its pure form (`proxyCovers` in rules.ts):
// the task list filters in one query, so it needs the rule as a condition on
// the arrangement's row. tests/inbox/proxy-sql.test.ts runs both on the same
// cases. Apart from rules.ts because it builds Prisma fragments, and the
// workflow bundle, which imports rules.ts through the machines, must not load
// the database client.
import { Prisma } from '../../prisma/generated/client';
import { toLocalDate } from '../calendar';
import { personalSteps } from './personal';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function alias(name: string): Prisma.Sql {
  // The alias is the caller's constant, never input; checked so a typo cannot become SQL.
  if (!IDENTIFIER.test(name)) throw new Error(`not a table alias: ${name}`);
  return Prisma.raw(name);
}

/**
 * `proxyCovers` for the "OutOfOfficeProxy" row aliased `proxy`: not cancelled,
 * and the Beijing day of `now` lies within startsOn..endsOn (both included;
 * the dates are stored as YYYY-MM-DD, so text order is date order).
 */
export function proxyCoversSql(proxy: string, now: Date): Prisma.Sql {
  const p = alias(proxy);
  const today = toLocalDate(now);
  return Prisma.sql`(${p}."cancelledAt" IS NULL AND ${p}."startsOn" <= ${today} AND ${today} <= ${p}."endsOn")`;
}

/** True for a "HumanTask" row (aliased `task`) of a personal step (see personal.ts): no inbox operation reaches it. */
export function personalStepSql(task: string): Prisma.Sql {
  const t = alias(task);
  const steps = personalSteps();
  if (steps.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`((${t}.process, ${t}.action) IN (${Prisma.join(steps.map((s) => Prisma.sql`(${s.process}, ${s.action})`))}))`;
}
