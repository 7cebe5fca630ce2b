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
export interface PendingTask<A extends string = string> {
  /** Unique within the instance; a step that comes back gets a new key. */
  key: string;
  action: A;
  title: string;
  role: RoleName;
  unitId: string;
  assigneeId: string | null;
  dueAt: string | null;
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
export interface TimedMachine<S extends { version: number }, Inputs extends { [A in keyof Inputs]: unknown }, System extends string = string>
  extends ProcessMachine<S, Inputs> {
  /** What the instance waits for by itself now; re-read after every step. */
  deadlines(state: S): Deadline<System>[];
  /** The system step a passed deadline takes. */
  onDeadline(state: S, deadline: Deadline<System>, now: Date): Step<S>;
  /** Nothing is left to wait for: the runner ends the instance. */
  finished(state: S): boolean;
}
