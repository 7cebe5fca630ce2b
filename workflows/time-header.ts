// Every activity a workflow schedules carries the workflow's time (the
// engine's clock when the workflow task started) in a header. A worker on
// the virtual clock (CLOCK=virtual, temporal/engine-clock.ts) reads it before
// the activity runs: it re-reads the engine's clock only when the workflow
// is ahead of what the worker knows, that is, when an administrator or the
// simulator has advanced the clock since. It asked the engine before every
// activity instead: a gRPC round trip on the way of every step's save, 7% of
// the worker's main thread over a simulated year (docs/performance-log.md).
// A workflow interceptor module (worker/bundle-options.mjs); it adds a
// header and no command, so histories replay as before.
import { defaultPayloadConverter } from '@temporalio/common';
import type { Payload } from '@temporalio/common';
import type { ActivityInput, LocalActivityInput, WorkflowInterceptorsFactory } from '@temporalio/workflow';

export const WORKFLOW_TIME_HEADER = 'workflow-time';

function stamped<I extends ActivityInput | LocalActivityInput>(input: I): I {
  return { ...input, headers: { ...input.headers, [WORKFLOW_TIME_HEADER]: defaultPayloadConverter.toPayload(Date.now()) } };
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [{ scheduleActivity: (input, next) => next(stamped(input)), scheduleLocalActivity: (input, next) => next(stamped(input)) }],
});

/** The workflow time an activity's headers carry, in ms (null: scheduled by a workflow without the header). */
export function workflowTimeOf(headers: Record<string, Payload> | undefined): number | null {
  const payload = headers?.[WORKFLOW_TIME_HEADER];
  if (!payload) return null;
  try {
    const ms = defaultPayloadConverter.fromPayload<unknown>(payload);
    return typeof ms === 'number' && Number.isFinite(ms) ? ms : null;
  } catch {
    // Not a plain JSON number: unknown, so the caller asks the engine as it would without the header.
    return null;
  }
}
