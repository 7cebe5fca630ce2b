// temporal.api.testservice.v1.TestService: the time-skipping test server's API.
import { durationToMs, msToTimestamp, timestampToMs } from './clock';
import type { WorkflowEngine } from './engine';
import type { Handler } from './grpc-server';
import type { Duration, Timestamp } from './wire';

/** Sleep, SleepUntil, UnlockTimeSkippingWithSleep (@temporalio/proto ships no TypeScript types for the test service). */
interface SleepRequest {
  duration?: Duration;
  timestamp?: Timestamp;
}

export function testServiceHandlers(engine: Pick<WorkflowEngine, 'lockTimeSkipping' | 'now' | 'sleepUntil' | 'unlockTimeSkipping'>): Record<string, Handler> {
  return {
    LockTimeSkipping: async () => {
      engine.lockTimeSkipping();
      return {};
    },
    UnlockTimeSkipping: async () => {
      engine.unlockTimeSkipping();
      return {};
    },
    Sleep: async (req: SleepRequest) => {
      await engine.sleepUntil(engine.now() + durationToMs(req.duration));
      return {};
    },
    SleepUntil: async (req: SleepRequest) => {
      await engine.sleepUntil(timestampToMs(req.timestamp));
      return {};
    },
    UnlockTimeSkippingWithSleep: async (req: SleepRequest) => {
      engine.unlockTimeSkipping();
      try {
        await engine.sleepUntil(engine.now() + durationToMs(req.duration));
      } finally {
        engine.lockTimeSkipping();
      }
      return {};
    },
    GetCurrentTime: async () => ({ time: msToTimestamp(engine.now()) }),
  };
}

