// Calendar days in Asia/Shanghai. China has used UTC+8 all year since 1991
// (no daylight saving), so a fixed offset is exact and needs no tz database,
// which also keeps this usable inside the Temporal workflow sandbox.
import type { DeadlineTime, LocalDate } from './types';

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function parseLocal(value: LocalDate): number {
  if (!isLocalDate(value)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${value}`);
  return Date.parse(`${value}T00:00:00Z`);
}

/**
 * The Beijing (Asia/Shanghai) calendar day of an instant, given as a Date or
 * an ISO timestamp; a "YYYY-MM-DD" string is taken as that day.
 */
export function toLocalDate(date: Date | string): LocalDate {
  if (typeof date === 'string') {
    if (LOCAL_DATE.test(date)) {
      parseLocal(date);
      return date;
    }
    date = new Date(date);
  }
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid Date');
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Beijing calendar year of an instant (a deadline at 23:00 UTC on 31 Dec is already next year). */
export function yearOf(date: Date | string): number {
  return Number(toLocalDate(date).slice(0, 4));
}

/** 00:00 Beijing time on the first day of a month (1–12; 13 is January of the next year). */
export function startOfMonth(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 1) - OFFSET_MS);
}

export function addDaysLocal(day: LocalDate, n: number): LocalDate {
  return new Date(parseLocal(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (negative when b is before a). */
export function daysBetweenLocal(a: LocalDate, b: LocalDate): number {
  return Math.round((parseLocal(b) - parseLocal(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: LocalDate): number {
  return new Date(parseLocal(day)).getUTCDay();
}

export function eachDay(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = from; d <= to; d = addDaysLocal(d, 1)) out.push(d);
  return out;
}

/** 00:00 of the day in Asia/Shanghai. */
export function startOfDay(day: Date | string): Date {
  return new Date(parseLocal(toLocalDate(day)) - OFFSET_MS);
}

/** The instant a deadline on `day` falls, at `at` Asia/Shanghai time. */
export function atTime(day: LocalDate, at: DeadlineTime = 'end-of-day'): Date {
  const start = parseLocal(day) - OFFSET_MS;
  if (at === 'end-of-day') return new Date(start + DAY_MS - 1);
  const m = /^(\d{1,2}):(\d{2})$/.exec(at);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`not a time of day (HH:MM): ${at}`);
  return new Date(start + (Number(m[1]) * 60 + Number(m[2])) * 60 * 1000);
}

export function endOfDay(day: Date | string): Date {
  return atTime(toLocalDate(day), 'end-of-day');
}
