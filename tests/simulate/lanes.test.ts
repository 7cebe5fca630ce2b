// The simulator's shared lanes: at most `size` actions in flight, handed out
// first come, first served, and a lane comes back even when an action fails.
import { describe, expect, it } from 'vitest';
import { inLanes, Lanes } from '../../simulate/world';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

describe('Lanes', () => {
  it('keeps at most its size in flight across strands, and starts each strand’s records in order', async () => {
    const lanes = new Lanes(3);
    let inFlight = 0;
    let most = 0;
    const started: string[] = [];
    const act = (strand: string) => async (n: number) => {
      started.push(`${strand}${n}`);
      most = Math.max(most, ++inFlight);
      for (let i = 0; i < n % 3 + 1; i++) await tick();
      inFlight--;
    };
    await Promise.all([inLanes([1, 2, 3, 4, 5, 6], lanes, act('m')), inLanes([1, 2], lanes, act('g'))]);
    expect(most).toBe(3);
    expect(started).toHaveLength(8);
    expect(started.filter((s) => s.startsWith('m'))).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    expect(started.filter((s) => s.startsWith('g'))).toEqual(['g1', 'g2']);
  });

  it('gives a strand the lanes another strand leaves idle', async () => {
    const lanes = new Lanes(4);
    let inFlight = 0;
    let most = 0;
    // The grid strand holds two lanes for a moment and is done; mediation then has all four.
    const grid = inLanes([1, 2], lanes, tick);
    const mediation = inLanes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], lanes, async () => {
      most = Math.max(most, ++inFlight);
      await tick();
      await tick();
      inFlight--;
    });
    await Promise.all([grid, mediation]);
    expect(most).toBe(4);
  });

  it('frees the lane of an action that failed', async () => {
    const lanes = new Lanes(1);
    await expect(lanes.run(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(lanes.run(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a size that is not a whole number of at least one', () => {
    expect(() => new Lanes(0)).toThrow(RangeError);
    expect(() => new Lanes(2.5)).toThrow(RangeError);
  });
});
