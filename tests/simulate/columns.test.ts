// `--compare` lines up two summaries whose lines are mostly Chinese: the
// right-hand column must start at the same terminal column on every line,
// counting a CJK character (and a full-width comma) as two columns.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { padColumns, sideBySide } from '../../simulate/columns';

describe('compare columns', () => {
  it('pads by terminal columns, a CJK character counting two', () => {
    expect(padColumns('调解', 6)).toBe('调解  ');
    expect(padColumns('ab', 6)).toBe('ab    ');
    expect(padColumns('调解成功率', 4)).toBe('调解成功率');
  });

  it('starts the separator at the same column on Chinese and ASCII lines', () => {
    const left = ['秦都区 2027 年模拟(seed 7,scale 0.1)', '  受理案件  244', 'plain ascii line', ''];
    const right = ['秦都区 2027 年模拟(seed 7,scale 0.1)', '  受理案件  250', 'plain ascii line'];
    const lines = sideBySide('a.json', 'b.json', left, right);
    expect(lines).toHaveLength(5);
    const columns = lines.map((l) => stringWidth(l.slice(0, Math.max(l.indexOf('│'), l.indexOf('≠')))));
    expect(new Set(columns).size).toBe(1);
    expect(lines[2]).toMatch(/≠ {3}受理案件 {2}250$/);
    expect(lines[1]!.endsWith('│')).toBe(true);
  });

  it('keeps the lines after one that only one side prints paired with their equals', () => {
    const left = ['党建项目', '  立项 15', '  按阶段:已完成 15', '  超期 0'];
    const right = ['党建项目', '  立项 15', '  报区委组织部审批 6', '  按阶段:已完成 15', '  超期 1'];
    const lines = sideBySide('a.json', 'b.json', left, right);
    expect(lines.slice(1).map((l) => l.replace(/ +/g, ' '))).toEqual([
      '党建项目 │',
      ' 立项 15 │',
      ' ≠ 报区委组织部审批 6',
      ' 按阶段:已完成 15 │',
      ' 超期 0 ≠ 超期 1',
    ]);
    // A line only the left prints stands opposite nothing.
    expect(sideBySide('a', 'b', ['x', 'gone', 'y'], ['x', 'y'])[2]!.trimEnd()).toMatch(/^gone +≠$/);
  });
});

