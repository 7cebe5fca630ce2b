// A case computes its rounds' due dates in the workflow, on the working-day
// calendar it took when it needed its first period (workflows/kit/calendar.ts).
// An administrator who loads a year after that must still count: the next
// round's due date skips the new holidays, as it did when each period was an
// activity reading the stored calendar. The year is one only this file's
// clock reaches, so the files running beside it compute the same dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, createCalendar, defaultCalendar, shippedCalendarYears, type CalendarYearData } from '../../domain/calendar';
import { saveCalendarYear } from '../../db/calendar-store';
import { localActivityTypeOf } from '../helpers/histories';
import { mediateRound, round, startMediationPlatform, who, type MediationPlatform } from './support';

const YEAR = 2031;
/** A long New Year break, loaded while the case runs. */
const LOADED: CalendarYearData = {
  year: YEAR,
  holidays: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((d) => `${YEAR}-01-${d}`),
  workdays: [],
  source: '测试:年中补录的节假日安排',
};

let p: MediationPlatform;
beforeAll(async () => {
  p = await startMediationPlatform();
  await p.prisma.calendarYear.deleteMany({ where: { year: YEAR } });
});
afterAll(async () => {
  await p?.prisma.calendarYear.deleteMany({ where: { year: YEAR } });
  await p?.close();
});

describe('a year loaded while a case runs', () => {
  it('counts in the next round\'s due date: the save of the step computed on the old calendar is refused and the step computed again', async () => {
    // A week before New Year: an ordinary round (7 working days) runs into the loaded break.
    const target = Date.parse(`${YEAR - 1}-12-23T10:00:00+08:00`);
    await p.advanceTime(target - p.now().getTime());
    const id = await p.register();
    const c0 = await p.caseWhen(id, (c) => c.stage === 'in_round');
    // Computed on the calendar as it was: the shipped years only.
    expect(round(c0).dueAt).toBe(addWorkingDays(new Date(round(c0).startedAt), 7, defaultCalendar()).toISOString());

    await saveCalendarYear(p.prisma, LOADED);
    await mediateRound(p, id, who.communityMediator, 'failure');
    const c1 = await p.caseWhen(id, (c) => c.currentLevel === 'street' && c.state.rounds.length === 2);
    const from = new Date(round(c1).startedAt);
    const loaded = addWorkingDays(from, 7, createCalendar([...shippedCalendarYears(), LOADED])).toISOString();
    const stale = addWorkingDays(from, 7, defaultCalendar()).toISOString();
    expect(loaded).not.toBe(stale);
    expect(round(c1).dueAt).toBe(loaded);
    // The inbox shows the same date.
    const task = await p.prisma.humanTask.findFirstOrThrow({ where: { subjectId: id, status: 'open' } });
    expect(task.dueAt?.toISOString()).toBe(loaded);

    // How: a save refused for the changed calendar (nothing written), the calendar taken again, the step saved.
    // (Other test files load years too while this one runs: each may cost one more refusal and one more load.)
    const events = (await p.client.workflow.getHandle(`mediation-${id}`).fetchHistory()).events ?? [];
    const refused = events.filter((e) => localActivityTypeOf(e) === 'saveMediationCase' && e.markerRecordedEventAttributes?.failure);
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused.map((e) => e.markerRecordedEventAttributes!.failure!.applicationFailureInfo?.type))).toEqual(new Set(['CALENDAR_CHANGED']));
    expect(events.filter((e) => localActivityTypeOf(e) === 'loadWorkCalendar')).toHaveLength(1 + refused.length);
    expect(events.some((e) => localActivityTypeOf(e) === 'mediationWorkingDeadline')).toBe(false);
  });
});
