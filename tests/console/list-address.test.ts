// What a list's address holds (console/src/list-address.ts): years and
// periods a person typed, kept or was sent. Pure: no browser.
import { describe, expect, it } from 'vitest';
import { periodFilter, periodOf, yearOf } from '../../console/src/list-address';

describe('a list address', () => {
  it('reads a year the year box takes, and none from anything else', () => {
    expect(yearOf('2026')).toBe(2026);
    for (const bad of ['', '26', '1999', '2101', '2026x', ' 2026', 'NaN']) expect(yearOf(bad), bad).toBeNull();
  });

  it('reads a period from two real dates, and none when either is missing or not a day of the calendar', () => {
    expect(periodOf('2026-01-01', '2026-03-31')?.map((d) => d.format('YYYY-MM-DD'))).toEqual(['2026-01-01', '2026-03-31']);
    for (const [from, to] of [['', ''], ['2026-01-01', ''], ['2026-02-30', '2026-03-31'], ['2026-1-1', '2026-03-31'], ['2026-01-01', 'tomorrow']]) {
      expect(periodOf(from!, to!), `${from}..${to}`).toBeNull();
    }
  });

  it('writes a picked period as it reads it back, and a cleared one as none', () => {
    const period = periodOf('2027-01-01', '2027-12-31')!;
    const written = periodFilter(period);
    expect(written).toEqual({ from: '2027-01-01', to: '2027-12-31' });
    expect(periodOf(written.from, written.to)?.map((d) => d.format('YYYY-MM-DD'))).toEqual(['2027-01-01', '2027-12-31']);
    expect(periodFilter(null)).toEqual({ from: '', to: '' });
  });
});
