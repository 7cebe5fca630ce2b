// Calendar-day deadlines in Beijing time. Working-day deadlines need the
// holiday calendar and are computed by an activity; calendar-day ones (the
// 30 days for 司法确认) are pure and shared by workflow, API and tests.

import { addCalendarDays } from '../calendar';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The Beijing calendar date ("YYYY-MM-DD") of an instant. */
export function shanghaiDate(at: Date | string): string {
  return new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 23:59:59.999 Beijing time on a calendar date. */
export function endOfShanghaiDate(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS + DAY_MS - 1);
}

/**
 * End of the `days`-th calendar day after the day of `from`: an agreement
 * effective on 1 March may be brought to court until the end of 31 March.
 */
export function endOfCalendarDaysAfter(from: Date | string, days: number): Date {
  return addCalendarDays(new Date(from), days);
}

/** Whole hours between two instants (time per round in statistics). */
export function hoursBetween(from: Date | string, to: Date | string): number {
  return (new Date(to).getTime() - new Date(from).getTime()) / 3600_000;
}
