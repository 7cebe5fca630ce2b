// When each year's cycle starts by itself. The start is a wall-clock moment
// in China Standard Time (UTC+8, no daylight saving), computed without any
// time-zone database so it runs inside the workflow sandbox.

import { atTime, yearOf, type DeadlineTime } from '../calendar';
import type { ReportingRules } from './rules';

const pad = (n: number) => String(n).padStart(2, '0');

/** The moment the cycle of work year `year` starts (UTC instant). */
export function cycleStartFor(year: number, start: ReportingRules['yearlyStart']): Date {
  return atTime(`${year}-${pad(start.month)}-${pad(start.day)}`, `${pad(start.hour)}:00` as DeadlineTime);
}

/** @deprecated `yearOf` of domain/calendar: the one Beijing-year function. */
export const chinaYear = (at: Date): number => yearOf(at);

/**
 * The next work year whose cycle has not yet started by `now`, at or after
 * `notBefore` (the year after the last one the schedule started).
 */
export function nextScheduledYear(now: Date, start: ReportingRules['yearlyStart'], notBefore?: number): number {
  let year = yearOf(now);
  if (cycleStartFor(year, start).getTime() <= now.getTime()) year += 1;
  return notBefore !== undefined && notBefore > year ? notBefore : year;
}
