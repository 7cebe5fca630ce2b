// What a list's address holds (console/src/list-address.ts): years and
// periods a person typed, kept or was sent. Pure: no browser.
import { describe, expect, it } from 'vitest';
import { listAddress, monthInPeriod, periodFilter, periodOf, yearOf } from '../../console/src/list-address';

describe('a list address', () => {
  it('reads a year the year box takes, and none from anything else', () => {
    expect(yearOf('2026')).toBe(2026);
    for (const bad of ['', '26', '1999', '2101', '2026x', ' 2026', 'NaN']) expect(yearOf(bad), bad).toBeNull();
  });

  it('reads a period from two real dates in order, and none when either is missing or not a day of the calendar, or when they are reversed', () => {
    expect(periodOf('2026-01-01', '2026-03-31')?.map((d) => d.format('YYYY-MM-DD'))).toEqual(['2026-01-01', '2026-03-31']);
    expect(periodOf('2026-03-31', '2026-03-31')?.map((d) => d.format('YYYY-MM-DD'))).toEqual(['2026-03-31', '2026-03-31']);
    for (const [from, to] of [['', ''], ['2026-01-01', ''], ['2026-02-30', '2026-03-31'], ['2026-1-1', '2026-03-31'], ['2026-01-01', 'tomorrow'], ['2026-03-31', '2026-01-01']]) {
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

  it('writes the address a statistic leads to, without the filters it leaves open', () => {
    expect(listAddress('/mediation', { unitId: 'qindu-renmin', from: '2027-01-01', to: '2027-12-31', channel: undefined, outcome: '' })).toBe(
      '/mediation?unitId=qindu-renmin&from=2027-01-01&to=2027-12-31',
    );
    expect(listAddress('/grid', {})).toBe('/grid');
    // Read back as the list reads its address.
    const params = new URL(listAddress('/mediation', { q: '张 & 李', from: '2027-01-01', to: '2027-01-31' }), 'http://x').searchParams;
    expect([params.get('q'), params.get('from'), params.get('to')]).toEqual(['张 & 李', '2027-01-01', '2027-01-31']);
  });

  it("gives a month's days within a period: all of them, or those the period holds at either end", () => {
    expect(monthInPeriod('2027-02', '2027-01-01', '2027-12-31')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(monthInPeriod('2028-02', '2028-01-01', '2028-12-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    // 近 12 个月 from 2027-01-09: January 2026 from the 10th, January 2027 up to the 9th.
    expect(monthInPeriod('2026-01', '2026-01-10', '2027-01-09')).toEqual({ from: '2026-01-10', to: '2026-01-31' });
    expect(monthInPeriod('2027-01', '2026-01-10', '2027-01-09')).toEqual({ from: '2027-01-01', to: '2027-01-09' });
    expect(monthInPeriod('2027-03', '2027-03-15', '2027-03-20')).toEqual({ from: '2027-03-15', to: '2027-03-20' });
  });
});
