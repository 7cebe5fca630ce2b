// Beijing time and calendar days live in domain/calendar; these names stay
// only for callers written before that (tests). New code: `toLocalDate`,
// `endOfDay`, `addCalendarDays` of domain/calendar.
import { addCalendarDays } from '../calendar';

export {
  /** @deprecated use `toLocalDate` of domain/calendar */
  toLocalDate as shanghaiDate,
} from '../calendar';

/** @deprecated use `addCalendarDays` of domain/calendar */
export const endOfCalendarDaysAfter = (from: Date | string, days: number): Date => addCalendarDays(from, days);
