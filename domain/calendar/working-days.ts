// Working-day arithmetic for deadlines. Counting follows the rule of Chinese
// procedural law (民事诉讼法 §85): the day an event happens is not counted; a
// period of N days ends at the end of the Nth day after it. Deadlines are
// instants: the end of the last day in Asia/Shanghai unless a time is chosen.
import { addDaysLocal, atTime, daysBetweenLocal, isLocalDate, toLocalDate, weekdayOf } from './dates';
import { shippedCalendarYears } from './years';
import type { BusinessCalendar, CalendarYearData, DeadlineTime, LocalDate } from './types';

export interface DeadlineOptions {
  /** Time of day on the last day. Default 'end-of-day' (23:59:59.999 Asia/Shanghai). */
  at?: DeadlineTime;
}

export interface CalendarDaysOptions extends DeadlineOptions {
  /**
   * When the last day is not a working day, move it to the next working day
   * (民事诉讼法 §85: a period whose last day is a statutory holiday ends on the
   * first day after the holiday). Default false: plain calendar days.
   */
  rollToWorkingDay?: boolean;
}

/** Years later in the list replace earlier ones with the same `year`. */
export function createCalendar(years: readonly CalendarYearData[] = shippedCalendarYears()): BusinessCalendar {
  const map: Record<number, CalendarYearData> = {};
  for (const y of years) {
    validateCalendarYear(y);
    map[y.year] = y;
  }
  return { years: map };
}

/**
 * The shipped years only (2024–2026), built on first use (see
 * shippedCalendarYears: workflows evaluate this module once each); prefer
 * db/calendar-store's loadCalendar in activities.
 */
export function defaultCalendar(): BusinessCalendar {
  shipped ??= createCalendar();
  return shipped;
}

let shipped: BusinessCalendar | undefined;

/** Throws a RangeError naming the first problem; used for shipped data and for administrator uploads. */
// Messages are zh-CN: an administrator loading a year reads them as the API's answer.
export function validateCalendarYear(y: CalendarYearData): void {
  if (!Number.isInteger(y.year) || y.year < 2000 || y.year > 2100) throw new RangeError(`年度超出范围:${y.year}`);
  if (!y.source?.trim()) throw new RangeError(`${y.year} 年:缺少依据文件`);
  // A break may start in late December of the year before (e.g. 元旦 2024
  // began 2023-12-30), so the neighbouring years are accepted.
  const inReach = (d: LocalDate) => Math.abs(Number(d.slice(0, 4)) - y.year) <= 1;
  for (const d of [...y.holidays, ...y.workdays]) {
    if (!isLocalDate(d)) throw new RangeError(`${y.year} 年:${d} 不是有效日期(应为 YYYY-MM-DD)`);
    if (!inReach(d)) throw new RangeError(`${y.year} 年:${d} 不在该年度及前后一年内`);
  }
  const holidays = new Set(y.holidays);
  for (const d of y.workdays) {
    if (holidays.has(d)) throw new RangeError(`${y.year} 年:${d} 不能既是放假日又是调休上班日`);
    const wd = weekdayOf(d);
    if (wd !== 0 && wd !== 6) throw new RangeError(`${y.year} 年:调休上班日 ${d} 不是周六或周日`);
  }
}

interface Index {
  holidays: Set<LocalDate>;
  workdays: Set<LocalDate>;
  years: Set<number>;
}

const indexes = new WeakMap<BusinessCalendar, Index>();

function indexOf(calendar: BusinessCalendar): Index {
  let idx = indexes.get(calendar);
  if (!idx) {
    idx = { holidays: new Set(), workdays: new Set(), years: new Set() };
    for (const y of Object.values(calendar.years)) {
      idx.years.add(y.year);
      for (const d of y.holidays) idx.holidays.add(d);
      for (const d of y.workdays) idx.workdays.add(d);
    }
    indexes.set(calendar, idx);
  }
  return idx;
}

/**
 * Whether the calendar holds the State Council data for the day's year. For a
 * year it does not hold, only weekends are days off: deadlines stay
 * computable before the next notice is published, and an administrator
 * loading the year corrects later computations.
 */
export function coversDate(date: Date | LocalDate, calendar: BusinessCalendar = defaultCalendar()): boolean {
  return indexOf(calendar).years.has(Number(toLocalDate(date).slice(0, 4)));
}

export function isWorkingDay(date: Date | LocalDate, calendar: BusinessCalendar = defaultCalendar()): boolean {
  const day = toLocalDate(date);
  const idx = indexOf(calendar);
  if (idx.workdays.has(day)) return true;
  if (idx.holidays.has(day)) return false;
  const wd = weekdayOf(day);
  return wd !== 0 && wd !== 6;
}

/** The day `n` working days after the day of `date` (that day not counted); n = 0 gives that day itself. */
export function addWorkingDaysLocal(date: Date | LocalDate, n: number, calendar: BusinessCalendar = defaultCalendar()): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let day = toLocalDate(date);
  for (let left = n; left > 0; ) {
    day = addDaysLocal(day, 1);
    if (isWorkingDay(day, calendar)) left--;
  }
  return day;
}

/**
 * Deadline `n` working days after `date`: e.g. 公示 of 5 working days
 * published on a Thursday ends at the end of the following Thursday, or later
 * when a holiday intervenes; a make-up Saturday counts as a working day.
 */
export function addWorkingDays(
  date: Date | LocalDate,
  n: number,
  calendar: BusinessCalendar = defaultCalendar(),
  options: DeadlineOptions = {},
): Date {
  return atTime(addWorkingDaysLocal(date, n, calendar), options.at);
}

/** Deadline `n` calendar days after `date` (e.g. 司法确认: 30 days from the agreement). */
export function addCalendarDays(
  date: Date | LocalDate,
  n: number,
  calendar?: BusinessCalendar,
  options: CalendarDaysOptions = {},
): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`days must be a whole number ≥ 0: ${n}`);
  let day = addDaysLocal(toLocalDate(date), n);
  // The default calendar only when a working day is asked for: building it cost each new mediation case's workflow
  // (a 30-day period at registration) 0.6% of the workflow threads' time over a year.
  if (options.rollToWorkingDay) {
    const cal = calendar ?? defaultCalendar();
    while (!isWorkingDay(day, cal)) day = addDaysLocal(day, 1);
  }
  return atTime(day, options.at);
}

/**
 * Working days after the day of `from` up to and including the day of `to`
 * (negative when `to` is earlier), so that
 * workingDaysBetween(d, addWorkingDays(d, n)) === n.
 */
export function workingDaysBetween(
  from: Date | LocalDate,
  to: Date | LocalDate,
  calendar: BusinessCalendar = defaultCalendar(),
): number {
  const a = toLocalDate(from);
  const b = toLocalDate(to);
  const span = daysBetweenLocal(a, b);
  if (span < 0) return -workingDaysBetween(b, a, calendar);
  let count = 0;
  for (let i = 1, day = a; i <= span; i++) {
    day = addDaysLocal(day, 1);
    if (isWorkingDay(day, calendar)) count++;
  }
  return count;
}
