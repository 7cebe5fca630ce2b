import { describe, expect, it } from 'vitest';
import { periodPresets } from '../../console/src/periods';

const days = (today: string) => Object.fromEntries(periodPresets(today).map((p) => [p.label, p.value.map((d) => d.format('YYYY-MM-DD'))]));

describe('statistics periods', () => {
  it('counts this month, quarter and year, last year and the last twelve months from the given day', () => {
    expect(days('2027-01-09')).toEqual({
      本月: ['2027-01-01', '2027-01-31'],
      本季度: ['2027-01-01', '2027-03-31'],
      本年: ['2027-01-01', '2027-12-31'],
      上一年: ['2026-01-01', '2026-12-31'],
      '近 12 个月': ['2026-01-10', '2027-01-09'],
    });
    // A quarter's last month, February of a leap year, the end of a month.
    expect(days('2028-02-29')).toMatchObject({ 本月: ['2028-02-01', '2028-02-29'], 本季度: ['2028-01-01', '2028-03-31'], '近 12 个月': ['2027-03-01', '2028-02-29'] });
    expect(days('2026-12-31')).toMatchObject({ 本季度: ['2026-10-01', '2026-12-31'], 上一年: ['2025-01-01', '2025-12-31'] });
    expect(days('2026-08-31')).toMatchObject({ 本季度: ['2026-07-01', '2026-09-30'] });
  });
});
