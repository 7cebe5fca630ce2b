// The housekeeping sweep as the worker runs it: a BullMQ repeatable job on
// real Redis that runs every chore at each sweep; a chore that fails does not
// keep the others from running and is tried again at the next sweep, and two
// workers on one prefix share one schedule.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startHousekeepingWorker, type HousekeepingChore } from '../../queue/jobs/housekeeping';

const redisUrl = inject('redisUrl');
const prefix = `${inject('redisPrefix')}:hk-${randomUUID().slice(0, 8)}`;
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers) await close();
});

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('housekeeping sweep', () => {
  it('runs every chore at each sweep, past a failing one, which is tried again; two workers, one schedule', async () => {
    const runs: string[] = [];
    const failures: string[] = [];
    let failing = 2;
    const chores: HousekeepingChore[] = [
      {
        name: 'flaky',
        run: async () => {
          runs.push('flaky');
          if (failing-- > 0) throw new Error('store away');
          return 3;
        },
      },
      { name: 'steady', run: async () => (runs.push('steady'), 1) },
    ];
    const logger = pino({ level: 'warn' }, { write: (line: string) => failures.push(JSON.parse(line).chore) });
    const everyMs = 300;
    const a = await startHousekeepingWorker({ redisUrl, prefix, logger, chores, everyMs });
    closers.push(a.close);
    const b = await startHousekeepingWorker({ redisUrl, prefix, logger, chores, everyMs });
    closers.push(b.close);
    const started = Date.now();
    await until(() => runs.filter((r) => r === 'steady').length >= 4);
    const elapsed = Date.now() - started;
    // Each sweep ran both chores, the flaky one first, and its two failures were logged, not thrown.
    expect(runs.slice(0, 8)).toEqual(['flaky', 'steady', 'flaky', 'steady', 'flaky', 'steady', 'flaky', 'steady']);
    expect(failures).toEqual(['flaky', 'flaky']);
    // One schedule for both workers: four sweeps took about four periods, not two.
    expect(elapsed).toBeGreaterThan(2 * everyMs);
    const completed = await a.queue.getCompleted();
    expect(completed.map((j) => j.returnvalue)).toContainEqual({ flaky: 3, steady: 1 });
    expect(completed.map((j) => j.returnvalue)).toContainEqual({ flaky: null, steady: 1 });
  });
});
