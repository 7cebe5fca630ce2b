// The one working-day deadline activity: every process asks it for due dates
// (the end, Beijing time, of the Nth working day after `from`, the day itself
// not counted, with the administrator-loaded holidays and make-up days).
import { addWorkingDays, endOfDay } from '../domain/calendar';
import { loadCalendar } from '../db/calendar-store';
import type { ActivityDeps } from './deps';

export interface WorkingDeadlineItem {
  key: string;
  /** N working days after `from`; or */
  workingDays?: number;
  /** a fixed Beijing date (YYYY-MM-DD), due at its end. */
  date?: string;
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

export function createCalendarActivities({ prisma }: ActivityDeps) {
  async function workingDeadlines(input: { from: string; items: readonly WorkingDeadlineItem[] }): Promise<WorkingDeadline[]> {
    const from = new Date(input.from);
    const calendar = await loadCalendar(prisma);
    return input.items.map((item) => {
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
  return { workingDeadlines };
}

export type CalendarActivities = ReturnType<typeof createCalendarActivities>;
