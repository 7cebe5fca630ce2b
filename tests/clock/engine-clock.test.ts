// The engine clock client of CLOCK=virtual (temporal/engine-clock.ts) in a
// process that did not advance the clock, as the worker is: before an
// activity it catches up with the engine only when the workflow that
// scheduled it is ahead of what it knows (workflows/time-header.ts), and
// then reads the advanced time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EmbeddedEngine } from '../../engine';
import { connectEngineClock, type EngineClock } from '../../temporal/engine-clock';

const DAY = 86_400_000;
let engine: EmbeddedEngine;
let worker: EngineClock;
let admin: EngineClock;

beforeAll(async () => {
  engine = await startEngine();
  // The worker's own background re-read never comes during the test.
  worker = await connectEngineClock({ address: engine.address, refreshMs: 3_600_000 });
  admin = await connectEngineClock({ address: engine.address });
});
afterAll(async () => {
  worker?.close();
  admin?.close();
  await engine?.close();
});

describe('engine clock: catching up before an activity', () => {
  it('keeps its offset for a workflow time it has reached, and reads the engine again for one past it', async () => {
    const before = worker.now().getTime();
    await admin.advance({ ms: 3 * DAY });
    // A workflow task that started before the advance: nothing to catch up with.
    await worker.catchUp(before);
    expect(worker.now().getTime() - before).toBeLessThan(DAY);
    // One started after it: its time is ahead of the worker's, which reads the engine's.
    const afterAdvance = admin.now().getTime();
    await worker.catchUp(afterAdvance);
    expect(worker.now().getTime()).toBeGreaterThanOrEqual(afterAdvance);
    expect(worker.now().getTime() - before).toBeGreaterThanOrEqual(3 * DAY);
  });

  it('reads the engine when the activity carries no workflow time', async () => {
    const before = worker.now().getTime();
    await admin.advance({ ms: DAY });
    await worker.catchUp(null);
    expect(worker.now().getTime() - before).toBeGreaterThanOrEqual(DAY);
  });
});
