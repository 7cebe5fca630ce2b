// The workflow side of "no process can be wedged by data" (activities/
// failures.ts is the other side). Every process uses the same activity
// options, and treats a DATA_REJECTED activity failure one of two ways:
//  - in a person's action: `refuseOnDataRejection` puts the state back as it
//    was before the action and refuses it (422 DATA_REJECTED), so the action
//    changed nothing and the process takes the next one;
//  - in a step of its own (the first save, a timer): `incidentOnDataRejection`
//    opens an incident task for `admin` and lets the process go on; the next
//    successful save brings the read model up to date.
import { ActivityFailure, ApplicationFailure, condition, log, patched, type ActivityOptions } from '@temporalio/workflow';

export const DATA_REJECTED = 'DATA_REJECTED';

/**
 * Unlimited attempts for what a retry can cure (the database or Redis being
 * away): every activity is idempotent. What it cannot cure fails at once
 * (DATA_REJECTED, non-retryable, decided by the activity).
 */
export const ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: [DATA_REJECTED] },
};

/** The activity's own failure behind `err` when it is of one of `types`. */
function activityFailureOf(err: unknown, types: readonly string[]): ApplicationFailure | null {
  if (!(err instanceof ActivityFailure)) return null;
  const cause = err.cause;
  return cause instanceof ApplicationFailure && cause.type && types.includes(cause.type) ? cause : null;
}

/** The DATA_REJECTED failure behind `err`, if that is what it is. */
export function dataRejectionOf(err: unknown): ApplicationFailure | null {
  return activityFailureOf(err, [DATA_REJECTED]);
}

/**
 * Failure types with which a step's save refuses the step by a rule it checks
 * in its own transaction (the community's yearly fund cap, checked where the
 * reservation is written): nothing was written, and the action is refused
 * with the save's type and message, as when the machine refuses it.
 * BUSINESS_RULE is the cap's type in histories recorded before it had its own.
 */
const SAVE_REFUSALS: readonly string[] = ['FUND_CAP_EXCEEDED', 'BUSINESS_RULE'];

/** The rule refusal from a step's save behind `err`, if that is what it is. */
export function saveRefusalOf(err: unknown): ApplicationFailure | null {
  return activityFailureOf(err, SAVE_REFUSALS);
}

/** A deep copy of plain workflow state (JSON-shaped by construction: it crosses activities). */
export function snapshotOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Puts `target` back to `snapshot` in place, keeping the identity of every
 * object and array that existed before: the workflow's own steps hold
 * references into the state (the current round, the notice) and wait on them.
 */
export function restoreInto<T extends object>(target: T, snapshot: T): void {
  if (Array.isArray(target) && Array.isArray(snapshot)) {
    target.length = snapshot.length;
    snapshot.forEach((v, i) => {
      if (isObject(target[i]) && isObject(v) && Array.isArray(target[i]) === Array.isArray(v)) restoreInto(target[i] as object, v);
      else target[i] = snapshotOf(v);
    });
    return;
  }
  const t = target as Record<string, unknown>;
  const snap = snapshot as Record<string, unknown>;
  for (const key of Object.keys(t)) if (!(key in snap)) delete t[key];
  for (const [key, v] of Object.entries(snap)) {
    if (isObject(t[key]) && isObject(v) && Array.isArray(t[key]) === Array.isArray(v)) restoreInto(t[key] as object, v);
    else t[key] = snapshotOf(v);
  }
}

export interface RefuseOnDataRejectionOptions<S extends object, R> {
  state: S;
  /** What the action does: change the state, persist it. */
  run: () => Promise<R>;
  /** Undo effects outside the state the action already committed (e.g. a reservation). Runs after the state is restored. */
  compensate?: (before: S) => Promise<void>;
  /** Put back other private variables of the workflow. */
  restore?: () => void;
  label: string;
}

/**
 * Runs a person's action; when the database refuses what it produced, the
 * state is restored and the action refused with DATA_REJECTED. When the save
 * refuses the step by a rule (`saveRefusalOf`), the state is restored the
 * same way and the action refused with the save's own code and message.
 */
export async function refuseOnDataRejection<S extends object, R>(options: RefuseOnDataRejectionOptions<S, R>): Promise<R> {
  const before = snapshotOf(options.state);
  try {
    return await options.run();
  } catch (err) {
    const rejection = dataRejectionOf(err) ?? saveRefusalOf(err);
    if (!rejection) throw err;
    restoreInto(options.state, before);
    options.restore?.();
    await options.compensate?.(before);
    if (rejection.type !== DATA_REJECTED) throw ApplicationFailure.nonRetryable(rejection.message, rejection.type);
    log.warn('action refused: the database refused its data', { action: options.label, reason: rejection.message });
    throw ApplicationFailure.nonRetryable(`「${options.label}」未能保存:数据库拒绝了其中的数据(${rejection.message}),操作未生效,请检查填写的内容后重试。`, DATA_REJECTED);
  }
}

export interface IncidentReporter {
  openIncident(input: { process: string; subjectId: string; unitId: string; key: string; step: string; reason: string }): Promise<string>;
}

export interface IncidentContext {
  acts: IncidentReporter;
  process: string;
  subjectId: string;
  unitId: string;
}

/**
 * Runs a step of the process's own; when the database refuses its data, an
 * incident goes to `admin` and the process goes on. Returns false then.
 */
export async function incidentOnDataRejection(ctx: IncidentContext, step: string, key: string, run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (err) {
    const rejection = dataRejectionOf(err);
    if (!rejection) throw err;
    log.error('process step refused by the database; incident opened', { step, reason: rejection.message });
    await ctx.acts.openIncident({ process: ctx.process, subjectId: ctx.subjectId, unitId: ctx.unitId, key, step, reason: rejection.message });
    return false;
  }
}

/**
 * Keeps a process's own steps from seeing an action half-done. An action
 * changes the state and then saves it; if the save is refused the change is
 * undone, so a step waiting for that change (a report submitted, a round
 * ended) must not run on it in between. Actions run through `act`; the
 * process waits through `condition`, which holds while an action is in flight.
 */
export function createActionGate({ versioned = true }: { versioned?: boolean } = {}) {
  let inFlight = 0;
  // Histories started before the gate replay without it (their steps ran on the ungated state).
  const enabled = versioned ? patched('action-gate') : true;
  return {
    async act<R>(fn: () => Promise<R>): Promise<R> {
      inFlight += 1;
      try {
        return await fn();
      } finally {
        inFlight -= 1;
      }
    },
    condition(fn: () => boolean, timeout?: number | string): Promise<boolean> {
      const settled = () => (!enabled || inFlight === 0) && fn();
      return timeout === undefined ? condition(settled).then(() => true) : condition(settled, timeout);
    },
  };
}
