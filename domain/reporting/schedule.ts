// When each year's cycle starts by itself. The start is a wall-clock moment
// in China Standard Time (UTC+8, no daylight saving), computed without any
// time-zone database so it runs inside the workflow sandbox.

import type { ReportingRules } from './rules';

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The moment the cycle of work year `year` starts (UTC instant). */
export function cycleStartFor(year: number, start: ReportingRules['yearlyStart']): Date {
  return new Date(Date.UTC(year, start.month - 1, start.day, start.hour) - CST_OFFSET_MS);
}

/** The year in China time of an instant. */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + CST_OFFSET_MS).getUTCFullYear();
}

/**
 * The next work year whose cycle has not yet started by `now`, at or after
 * `notBefore` (the year after the last one the schedule started).
 */
export function nextScheduledYear(now: Date, start: ReportingRules['yearlyStart'], notBefore?: number): number {
  let year = chinaYear(now);
  if (cycleStartFor(year, start).getTime() <= now.getTime()) year += 1;
  return notBefore !== undefined && notBefore > year ? notBefore : year;
}
