// While the engine skips time it holds its clock at each deadline, so the
// work a deadline causes runs at that instant (deadlines fall at
// 23:59:59.999: a few milliseconds later is another day).
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../engine/clock';

describe('VirtualClock hold', () => {
  it('stands still while held, jumps while held, and runs on from there when released', async () => {
    const clock = new VirtualClock(0);
    clock.hold();
    const held = clock.now();
    await sleep(20);
    expect(clock.now()).toBe(held);
    expect(clock.jumpTo(held + 86_400_000)).toBe(true);
    expect(clock.now()).toBe(held + 86_400_000);
    clock.release();
    // No wall time spent while held is added: it runs on from the held instant.
    expect(clock.now() - (held + 86_400_000)).toBeLessThan(5);
    await sleep(20);
    expect(clock.now() - (held + 86_400_000)).toBeGreaterThanOrEqual(15);
    expect(Math.abs(clock.offset - (clock.now() - Date.now()))).toBeLessThan(2);
  });
});
