// How the console words durations and sums a person reads: what it shows
// must not look like missing data (a round concluded on the spot is not "0.0 小时").
import { expect, it } from 'vitest';
import { fenToYuan, formatHours } from '../../console/src/format';

it('words a median duration in minutes under an hour, hours up to two days, then days; none is a dash', () => {
  expect(formatHours(null)).toBe('—');
  expect(formatHours(0)).toBe('不足 6 分钟');
  expect(formatHours(0.5)).toBe('30 分钟');
  expect(formatHours(1)).toBe('1.0 小时');
  expect(formatHours(47.9)).toBe('47.9 小时');
  expect(formatHours(72)).toBe('3.0 天');
});

it('writes a sum for a spreadsheet as plain yuan with two decimals, exact for any fen', () => {
  expect(fenToYuan(0)).toBe('0.00');
  expect(fenToYuan(5)).toBe('0.05');
  expect(fenToYuan(100_5)).toBe('10.05');
  expect(fenToYuan(2_500_001)).toBe('25000.01');
  expect(fenToYuan(-120)).toBe('-1.20');
  expect(fenToYuan(900_719_925_474_099)).toBe('9007199254740.99');
});
