// When two runs of a seed part, the simulator names the record and the day
// where they did: the first differing line of their records, with its
// neighbours from both runs.
import { describe, expect, it } from 'vitest';
import { firstDifference } from '../../simulate/records';

const line = (title: string, seq: number, day: string, action: string) => `mediation\t${title}\t${String(seq).padStart(3, '0')}\t${day}\t${action}`;

describe('records of two runs', () => {
  it('are the same: no difference', () => {
    const a = [line('婚姻家庭纠纷 1', 1, '2027-01-04', 'registerCase'), line('婚姻家庭纠纷 1', 2, '2027-01-05', 'acceptCase')];
    expect(firstDifference(a, [...a])).toBeNull();
  });

  it('part on a day: the line names the record, the step and both days', () => {
    const common = [line('婚姻家庭纠纷 1', 1, '2027-01-04', 'registerCase'), line('婚姻家庭纠纷 1', 2, '2027-01-05', 'acceptCase')];
    const a = [...common, line('婚姻家庭纠纷 1', 3, '2027-12-30', 'recordCourtDecision'), line('邻里纠纷 2', 1, '2027-01-04', 'registerCase')];
    const b = [...common, line('婚姻家庭纠纷 1', 3, '2028-01-03', 'recordCourtDecision'), line('邻里纠纷 2', 1, '2027-01-04', 'registerCase')];
    const diff = firstDifference(a, b)!;
    expect(diff).toMatch(/^line 3:/);
    expect(diff).toContain('2027-12-30\trecordCourtDecision');
    expect(diff).toContain('2028-01-03\trecordCourtDecision');
    expect(diff.split('\n  the other:\n')[0]).toContain('2027-12-30');
  });

  it('one run has a step the other has not: the first line past the shorter shows', () => {
    const a = [line('网格事件 1', 1, '2027-01-04', 'reportIncident')];
    const b = [...a, line('网格事件 1', 2, '2027-01-04', 'resolveOnSpot')];
    expect(firstDifference(a, b)).toMatch(/^line 2:[\s\S]*resolveOnSpot/);
  });
});
