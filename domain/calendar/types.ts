/** A calendar day in Asia/Shanghai, "YYYY-MM-DD". */
export type LocalDate = string;

/** One year's State Council holiday notice, as data. */
export interface CalendarYearData {
  year: number;
  /** Every day off of each announced break (weekend days inside a break may be listed too). */
  holidays: LocalDate[];
  /** Weekend days that are working days (调休上班). */
  workdays: LocalDate[];
  /** The notice, e.g. "国办发明电〔2025〕7号". */
  source: string;
}

/**
 * The business calendar: plain, serialisable data (it can be passed into a
 * workflow or cached as JSON). Build it with `createCalendar`.
 */
export interface BusinessCalendar {
  years: Record<number, CalendarYearData>;
}

/**
 * When on the final day a deadline falls: 'end-of-day' (23:59:59.999 in
 * Asia/Shanghai, the default, so "within N working days" includes all of the
 * Nth day) or a wall-clock time "HH:MM" in Asia/Shanghai.
 */
export type DeadlineTime = 'end-of-day' | `${number}:${number}`;
