// The process kit: every process is a pure machine of this shape, and one
// runner (workflows/kit) executes any of them. The machine decides; the
// runner only waits, saves and notifies.
//
//   refusal(state, actor, action, input, now)  access and scope first, then
//                                              stage, then the input
//   apply(state, actor, action, input, now)    a new state and its effects
//   pendingTasks(state)                        what waits for whom (the inbox)
//   availableActions(state, actor, now)        what this person may do now
import type { Actor } from '../access';
import type { ErrorCode } from '../errors';
import type { RoleName } from '../roles';

export interface Refusal {
  code: ErrorCode;
  message: string;
}

/** One line of an instance's timeline: who did what, when, with what input. */
export interface TimelineEntry {
  seq: number;
  at: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  summary: string;
  data: Record<string, unknown>;
}

/** A message to people, queued in the same transaction as the save. */
export interface NotificationIntent {
  /** Unique within the instance: a retried save never sends twice. */
  event: string;
  to: { personIds: string[] } | { role: RoleName; unitId: string; reach?: 'covering' | 'unit' };
  kind: string;
  title: string;
  body: string;
}

/** An inbox task the state calls for. */
/** 会签 (`all`: every signer approves, one rejection decides) or 或签 (`any`: the first decision decides); domain/kit/countersign.ts. */
export type SignMode = 'all' | 'any';

export interface PendingTask<A extends string = string> {
  /** Unique within the instance; a step that comes back gets a new key. */
  key: string;
  action: A;
  title: string;
  role: RoleName;
  unitId: string;
  assigneeId: string | null;
  dueAt: string | null;
  /**
   * 会签 (`all`) / 或签 (`any`): the people the step still waits for (see
   * domain/kit/countersign.ts); the inbox opens one task per person, keyed
   * `<key>@<personId>`. Absent: one task for `assigneeId` or the role.
   */
  signers?: { mode: SignMode; personIds: string[] };
}

/** What one step changed besides the state. */
export interface Effects {
  timeline: TimelineEntry[];
  notifications: NotificationIntent[];
}

export interface Step<S, E extends Effects = Effects> {
  state: S;
  effects: E;
  /** zh-CN answer to the person who acted; default: the last timeline entry's summary. */
  message?: string;
  /** What the action's answer carries besides stage, version and message: the ids it created (a question's, a round's). */
  result?: Record<string, unknown>;
}

/**
 * A process as a pure machine. `Inputs` maps each action (a camelCase verb)
 * to its input; the machine never reads a clock (`now` is passed in), a
 * database or the environment, so it runs the same in a workflow, an API
 * check and a unit test. A machine whose steps need something from outside
 * (a payment to make, a period in working days) widens its effects `E` to
 * name it; the host carries it out before the step is adopted
 * (`MachineHost.prepare` in workflows/kit/runner.ts) and hands the answer
 * back to a pure function of the machine (the project's `settle`).
 */
export interface ProcessMachine<S extends { version: number }, Inputs extends { [A in keyof Inputs]: unknown }, E extends Effects = Effects> {
  /** "project", "reporting", "mediation": the inbox's process name. */
  process: string;
  actions: readonly (keyof Inputs & string)[];
  labels: Record<keyof Inputs & string, string>;
  refusal<A extends keyof Inputs & string>(state: S, actor: Actor, action: A, input: Inputs[A], now: Date): Refusal | null;
  apply<A extends keyof Inputs & string>(state: S, actor: Actor, action: A, input: Inputs[A], now: Date): Step<S, E>;
  pendingTasks(state: S): PendingTask<keyof Inputs & string>[];
  availableActions(state: S, actor: Actor, now: Date): (keyof Inputs & string)[];
  /**
   * 转交 of a task the state binds to one person (a round's mediator): the
   * state with that task's holder replaced by `to`, a refusal when `to` may
   * not hold it, or null when the task waits for a role and the inbox alone
   * moves it. Absent: every task of the machine is bound to a role only.
   */
  reassign?(state: S, taskKey: string, to: Actor, now: Date): Step<S> | Refusal | null;
  /**
   * 撤回: the actions whoever took them may take back while nothing has
   * happened since (the runner checks who and "untouched"). Never an action
   * that pays, notifies outside or starts another process.
   */
  recallable?: readonly (keyof Inputs & string)[];
  /**
   * The state a recall leaves: `before` (as it was before the action) carried
   * forward to `current`'s counters, with the timeline line that says so.
   */
  recall?(before: S, current: S, action: keyof Inputs & string, actor: Actor, now: Date, reason: string): Step<S>;
  /**
   * 退回: for each step (named by the action that completes it), the earlier
   * human steps the process may go back to. A step not listed cannot be sent
   * back; a step whose completion paid money is never a target.
   */
  sendBackTargets?: Partial<Record<keyof Inputs & string, readonly (keyof Inputs & string)[]>>;
  /**
   * The step that sends the process from the open step `from` back to `to`
   * (already checked against `sendBackTargets`): the state waiting for `to`
   * again under a new task key, with its timeline line and the notice to
   * whoever holds `to`; or a refusal (access first, then money already paid).
   */
  sendBack?(state: S, actor: Actor, from: keyof Inputs & string, to: keyof Inputs & string, reason: string, now: Date): Step<S, E> | Refusal;
}

/** Input of the runner's `sendBack` update (see `ProcessMachine.sendBack`). */
export interface SendBackInput {
  /** The open task sent back (its inbox key). */
  taskKey: string;
  /** The earlier step's action. */
  toAction: string;
  reason: string;
}

/** Input of the runner's `reassignTask` update (see `ProcessMachine.reassign`). */
export interface ReassignInput {
  taskKey: string;
  to: Actor;
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value && !('state' in value);
}

/** Access and scope codes: a refusal with one of these is about who, not about when or what. */
export const ACCESS_CODES: readonly ErrorCode[] = ['FORBIDDEN_ROLE', 'FORBIDDEN_SCOPE'];

/**
 * A moment the machine waits for by itself: when `at` passes and the
 * deadline is still declared, the runner applies `action` as the system
 * (a reminder, an escalation, an automatic decision).
 */
export interface Deadline<A extends string = string> {
  /** Unique within the instance for this occurrence ("handle-2:remind"). */
  key: string;
  /** ISO instant. */
  at: string;
  action: A;
}

/**
 * A machine that also moves by itself: it declares its deadlines, says what
 * each does, and when the instance needs nothing more. The kit's
 * `runMachine` (workflows/kit/runner.ts) runs such a machine to completion
 * with no process-specific workflow code: timers come from `deadlines`.
 */
export interface TimedMachine<
  S extends { version: number },
  Inputs extends { [A in keyof Inputs]: unknown },
  System extends string = string,
  E extends Effects = Effects,
> extends ProcessMachine<S, Inputs, E> {
  /** What the instance waits for by itself now; re-read after every step. */
  deadlines(state: S): Deadline<System>[];
  /**
   * The system step a passed deadline takes. A step that leaves the version
   * as it was changed nothing and is not saved (a deadline met meanwhile).
   */
  onDeadline(state: S, deadline: Deadline<System>, now: Date): Step<S, E>;
  /** Nothing is left to wait for: the runner ends the instance. */
  finished(state: S): boolean;
}
