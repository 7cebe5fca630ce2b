// Which years of the business calendar an administrator still has to load.
// A deadline in a year the calendar does not hold counts only weekends as days
// off — the Spring Festival week would count as five working days — and
// nothing else says so. The State Council publishes a year's arrangement in
// the autumn before it (2026's on 2025-11-04), so the next year is due from
// November; the current year is due at once.
import { toLocalDate } from './dates';
import type { LocalDate } from './types';

/** The month (1–12, Beijing time) from which next year's arrangement is expected to be loaded. */
export const NEXT_YEAR_DUE_MONTH = 11;

export interface YearToLoad {
  year: number;
  /** The year of `today`: its deadlines are being computed without its holidays now. */
  current: boolean;
}

/** The years that should be loaded by `today` and are not among `known`, the current year first. */
export function yearsToLoad(today: Date | LocalDate, known: Iterable<number>): YearToLoad[] {
  const local = toLocalDate(today);
  const year = Number(local.slice(0, 4));
  const month = Number(local.slice(5, 7));
  const have = new Set(known);
  const due = [{ year, current: true }];
  if (month >= NEXT_YEAR_DUE_MONTH) due.push({ year: year + 1, current: false });
  return due.filter((y) => !have.has(y.year));
}
