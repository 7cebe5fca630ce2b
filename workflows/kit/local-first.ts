// The kit's activities, local first. A step's save and its working-day
// periods are short, idempotent database work; as regular activities each
// costs the engine a schedule, a dispatch to a poller and one more workflow
// task, with a durable commit for each, and that round trip was most of an
// action's latency. Run as local activities they happen inside the workflow
// task that took the action, and the history keeps one marker per call
// instead of three events (and not the input: a save carries the whole state).
//
// A local activity is invisible to operators while it retries (it is not a
// pending activity of the run). So one that fails for a reason a retry may
// cure — the database away, a timeout — is handed to the same activity run
// the regular way, with the process's unlimited retries, where the admin
// pages show its attempts and last failure and can retry it now. What a
// retry cannot cure (DATA_REJECTED, any non-retryable failure) is thrown as
// the regular activity would throw it.
import {
  ActivityFailure,
  ApplicationFailure,
  isCancellation,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  TemporalFailure,
  TimeoutFailure,
  type ActivityOptions,
  type LocalActivityOptions,
} from '@temporalio/workflow';
import { ACTIVITY_OPTIONS, DATA_REJECTED } from '../failures';

const LOCAL_OPTIONS: LocalActivityOptions = {
  // One attempt, well inside the workflow task's timeout (10 s; the SDK
  // heartbeats the task past 8 s): while a local activity runs, its workflow
  // task stays open and the process cannot even say it is busy. A slow or
  // failing call is handed to the regular path instead of being retried here.
  startToCloseTimeout: '4 seconds',
  retry: { maximumAttempts: 1, nonRetryableErrorTypes: [DATA_REJECTED] },
};

/**
 * The process's activities: those named in `local` run local first (and on
 * the regular path when that fails in a way a retry may cure), the rest as
 * regular activities with `options`. Histories written before this replay
 * unchanged: the choice is made under `patched(patchId)` ('local-first' for
 * the activities that moved first; an activity moved later names its own
 * patch, so the histories written in between replay too).
 */
export function localFirstActivities<A extends object>(local: readonly (keyof A & string)[], options: ActivityOptions = ACTIVITY_OPTIONS, patchId = 'local-first'): A {
  const regular = proxyActivities<Record<string, (...args: unknown[]) => Promise<unknown>>>(options);
  const inWorker = proxyLocalActivities<Record<string, (...args: unknown[]) => Promise<unknown>>>(LOCAL_OPTIONS);
  const fast = new Map(
    local.map((name) => [
      name as string,
      async (...args: unknown[]) => {
        if (!patched(patchId)) return regular[name]!(...args);
        try {
          return await inWorker[name]!(...args);
        } catch (err) {
          const failure = asActivityFailure(err, name);
          if (!failure) throw err;
          if (!curableByRetry(failure)) throw failure;
          log.warn('local activity failed; running it as a regular activity', { activity: name, reason: failure.cause?.message ?? failure.message });
          return regular[name]!(...args);
        }
      },
    ]),
  );
  return new Proxy({} as A, { get: (_, name) => (typeof name === 'string' ? (fast.get(name) ?? regular[name]) : undefined) });
}

/**
 * A local activity's failure reaches the workflow bare (the activity's own
 * ApplicationFailure, or a TimeoutFailure), where a regular one arrives as an
 * ActivityFailure around it: wrapped here, so the rest of the workflow
 * (refuseOnDataRejection, incidentOnDataRejection) reads one shape. Null for
 * what is not the activity's failure (a cancellation of the workflow).
 */
function asActivityFailure(err: unknown, activityType: string): ActivityFailure | null {
  if (err instanceof ActivityFailure) return err;
  if (isCancellation(err) || !(err instanceof TemporalFailure)) return null;
  const retryState = err instanceof TimeoutFailure ? 'TIMEOUT' : err instanceof ApplicationFailure && err.nonRetryable ? 'NON_RETRYABLE_FAILURE' : 'MAXIMUM_ATTEMPTS_REACHED';
  return new ActivityFailure('Activity task failed', activityType, undefined, retryState, undefined, err);
}

/** A failure that the regular path's retries may cure: not a refusal of the data, nothing the activity called final. */
function curableByRetry(failure: ActivityFailure): boolean {
  const cause = failure.cause;
  return !(cause instanceof ApplicationFailure && (cause.nonRetryable || cause.type === DATA_REJECTED));
}
