import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  addWorkingDaysLocal,
  coversDate,
  createCalendar,
  defaultCalendar,
  isWorkingDay,
  shippedCalendarYears,
  toLocalDate,
  validateCalendarYear,
  workingDaysBetween,
  yearsToLoad,
} from '../../domain/calendar';

const cal = defaultCalendar();

describe('shipped years', () => {
  it('hold the days of the State Council notices for 2024–2026', () => {
    const byYear = Object.fromEntries(shippedCalendarYears().map((y) => [y.year, y]));
    expect(Object.keys(byYear)).toEqual(['2024', '2025', '2026']);
    expect(byYear[2024].holidays).toHaveLength(28);
    expect(byYear[2024].workdays).toHaveLength(8);
    expect(byYear[2025].holidays).toHaveLength(28);
    expect(byYear[2025].workdays).toHaveLength(5);
    expect(byYear[2026].holidays).toHaveLength(33);
    expect(byYear[2026].workdays).toHaveLength(6);
    for (const y of shippedCalendarYears()) expect(() => validateCalendarYear(y)).not.toThrow();
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2025-03-03', true], // ordinary Monday
    ['2025-03-01', false], // ordinary Saturday
    ['2026-02-16', false], // Monday in the Spring Festival break (除夕)
    ['2026-02-14', true], // Saturday, make-up working day
    ['2025-10-08', false], // Wednesday, last day of 国庆+中秋 2025
    ['2025-10-11', true], // Saturday, make-up working day
    ['2024-02-09', true], // 除夕 2024 was not yet a statutory holiday
  ])('%s → %s', (day, expected) => {
    expect(isWorkingDay(day, cal)).toBe(expected);
  });

  it('reads a Date as its Asia/Shanghai day', () => {
    // 2024-02-09 17:00 UTC is already Saturday 2024-02-10 01:00 in Shanghai (a holiday).
    expect(toLocalDate(new Date('2024-02-09T17:00:00Z'))).toBe('2024-02-10');
    expect(isWorkingDay(new Date('2024-02-09T15:59:59Z'), cal)).toBe(true);
    expect(isWorkingDay(new Date('2024-02-09T16:00:00Z'), cal)).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('skips the Spring Festival holiday and counts the make-up Sunday after it', () => {
    expect(addWorkingDaysLocal('2024-02-08', 1, cal)).toBe('2024-02-09');
    // 10–17 Feb off, Sunday 18 Feb is a make-up working day.
    expect(addWorkingDaysLocal('2024-02-08', 2, cal)).toBe('2024-02-18');
    expect(addWorkingDaysLocal('2024-02-08', 3, cal)).toBe('2024-02-19');
  });

  it('counts a make-up Sunday before a holiday and skips the holiday (国庆 2025)', () => {
    expect(addWorkingDaysLocal('2025-09-26', 1, cal)).toBe('2025-09-28'); // Sunday make-up day
    expect(addWorkingDaysLocal('2025-09-26', 3, cal)).toBe('2025-09-30');
    expect(addWorkingDaysLocal('2025-09-26', 4, cal)).toBe('2025-10-09');
    expect(addWorkingDaysLocal('2025-09-26', 6, cal)).toBe('2025-10-11'); // Saturday make-up day
  });

  it('crosses into the next year (元旦 2026 and its make-up Sunday)', () => {
    expect(addWorkingDaysLocal('2025-12-31', 1, cal)).toBe('2026-01-04');
  });

  it('gives 公示 of 5 working days ending after the 清明 break', () => {
    // Published Wednesday 2026-04-01: Thu 2, Fri 3, (Sat 4 – Mon 6 off), Tue 7, Wed 8, Thu 9.
    expect(addWorkingDaysLocal('2026-04-01', 5, cal)).toBe('2026-04-09');
  });

  it('returns the end of the last day in Asia/Shanghai, or a chosen time', () => {
    expect(addWorkingDays('2024-02-08', 2, cal).toISOString()).toBe('2024-02-18T15:59:59.999Z');
    expect(addWorkingDays('2024-02-08', 2, cal, { at: '09:00' }).toISOString()).toBe('2024-02-18T01:00:00.000Z');
    // An instant late on 8 Feb UTC is 9 Feb in Shanghai, so counting starts a day later.
    expect(addWorkingDays(new Date('2024-02-08T17:00:00Z'), 1, cal).toISOString()).toBe('2024-02-18T15:59:59.999Z');
  });

  it('n = 0 is the day itself; negative or fractional n is refused', () => {
    expect(addWorkingDaysLocal('2025-05-06', 0, cal)).toBe('2025-05-06');
    expect(() => addWorkingDaysLocal('2025-05-06', -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDaysLocal('2025-05-06', 1.5, cal)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts (from, to] across a holiday and a make-up Saturday', () => {
    // 1–7 Oct 2024 off; 8, 9, 10, 11 and Saturday 12 (make-up) work.
    expect(workingDaysBetween('2024-09-30', '2024-10-12', cal)).toBe(5);
    expect(workingDaysBetween('2024-10-12', '2024-09-30', cal)).toBe(-5);
    expect(workingDaysBetween('2024-10-12', '2024-10-12', cal)).toBe(0);
  });

  it('inverts addWorkingDays', () => {
    for (let start = '2024-01-01'; start < '2027-01-01'; start = addCalendarDaysLocal(start, 11)) {
      for (const n of [0, 1, 2, 5, 7, 20]) {
        expect(workingDaysBetween(start, addWorkingDaysLocal(start, n, cal), cal)).toBe(n);
      }
    }
  });
});

describe('addCalendarDays', () => {
  it('counts plain days, optionally rolling a last day off work to the next working day', () => {
    expect(toLocalDate(addCalendarDays('2025-09-01', 30, cal))).toBe('2025-10-01');
    expect(toLocalDate(addCalendarDays('2025-09-01', 30, cal, { rollToWorkingDay: true }))).toBe('2025-10-09');
    expect(toLocalDate(addCalendarDays('2025-09-01', 2, cal, { rollToWorkingDay: true }))).toBe('2025-09-03');
  });
});

describe('years without data and loaded years', () => {
  it('treats only weekends as days off in a year not loaded', () => {
    expect(coversDate('2030-10-01', cal)).toBe(false);
    expect(isWorkingDay('2030-10-01', cal)).toBe(true); // a Tuesday
    expect(isWorkingDay('2030-10-05', cal)).toBe(false); // a Saturday
  });

  it('uses a loaded year, which replaces a shipped one', () => {
    const loaded = createCalendar([
      ...shippedCalendarYears(),
      { year: 2030, source: 'test', holidays: ['2030-10-01'], workdays: ['2030-10-05'] },
      { year: 2026, source: 'test override', holidays: [], workdays: [] },
    ]);
    expect(coversDate('2030-10-01', loaded)).toBe(true);
    expect(isWorkingDay('2030-10-01', loaded)).toBe(false);
    expect(isWorkingDay('2030-10-05', loaded)).toBe(true);
    expect(isWorkingDay('2026-02-16', loaded)).toBe(true);
  });

  it('refuses malformed years', () => {
    const base = { year: 2030, source: 'x', holidays: [] as string[], workdays: [] as string[] };
    expect(() => validateCalendarYear({ ...base, workdays: ['2030-10-01'] })).toThrow(/不是周六或周日/);
    expect(() => validateCalendarYear({ ...base, holidays: ['2030-02-30'] })).toThrow(/不是有效日期/);
    expect(() => validateCalendarYear({ ...base, holidays: ['2030-10-05'], workdays: ['2030-10-05'] })).toThrow(/既是放假日又是调休上班日/);
    expect(() => validateCalendarYear({ ...base, source: '' })).toThrow(/缺少依据文件/);
  });
});

function addCalendarDaysLocal(day: string, n: number): string {
  return toLocalDate(addCalendarDays(day, n, cal));
}

describe('years to load', () => {
  it('asks for the current year at once and for the next from November, Beijing time, none already known', () => {
    expect(yearsToLoad('2027-03-01', [2024, 2025, 2026])).toEqual([{ year: 2027, current: true }]);
    expect(yearsToLoad('2026-10-31', [2024, 2025, 2026])).toEqual([]);
    expect(yearsToLoad('2026-11-01', [2024, 2025, 2026])).toEqual([{ year: 2027, current: false }]);
    // 31 October 16:00 UTC is 1 November in Beijing; 31 December 16:00 UTC is already the next year there.
    expect(yearsToLoad(new Date('2026-10-31T16:00:00Z'), [2026])).toEqual([{ year: 2027, current: false }]);
    expect(yearsToLoad(new Date('2026-12-31T16:00:00Z'), [2026, 2027])).toEqual([]);
    expect(yearsToLoad(new Date('2026-12-31T16:00:00Z'), [2026])).toEqual([{ year: 2027, current: true }]);
    expect(yearsToLoad('2026-12-06', new Set([2026, 2027]))).toEqual([]);
  });
});
