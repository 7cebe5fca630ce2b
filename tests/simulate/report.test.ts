// The simulation's HTML report: its charts must show every label whole and
// amounts as people read them.
import { expect, it } from 'vitest';
import { bars } from '../../simulate/report';
import { yuan } from '../../simulate/summary';

it('leaves room for the longest label, so that 调解不成(已引导诉讼或仲裁) keeps its first character', () => {
  const svg = bars('案件结果', { 调解成功: 198, '调解不成(已引导诉讼或仲裁)': 30 });
  const barX = Number(/<rect x="(\d+)"/.exec(svg)![1]);
  // Twelve Chinese characters at 12 px and two brackets, right-aligned 6 px before the bars (at 150 px it was 144).
  expect(barX - 6).toBeGreaterThanOrEqual(12 * 12 + 2 * 7);
});

it('writes amounts in 万元 and labels as given (市级, not city)', () => {
  const svg = bars('按分担方拨付', { 市级: 7_557_000, 街道: 10_076_000 }, yuan);
  expect(svg).toContain('>市级<');
  expect(svg).toContain('>7.56万元<');
  expect(svg).toContain('>10.08万元<');
});
