import { afterAll, describe, expect, it } from 'vitest';
import { loadCalendar, saveCalendarYear } from '../../db';
import { isWorkingDay } from '../../domain/calendar';
import { testPrisma } from '../helpers/db';

// A far year, so that other test files loading the calendar are unaffected.
const YEAR = 2099;

describe('calendar store', () => {
  const prisma = testPrisma();
  afterAll(() => prisma.calendarYear.deleteMany({ where: { year: YEAR } }));

  it('merges an administrator-loaded year over the shipped years', async () => {
    await saveCalendarYear(prisma, { year: YEAR, source: 'test notice', holidays: ['2099-01-01', '2099-01-02'], workdays: ['2099-01-03'] });
    const cal = await loadCalendar(prisma);
    expect(isWorkingDay('2099-01-01', cal)).toBe(false); // Thursday, loaded holiday
    expect(isWorkingDay('2099-01-03', cal)).toBe(true); // Saturday, loaded make-up day
    expect(isWorkingDay('2026-02-16', cal)).toBe(false); // shipped year still there

    await saveCalendarYear(prisma, { year: YEAR, source: 'corrected notice', holidays: [], workdays: [] });
    const corrected = await loadCalendar(prisma);
    expect(isWorkingDay('2099-01-01', corrected)).toBe(true);
    expect(await prisma.calendarYear.count({ where: { year: YEAR } })).toBe(1);
  });

  it('refuses invalid data without writing', async () => {
    await expect(
      saveCalendarYear(prisma, { year: 2098, source: 'bad', holidays: [], workdays: ['2098-01-01'] }),
    ).rejects.toThrow(RangeError);
    expect(await prisma.calendarYear.count({ where: { year: 2098 } })).toBe(0);
  });
});
