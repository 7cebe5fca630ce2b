// The working-day calendar of a process instance. Periods in working days
// (a round's due date, the 公示 end, a step's escalation) are computed in the
// workflow, on a snapshot of the stored calendar the instance takes once (a
// local activity, recorded in its history, so a replay computes the same
// instants). Each had been a local activity of its own: on a 2-core machine an
// approval that asks for two periods spent a fifth of its CPU on them
// (docs/performance-log.md, "Periods computed in the workflow").
//
// The snapshot can go out of date: an administrator loads next year's
// holidays in November, or corrects a year. A step whose periods used the
// snapshot sends its version with its save; the save refuses the step when
// the stored calendar differs (CALENDAR_CHANGED, nothing written), and the
// runner (./runner) prepares the step again after `staleAfter` dropped the
// snapshot, so the next period takes a new one. No period is ever saved on a
// calendar other than the one stored when the step commits, as when each was
// an activity.
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { CalendarActivities } from '../../activities/calendar';
import { CALENDAR_CHANGED, type BusinessCalendar, type CalendarSnapshot } from '../../domain/calendar';
import { localFirstActivities } from './local-first';

const acts = localFirstActivities<CalendarActivities>(['loadWorkCalendar']);

export interface WorkflowCalendar {
  /** `compute` on the instance's snapshot (taken first when it has none); the running step's save will check its version. */
  use<T>(compute: (calendar: BusinessCalendar) => T): Promise<T>;
  /** A step begins (the runner calls it before each preparation): no period used yet. */
  beginStep(): void;
  /** The snapshot's version when the running step computed a period on it, for its save to check; else null. */
  usedVersion(): string | null;
  /** True when `err` is a save refused for a changed calendar; the snapshot is then dropped, to be taken anew. */
  staleAfter(err: unknown): boolean;
}

export function workflowCalendar(): WorkflowCalendar {
  let snapshot: CalendarSnapshot | null = null;
  let used: string | null = null;
  return {
    async use(compute) {
      snapshot ??= await acts.loadWorkCalendar();
      used = snapshot.version;
      return compute(snapshot.calendar);
    },
    beginStep() {
      used = null;
    },
    usedVersion: () => used,
    staleAfter(err) {
      const cause = err instanceof ActivityFailure ? err.cause : err;
      if (!(cause instanceof ApplicationFailure && cause.type === CALENDAR_CHANGED)) return false;
      snapshot = null;
      return true;
    },
  };
}
