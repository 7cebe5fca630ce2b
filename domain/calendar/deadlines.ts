// Due dates for a process step, in working days on a given calendar: what
// the processes' workflows compute on their calendar snapshot and the
// calendar activity computes on the stored one (both the same function).
import { endOfDay } from './dates';
import { addWorkingDays } from './working-days';
import type { BusinessCalendar, LocalDate } from './types';

export interface WorkingDeadlineItem {
  key: string;
  /** N working days after `from`; or */
  workingDays?: number;
  /** a fixed Beijing date (YYYY-MM-DD), due at its end. */
  date?: LocalDate;
  /** Also the moment N working days after the due date (an escalation); 0 or absent: none. */
  escalateWorkingDays?: number;
  /** Also the moment to remind, N working days before the due date (at most the period less one; 0: at the due date). */
  remindLeadDays?: number;
}

export interface WorkingDeadline {
  key: string;
  dueAt: string;
  escalateAt: string | null;
  remindAt: string | null;
}

/** Each item's due date (the end, Beijing time, of the Nth working day after `from`, the day itself not counted). */
export function workingDeadlines(calendar: BusinessCalendar, from: Date, items: readonly WorkingDeadlineItem[]): WorkingDeadline[] {
  return items.map((item) => {
    const days = item.workingDays ?? 0;
    const due = item.date ? endOfDay(item.date) : addWorkingDays(from, days, calendar);
    const escalate = item.escalateWorkingDays ? addWorkingDays(due, item.escalateWorkingDays, calendar) : null;
    let remind: Date | null = null;
    if (item.remindLeadDays !== undefined) {
      const lead = Math.min(item.remindLeadDays, days - 1);
      remind = lead > 0 ? addWorkingDays(from, days - lead, calendar) : due;
    }
    return { key: item.key, dueAt: due.toISOString(), escalateAt: escalate?.toISOString() ?? null, remindAt: remind?.toISOString() ?? null };
  });
}

/**
 * The calendar a workflow computes its periods on, and its version: a
 * digest of every year in it. A step's save compares the version with the
 * calendar stored now and refuses the step (CALENDAR_CHANGED, nothing
 * written) when an administrator changed a year since the snapshot was
 * taken; the workflow then takes a new snapshot and computes the step again.
 */
export interface CalendarSnapshot {
  version: string;
  calendar: BusinessCalendar;
}

/** Failure type of a step's save refused because the calendar changed since the workflow's snapshot. */
export const CALENDAR_CHANGED = 'CALENDAR_CHANGED';
