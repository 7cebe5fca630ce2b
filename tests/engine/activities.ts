// Activities for the engine conformance tests.
import { ApplicationFailure, CancelledFailure, CompleteAsyncError, Context } from '@temporalio/activity';

export function createEngineTestActivities() {
  const attempts = new Map<string, number>();
  const seen = new Set<string>();
  return {
    async echo(value: string): Promise<string> {
      return value;
    },
    async failTimes(failures: number, key: string): Promise<number> {
      const n = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, n);
      if (n <= failures) throw new Error(`attempt ${n} fails`);
      return Context.current().info.attempt;
    },
    async failNonRetryable(): Promise<void> {
      throw ApplicationFailure.create({ message: 'no retry', type: 'Fatal', nonRetryable: true });
    },
    async heartbeatUntilCancelled(): Promise<string> {
      const ctx = Context.current();
      for (let i = 0; ; i++) {
        ctx.heartbeat(i);
        try {
          await ctx.sleep(50);
        } catch (err) {
          if (err instanceof CancelledFailure) throw err;
          throw err;
        }
      }
    },
    async sleepFor(ms: number): Promise<void> {
      await new Promise((r) => setTimeout(r, ms));
    },
    async completeElsewhere(): Promise<string> {
      Context.current().heartbeat();
      throw new CompleteAsyncError();
    },
    async firstCall(key: string): Promise<boolean> {
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
  };
}
