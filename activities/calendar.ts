// The calendar activities. Workflows compute their working-day periods on a
// snapshot of the calendar they hold (workflows/kit/calendar.ts), taken with
// `loadWorkCalendar`; a step's save checks the snapshot is still the stored
// calendar (`assertCalendarCurrent`). `workingDeadlines` answers the
// histories written when every period was an activity of its own.
import { ApplicationFailure } from '@temporalio/activity';
import { CALENDAR_CHANGED, workingDeadlines as computeDeadlines, type CalendarSnapshot, type WorkingDeadline, type WorkingDeadlineItem } from '../domain/calendar';
import { loadCalendar, loadCalendarSnapshot } from '../db/calendar-store';
import type { RawDb } from '../db/raw-sql';
import type { ActivityDeps } from './deps';

export type { WorkingDeadline, WorkingDeadlineItem } from '../domain/calendar';

/**
 * Inside a step's save, after its write: refuses the step (its transaction
 * rolls back, nothing written) when the calendar its periods were computed
 * on is no longer the stored one: an administrator loaded or corrected a
 * year since the workflow took its snapshot. Not retryable: the workflow
 * takes a new snapshot and computes the step again.
 */
export async function assertCalendarCurrent(db: RawDb, version: string): Promise<void> {
  const current = await loadCalendarSnapshot(db);
  if (current.version !== version) {
    throw ApplicationFailure.create({ type: CALENDAR_CHANGED, message: '工作日历已更新,按新日历重新计算期限', nonRetryable: true });
  }
}

export function createCalendarActivities({ prisma }: ActivityDeps) {
  return {
    async workingDeadlines(input: { from: string; items: readonly WorkingDeadlineItem[] }): Promise<WorkingDeadline[]> {
      return computeDeadlines(await loadCalendar(prisma), new Date(input.from), input.items);
    },
    /** The calendar as stored now, for a workflow to compute its periods on. */
    async loadWorkCalendar(): Promise<CalendarSnapshot> {
      return loadCalendarSnapshot(prisma);
    },
  };
}

export type CalendarActivities = ReturnType<typeof createCalendarActivities>;
