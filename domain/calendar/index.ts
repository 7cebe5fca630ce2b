// Business calendar: working days in Asia/Shanghai with the State Council's
// holidays and make-up working days. Pure; see README.md in this folder.
export type { BusinessCalendar, CalendarYearData, DeadlineTime, LocalDate } from './types';
export { shippedCalendarYears } from './years';
export { NEXT_YEAR_DUE_MONTH, yearsToLoad, type YearToLoad } from './coverage';
export { addDaysLocal, atTime, daysBetweenLocal, endOfDay, isLocalDate, startOfDay, startOfMonth, toLocalDate, yearOf } from './dates';
export {
  addCalendarDays,
  addWorkingDays,
  addWorkingDaysLocal,
  coversDate,
  createCalendar,
  defaultCalendar,
  isWorkingDay,
  validateCalendarYear,
  workingDaysBetween,
  type CalendarDaysOptions,
  type DeadlineOptions,
} from './working-days';
export { CALENDAR_CHANGED, workingDeadlines, type CalendarSnapshot, type WorkingDeadline, type WorkingDeadlineItem } from './deadlines';
