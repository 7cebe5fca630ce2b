// How the console words durations and sums a person reads: what it shows
// must not look like missing data (a round concluded on the spot is not "0.0 小时").
import { expect, it } from 'vitest';
import { formatHours } from '../../console/src/format';

it('words a median duration in minutes under an hour, hours up to two days, then days; none is a dash', () => {
  expect(formatHours(null)).toBe('—');
  expect(formatHours(0)).toBe('不足 6 分钟');
  expect(formatHours(0.5)).toBe('30 分钟');
  expect(formatHours(1)).toBe('1.0 小时');
  expect(formatHours(47.9)).toBe('47.9 小时');
  expect(formatHours(72)).toBe('3.0 天');
});
