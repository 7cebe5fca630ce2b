// The one clock of CLOCK=virtual: the embedded engine's, read by the worker's
// activities and the API in their own processes. The engine's clock runs
// with the wall clock plus an offset that only grows (engine/clock.ts), so a
// process keeps that offset and reads `Date.now() + offset` synchronously —
// `Clock.now()` is called inside activities and request handlers that cannot
// wait on a network call. The offset changes only when an administrator
// advances the clock: the advancing process refreshes at once, the others
// within `refreshMs`, and the worker before an activity whose workflow is
// ahead of it (`catchUp()` from an activity interceptor, given the time the
// workflow stamped on the activity: workflows/time-header.ts), which is what
// makes deadlines computed in activities agree with workflow time during an
// advance.
import * as grpc from '@grpc/grpc-js';
import { clockControlDefinition, type AdvanceRequest, type ClockState } from '../engine/clock-control';

export type { AdvanceRequest, ClockState };

export interface EngineClockOptions {
  /** The engine's `host:port`. */
  address: string;
  /** How often the offset is re-read in the background. Default 1000 ms. */
  refreshMs?: number;
  /** How long an advance may take before the call fails. Default 10 minutes. */
  advanceTimeoutMs?: number;
}

export interface EngineClock {
  now(): Date;
  /** Re-reads the engine's time now. */
  refresh(): Promise<ClockState>;
  /**
   * Re-reads the engine's time unless `now()` is already at or past
   * `atLeastMs` (always when it is null). The engine's clock runs on from
   * the wall clock between advances, so a time not ahead of ours was read
   * with the offset we hold; one ahead of it comes after an advance we have
   * not seen.
   */
  catchUp(atLeastMs: number | null): Promise<void>;
  state(): Promise<ClockState>;
  /** Moves the engine's clock (by `ms`, or to the next deadline); resolves after the resulting work was processed. */
  advance(request: AdvanceRequest): Promise<ClockState>;
  close(): void;
}

type Call = (request: unknown, options: grpc.CallOptions, callback: (err: grpc.ServiceError | null, value?: ClockState) => void) => void;

/** Connects and reads the engine's time once before returning, so `now()` is right from the start. */
export async function connectEngineClock(options: EngineClockOptions): Promise<EngineClock> {
  const Client = grpc.makeGenericClientConstructor(clockControlDefinition, 'ClockControl');
  const client = new Client(options.address, grpc.credentials.createInsecure()) as unknown as Record<'GetState' | 'Advance', Call> & grpc.Client;
  const call = (method: 'GetState' | 'Advance', request: unknown, timeoutMs: number) =>
    new Promise<ClockState>((resolve, reject) => {
      client[method].call(client, request, { deadline: Date.now() + timeoutMs }, (err, value) => (err ? reject(err) : resolve(value!)));
    });

  let offsetMs = 0;
  const read = async (state: ClockState | Promise<ClockState>) => {
    const s = await state;
    offsetMs = s.nowMs - Date.now();
    return s;
  };
  const refresh = () => read(call('GetState', {}, 10_000));
  await refresh();
  const timer = setInterval(() => void refresh().catch(() => {}), options.refreshMs ?? 1000);
  timer.unref();

  return {
    now: () => new Date(Date.now() + offsetMs),
    refresh,
    async catchUp(atLeastMs) {
      if (atLeastMs === null || Date.now() + offsetMs < atLeastMs) await refresh();
    },
    state: refresh,
    advance: (request) => read(call('Advance', request, options.advanceTimeoutMs ?? 600_000)),
    close() {
      clearInterval(timer);
      client.close();
    },
  };
}
