// Retry policies (activities and workflows) with the server-side defaults
// Temporal applies when a field is left unset.
import { durationToMs } from './clock';
import type { RetryPolicy } from './run-state';
import type { Failure, RetryPolicyProto } from './wire';

export function resolveRetryPolicy(policy: RetryPolicyProto | undefined): RetryPolicy {
  const initialIntervalMs = durationToMs(policy?.initialInterval) || 1000;
  return {
    initialIntervalMs,
    backoffCoefficient: policy?.backoffCoefficient || 2,
    maximumIntervalMs: durationToMs(policy?.maximumInterval) || 100 * initialIntervalMs,
    maximumAttempts: policy?.maximumAttempts ?? 0,
    nonRetryableErrorTypes: policy?.nonRetryableErrorTypes ?? [],
  };
}

export function retryPolicyToProto(policy: RetryPolicy): Record<string, unknown> {
  return {
    initialInterval: { seconds: Math.floor(policy.initialIntervalMs / 1000), nanos: (policy.initialIntervalMs % 1000) * 1e6 },
    backoffCoefficient: policy.backoffCoefficient,
    maximumInterval: { seconds: Math.floor(policy.maximumIntervalMs / 1000), nanos: (policy.maximumIntervalMs % 1000) * 1e6 },
    maximumAttempts: policy.maximumAttempts,
    nonRetryableErrorTypes: policy.nonRetryableErrorTypes,
  };
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; retryState: string };

/**
 * Whether attempt `attempt` (1-based, the one that just failed) is retried,
 * and after what delay. `expiresAt` is the schedule-to-close (or workflow
 * execution) deadline, 0 when none.
 */
export function decideRetry(
  policy: RetryPolicy,
  attempt: number,
  failure: Failure | undefined,
  now: number,
  expiresAt: number,
): RetryDecision {
  const appInfo = failure?.applicationFailureInfo;
  if (appInfo?.nonRetryable) return { retry: false, retryState: 'RETRY_STATE_NON_RETRYABLE_FAILURE' };
  if (appInfo?.type && policy.nonRetryableErrorTypes.includes(appInfo.type)) {
    return { retry: false, retryState: 'RETRY_STATE_NON_RETRYABLE_FAILURE' };
  }
  if (policy.maximumAttempts > 0 && attempt >= policy.maximumAttempts) {
    return { retry: false, retryState: 'RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED' };
  }
  let delayMs = durationToMs(appInfo?.nextRetryDelay);
  if (!delayMs) {
    delayMs = Math.min(
      policy.initialIntervalMs * Math.pow(policy.backoffCoefficient, attempt - 1),
      policy.maximumIntervalMs,
    );
  }
  if (expiresAt > 0 && now + delayMs >= expiresAt) return { retry: false, retryState: 'RETRY_STATE_TIMEOUT' };
  return { retry: true, delayMs: Math.round(delayMs) };
}
