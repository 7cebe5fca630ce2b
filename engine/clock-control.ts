// A small gRPC service of our own next to Temporal's, for the platform's
// virtual-clock mode (CLOCK=virtual): other processes read the engine's time
// and an administrator moves it. Temporal's TestService has no "next
// deadline" and its sleeps do not wait for workers, so this one carries
// exactly `advanceTime`'s semantics (see README). Messages are JSON: both
// ends are ours, and no descriptor has to be maintained for two calls.
import * as grpc from '@grpc/grpc-js';
import { invalidArgument } from './errors';
import type { Handler } from './grpc-server';

export const CLOCK_CONTROL_SERVICE = 'governance.engine.v1.ClockControl';

export interface ClockState {
  /** The engine's current time, epoch ms. */
  nowMs: number;
  /** The earliest pending deadline (timer, timeout, retry backoff) of any open run; null when none. */
  nextDeadlineMs: number | null;
  /** The run that deadline belongs to: what an administrator moving the clock will see happen next. */
  nextDeadlineRun: { workflowId: string; workflowType: string } | null;
  /**
   * Whether a task is running or waiting to be picked up by a worker right
   * now. `Advance` waits for tasks of recently polled queues only (it must
   * not hang without workers); a client that knows its workers run and must
   * not advance past unfinished work (the simulator: a worker starved of CPU,
   * or killed mid-activity in a crash drill) polls for false first.
   */
  busy: boolean;
}

/** Exactly one of the two. */
export interface AdvanceRequest {
  ms?: number;
  toNextDeadline?: boolean;
}

/** What the engine offers the service; `WorkflowEngine` satisfies it. */
export interface ClockControlTarget {
  now(): number;
  nextDeadline(): number | undefined;
  nextDeadlineRun(): { workflowId: string; workflowType: string } | undefined;
  hasPendingWork(anyWorker?: boolean): boolean;
  advanceTime(ms: number): Promise<void>;
}

const json = {
  serialize: (value: unknown) => Buffer.from(JSON.stringify(value ?? {})),
  deserialize: (bytes: Buffer) => JSON.parse(bytes.toString('utf8') || '{}'),
};

function unary(name: string): grpc.MethodDefinition<unknown, unknown> {
  return {
    path: `/${CLOCK_CONTROL_SERVICE}/${name}`,
    requestStream: false,
    responseStream: false,
    requestSerialize: json.serialize,
    requestDeserialize: json.deserialize,
    responseSerialize: json.serialize,
    responseDeserialize: json.deserialize,
  };
}

export const clockControlDefinition: grpc.ServiceDefinition = {
  GetState: unary('GetState'),
  Advance: unary('Advance'),
};

export function clockControlHandlers(engine: ClockControlTarget): Record<string, Handler> {
  const state = (): ClockState => ({ nowMs: engine.now(), nextDeadlineMs: engine.nextDeadline() ?? null, nextDeadlineRun: engine.nextDeadlineRun() ?? null, busy: engine.hasPendingWork(true) });
  return {
    GetState: async () => state(),
    Advance: async (request: AdvanceRequest) => {
      let ms = request.ms;
      if (request.toNextDeadline) {
        const next = engine.nextDeadline();
        ms = next === undefined ? 0 : Math.max(0, next - engine.now());
      }
      if (typeof ms !== 'number' || !(ms >= 0) || !Number.isFinite(ms)) {
        throw invalidArgument('Advance needs ms >= 0 or toNextDeadline');
      }
      await engine.advanceTime(ms);
      return state();
    },
  };
}
