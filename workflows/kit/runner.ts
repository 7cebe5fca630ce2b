// The runner half of the process kit: serves a machine's actions as
// workflow updates. Validators come from the machine's refusal (so a refused
// action never enters history and reads the same through every path), steps
// run one at a time (a step that waits for its save cannot interleave with
// the next), and each step is saved by the one save the host provides.
import { allHandlersFinished, ApplicationFailure, condition, patched, setHandler } from '@temporalio/workflow';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { commandOf, type ActionCommand, type ActionResult } from '../../domain/kit/command';
import { ACCESS_CODES, isRefusal, type Deadline, type Effects, type ProcessMachine, type ReassignInput, type Refusal, type Step, type TimedMachine } from '../../domain/kit/machine';
import { createActionGate, incidentOnDataRejection, refuseOnDataRejection, restoreInto, snapshotOf, type IncidentContext } from '../failures';
import type { WorkflowCalendar } from './calendar';
import { serveInboxSteps } from './inbox-steps';
import { reassignTaskUpdate, recallStepUpdate } from './shared';

export interface MachineHost<S, E extends Effects = Effects> {
  /** The instance's current state. */
  state(): S;
  /**
   * Takes the state a step produced. Hosts adopt in place (`restoreInto`):
   * the process's own waits hold references into the state.
   */
  adopt(state: S): void;
  /** Persists the step: state version, timeline, inbox, notifications (one save activity). */
  save(step: Step<S, E>): Promise<void>;
  /** Wraps each step, e.g. the action gate that keeps the process's own waits off a half-done action. */
  around?: <R>(fn: () => Promise<R>) => Promise<R>;
  /**
   * Carries out what the step needs from outside before it is adopted — a
   * reservation, a payment, a period in working days — and returns the step
   * completed with the answers (the machine folds them in). Throwing refuses
   * the action with the state untouched.
   */
  prepare?(step: Step<S, E>): Promise<Step<S, E>>;
  /** Undoes what `prepare` committed outside the state when the save is then refused (DATA_REJECTED). */
  compensate?(before: S): Promise<void>;
  /**
   * The working-day calendar `prepare` computes periods on (./calendar): a
   * step whose save finds it changed since is prepared again on the new one.
   */
  calendar?: WorkflowCalendar;
  /**
   * When set, an action that arrives while another action is in flight is
   * refused with this (after access and scope) instead of waiting its turn.
   */
  busy?(runningLabel: string): Refusal;
}

/**
 * Runs `fn` after every earlier call has finished: one step at a time, in
 * arrival order. An idle serialiser starts `fn` at once (synchronously), so
 * a lone step issues its commands exactly when an unserialised handler did:
 * histories recorded before the kit replay unchanged.
 */
export function createSerialiser() {
  let tail: Promise<void> | null = null;
  return async function serial<T>(fn: () => Promise<T>): Promise<T> {
    while (tail) await tail;
    let release!: () => void;
    tail = new Promise<void>((r) => (release = r));
    try {
      return await fn();
    } finally {
      tail = null;
      release();
    }
  };
}

/**
 * Runs `fn` after every earlier call has settled, as a promise chain: each
 * step starts a tick after the one before (also when idle). The project
 * workflow serialised its steps this way before the kit; the tick decides
 * whether a waiting step or the process's own clock issues its command
 * first, so its histories replay unchanged only with this serialiser.
 */
export function createChainSerialiser(): ReturnType<typeof createSerialiser> {
  let tail: Promise<unknown> = Promise.resolve();
  return function serial<T>(fn: () => Promise<T>): Promise<T> {
    const result = tail.then(fn, fn);
    tail = result.catch(() => undefined);
    return result;
  };
}

const refused = (code: string, message: string) => ApplicationFailure.nonRetryable(message, code);

/** Preparations of one step at most: a calendar is not changed again and again while one step saves. */
const PREPARE_ATTEMPTS = 3;

/**
 * Prepares `step` (`host.prepare`) and hands it to `commit`, which adopts and
 * saves it. When the save refuses it because the working-day calendar its
 * periods were computed on has changed since (nothing was written), the step
 * is prepared again on the calendar as stored now. What `prepare` did outside
 * is done again with it: the reservation is set to the same amount, a
 * payment is found by its business key.
 */
async function prepareAndCommit<S, E extends Effects, R>(
  host: Pick<MachineHost<S, E>, 'prepare' | 'calendar'>,
  step: Step<S, E>,
  commit: (ready: Step<S, E>) => Promise<R>,
): Promise<R> {
  // A step may hold the instance's own state (a step of the process's own that only asks for a period), which
  // `commit` then changes in place: prepared again, it starts from a copy taken before.
  const pristine = host.calendar ? snapshotOf(step) : step;
  for (let attempt = 1; ; attempt += 1) {
    host.calendar?.beginStep();
    const from = attempt === 1 ? step : snapshotOf(pristine);
    const ready = host.prepare ? await host.prepare(from) : from;
    try {
      return await commit(ready);
    } catch (err) {
      if (!host.calendar?.staleAfter(err)) throw err;
      // Not a failure of the process: the workflow task fails and is retried (replayed), as for a bug, in the open.
      if (attempt >= PREPARE_ATTEMPTS) throw new Error(`the working-day calendar changed at each of ${attempt} saves of this step`);
    }
  }
}

/** Registers one update per action of the machine, named as the action. */
export function serveActions<S extends { version: number; stage: string }, Inputs extends { [A in keyof Inputs]: unknown }, E extends Effects = Effects>(
  machine: ProcessMachine<S, Inputs, E>,
  updates: { [A in keyof Inputs & string]: UpdateDefinition<ActionResult, [ActionCommand<Inputs[A]>], A> },
  host: MachineHost<S, E>,
  serial: ReturnType<typeof createSerialiser> = createSerialiser(),
): void {
  /** Labels of the actions admitted and not yet answered, oldest first (for `host.busy`). */
  const inFlight: string[] = [];
  const recallable = new Set<string>(machine.recallable ?? []);
  /** The last step, while it may be recalled: rebuilt on replay like any workflow variable. */
  let last: LastStep<S> | null = null;
  const around = host.around ?? (<R>(fn: () => Promise<R>) => fn());
  const checks = new Map<string, (arg: unknown, admitting: boolean) => ActionCommand<unknown>>();
  const acts = new Map<string, (cmd: ActionCommand<unknown>) => Promise<ActionResult>>();
  // 退回 and 加签/减签 (workflows/kit/inbox-steps.ts): their steps go through the same queue and the same save.
  const inbox = serveInboxSteps(machine, {
    state: () => host.state(),
    serial,
    perform: (label, step) =>
      around(() =>
        refuseOnDataRejection({
          state: host.state(),
          label,
          run: () =>
            prepareAndCommit(host, step, async (done) => {
              host.adopt(done.state);
              await host.save(done);
              const state = host.state();
              return { ...done.result, stage: state.stage, version: state.version, message: done.message ?? done.effects.timeline.at(-1)?.summary ?? label };
            }),
          ...(host.compensate ? { compensate: (before: S) => host.compensate!(before) } : {}),
        }),
      ),
    replay: (action, command) => acts.get(action)!(checks.get(action)!(command, false)),
  });
  for (const action of machine.actions) {
    const check = (arg: unknown, admitting: boolean): ActionCommand<Inputs[typeof action]> => {
      const cmd = commandOf<Inputs[typeof action]>(arg);
      if (!cmd) throw refused('VALIDATION_FAILED', '请求缺少操作人或操作内容。');
      const refusal = machine.refusal(host.state(), cmd.actor, action, cmd.input, new Date());
      if (refusal && ACCESS_CODES.includes(refusal.code)) throw refused(refusal.code, refusal.message);
      if (admitting && host.busy && inFlight.length > 0) {
        const busy = host.busy(inFlight[0]!);
        throw refused(busy.code, busy.message);
      }
      if (refusal) throw refused(refusal.code, refusal.message);
      const signers = inbox.refusal(action);
      if (signers) throw refused(signers.code, signers.message);
      return cmd;
    };
    const label = machine.labels[action];
    const act = (cmd: ActionCommand<Inputs[typeof action]>): Promise<ActionResult> => {
      const before = recallable.has(action) ? (JSON.parse(JSON.stringify(host.state())) as S) : null;
      const applied = machine.apply(host.state(), cmd.actor, action, cmd.input, new Date());
      // When the database refuses the step's data, the state is put back and the action refused (DATA_REJECTED).
      return around(() => refuseOnDataRejection({
        state: host.state(),
        label,
        run: () =>
          prepareAndCommit(host, applied, async (step) => {
            host.adopt(step.state);
            await host.save(step);
            const state = host.state();
            last = before ? { action, actorId: cmd.actor.personId, before, version: state.version } : null;
            inbox.afterStep();
            return { ...step.result, stage: state.stage, version: state.version, message: step.message ?? step.effects.timeline.at(-1)?.summary ?? label };
          }),
        ...(host.compensate ? { compensate: (before: S) => host.compensate!(before) } : {}),
      }));
    };
    checks.set(action, check as (arg: unknown, admitting: boolean) => ActionCommand<unknown>);
    acts.set(action, act as (cmd: ActionCommand<unknown>) => Promise<ActionResult>);
    setHandler(
      updates[action] as unknown as UpdateDefinition<ActionResult, [ActionCommand<Inputs[typeof action]>]>,
      (arg) => {
        inFlight.push(label);
        // The handler answers with the serialiser's own promise (no extra await), so an answer is given in the
        // same turn as before `busy` existed: histories recorded then replay unchanged.
        const answer = serial(async () => {
          // Checked again in turn: an update admitted meanwhile may have moved the process.
          const cmd = check(arg, false);
          // 后加签: the decision waits for the signers added after the holder (no step yet).
          return inbox.hold(action, arg) ?? act(cmd);
        });
        const answered = () => void inFlight.splice(inFlight.indexOf(label), 1);
        answer.then(answered, answered);
        return answer;
      },
      { validator: (arg) => void check(arg, true) },
    );
  }
  if (machine.reassign) serveReassign(machine as ProcessMachine<S, never>, host, serial);
  if (machine.recall && recallable.size > 0) {
    serveRecall(machine as unknown as ProcessMachine<S, Record<string, unknown>>, host, serial, {
      get: () => last,
      clear: () => {
        last = null;
      },
    });
  }
}

interface LastStep<S> {
  action: string;
  actorId: string;
  before: S;
  /** The state's version right after the step: any later change (a person's, a timer's) moves it. */
  version: number;
}

/**
 * 撤回: whoever took the last step takes it back while the process has not
 * moved since (same version: no one acted, no timer fired), and only for the
 * actions the machine declares recallable. The machine builds the state the
 * recall leaves; the runner only checks who and when.
 */
function serveRecall<S extends { version: number; stage: string }>(
  machine: ProcessMachine<S, Record<string, unknown>>,
  host: MachineHost<S>,
  serial: ReturnType<typeof createSerialiser>,
  memory: { get(): LastStep<S> | null; clear(): void },
): void {
  const check = (arg: unknown) => {
    const cmd = commandOf<{ reason: string }>(arg);
    if (!cmd) throw refused('VALIDATION_FAILED', '请求缺少操作人。');
    const last = memory.get();
    if (!last || last.version !== host.state().version) throw refused('RECALL_TOO_LATE', '流程已有后续办理(或已超过可撤回的时机),不能撤回。');
    if (last.actorId !== cmd.actor.personId) throw refused('NOT_TASK_HOLDER', '只有办理该步骤的本人可以撤回。');
    return { cmd, last };
  };
  setHandler(
    recallStepUpdate,
    (arg) =>
      serial(async () => {
        const { cmd, last } = check(arg);
        const step = machine.recall!(last.before, host.state(), last.action, cmd.actor, new Date(), String(cmd.input?.reason ?? ''));
        const around = host.around ?? (<R>(fn: () => Promise<R>) => fn());
        return around(() =>
          refuseOnDataRejection({
            state: host.state(),
            label: '撤回',
            run: async () => {
              host.calendar?.beginStep();
              host.adopt(step.state);
              await host.save(step);
              memory.clear();
              const state = host.state();
              return { stage: state.stage, version: state.version, message: step.effects.timeline.at(-1)?.summary ?? '已撤回。', recalledAction: last.action };
            },
          }),
        );
      }),
    { validator: (arg) => void check(arg) },
  );
}

/**
 * 转交 of a task the state binds to a person: the API has checked the caller
 * and the target against the inbox row; the machine says whether the target
 * may hold the step and moves it. Served alongside the actions, in the same
 * queue of steps, so a transfer never interleaves with a decision. The inbox
 * writes the timeline line, so the step adds none.
 */
function serveReassign<S extends { version: number; stage: string }>(
  machine: ProcessMachine<S, never>,
  host: MachineHost<S>,
  serial: ReturnType<typeof createSerialiser>,
): void {
  const reassign = machine.reassign!.bind(machine);
  const check = (arg: unknown) => {
    const cmd = commandOf<ReassignInput>(arg);
    if (!cmd?.input?.to || typeof cmd.input.taskKey !== 'string') throw refused('VALIDATION_FAILED', '请求缺少任务或接收人。');
    const result = reassign(host.state(), cmd.input.taskKey, cmd.input.to, new Date());
    if (isRefusal(result)) throw refused(result.code, result.message);
    return { cmd, step: result };
  };
  setHandler(
    reassignTaskUpdate,
    (arg) =>
      serial(async () => {
        const { step } = check(arg);
        if (!step) return { stage: host.state().stage, version: host.state().version, message: '任务按角色办理,无需流程改派。', moved: false };
        const around = host.around ?? (<R>(fn: () => Promise<R>) => fn());
        return around(() =>
          refuseOnDataRejection({
            state: host.state(),
            label: '转交',
            run: async () => {
              host.calendar?.beginStep();
              host.adopt(step.state);
              await host.save(step);
              return { stage: host.state().stage, version: host.state().version, message: '已改派办理人。', moved: true };
            },
          }),
        );
      }),
    { validator: (arg) => void check(arg) },
  );
}

export interface RunMachineOptions<S, E extends Effects = Effects> {
  /** The instance's first step (what reported or registered it): saved before any action is taken. */
  start: Step<S, E>;
  /** The process's one save activity: version check, timeline, inbox from pendingTasks, notifications. */
  save(step: Step<S, E>): Promise<void>;
  /**
   * Where a save of the process's own step goes when the database refuses
   * its data: an incident for the administrator, and the instance goes on
   * (a person's refused action is put back and refused instead).
   */
  incidents: IncidentContext;
  /** How the incident names the process's own steps (default: "start" and the deadline's action). */
  stepNames?: { start: string; deadline: string };
  /** Answered with the current state, when given. */
  stateQuery?: QueryDefinition<S>;
  /** Registers the process's own queries over the live state (one that must not show all of it: the ballot box). */
  queries?(state: () => S): void;
  /**
   * What a step needs from outside (a reservation, a payment, a period in
   * working days), for every step: the people's and the process's own
   * (`MachineHost.prepare`).
   */
  prepare?: MachineHost<S, E>['prepare'];
  /** Undoes what `prepare` committed outside when a person's step is then refused (`MachineHost.compensate`). */
  compensate?: MachineHost<S, E>['compensate'];
  /** Refuses an action that arrives while another is in flight (`MachineHost.busy`). */
  busy?: MachineHost<S, E>['busy'];
  /** The calendar `prepare` computes periods on (`MachineHost.calendar`). */
  calendar?: WorkflowCalendar;
}

/** The deadline due first (ties: the first declared). */
export function earliestDeadline<A extends string>(deadlines: readonly Deadline<A>[]): Deadline<A> | null {
  let first: Deadline<A> | null = null;
  for (const d of deadlines) if (!first || Date.parse(d.at) < Date.parse(first.at)) first = d;
  return first;
}

/**
 * Runs a timed machine to completion: serves its actions (as `serveActions`),
 * waits for the earliest of its deadlines or for any step, applies a passed
 * deadline's system action through the same serialiser, and ends once the
 * machine says the instance is finished. A process on this runner is a
 * machine plus a few lines naming its save activity (and, when its steps
 * need something from outside, its `prepare`).
 *
 * A step of the process's own whose save the database refuses opens an
 * incident; the instance keeps the state the machine made (without what
 * `prepare` added: asked again with the next step), and the step's timeline
 * and notifications go with the next save that succeeds.
 */
export async function runMachine<S extends { version: number; stage: string }, Inputs extends { [A in keyof Inputs]: unknown }, System extends string, E extends Effects = Effects>(
  machine: TimedMachine<S, Inputs, System, E>,
  updates: { [A in keyof Inputs & string]: UpdateDefinition<ActionResult, [ActionCommand<Inputs[A]>], A> },
  options: RunMachineOptions<S, E>,
): Promise<S> {
  const state = snapshotOf(options.start.state);
  // Timers read the state only between steps: never a person's action half-saved (and perhaps put back).
  const gate = createActionGate({ versioned: false });
  const serial = createSerialiser();
  /** Timeline and notifications of own steps the database refused: they go with the next save. */
  let carried: Pick<Effects, 'timeline' | 'notifications'> = { timeline: [], notifications: [] };
  const save = async (step: Step<S, E>) => {
    const withCarried = carried.timeline.length + carried.notifications.length === 0
      ? step
      : { ...step, effects: { ...step.effects, timeline: [...carried.timeline, ...step.effects.timeline], notifications: [...carried.notifications, ...step.effects.notifications] } };
    await options.save(withCarried);
    carried = { timeline: [], notifications: [] };
  };
  const ownStep = async (what: string, key: string, step: Step<S, E>) => {
    const version = state.version;
    await prepareAndCommit(options, step, async (ready) => {
      // A deadline met meanwhile: the step (prepared) leaves the version as it was and is not saved.
      if (ready.state.version === version && step !== options.start) return;
      restoreInto(state, ready.state);
      if (!(await incidentOnDataRejection(options.incidents, what, key, () => save(ready)))) {
        restoreInto(state, step.state);
        carried = { timeline: [...carried.timeline, ...step.effects.timeline], notifications: [...carried.notifications, ...step.effects.notifications] };
      }
    });
  };
  const startStep = () => ownStep(options.stepNames?.start ?? 'start', `v${state.version}`, options.start);
  // The start step takes the serialiser before any action can. An action
  // admitted with the workflow's first task (it came while no worker had run
  // the workflow yet: a worker down, or a person quicker than the first task)
  // is delivered when its handler is registered, below; it used to take the
  // idle serialiser first, be applied, saved and answered, and then be wiped
  // out by the start step restoring the start state: acknowledged and lost
  // (found by a crash drill, tests/grid/worker-killed.test.ts). Histories
  // written before replay in their own order.
  const started = patched('kit-start-first') ? serial(startStep) : undefined;
  serveActions(
    machine,
    updates,
    {
      state: () => state,
      adopt: (next) => restoreInto(state, next),
      save,
      around: (fn) => gate.act(fn),
      ...(options.prepare ? { prepare: options.prepare } : {}),
      ...(options.compensate ? { compensate: options.compensate } : {}),
      ...(options.busy ? { busy: options.busy } : {}),
      ...(options.calendar ? { calendar: options.calendar } : {}),
    },
    serial,
  );
  if (options.stateQuery) setHandler(options.stateQuery, () => state);
  options.queries?.(() => state);

  await (started ?? serial(startStep));
  // A deadline's key names one occurrence: applied once, never again, so a
  // machine that declared it anew by mistake cannot spin the workflow.
  const applied = new Set<string>();
  const pending = () => machine.deadlines(state).filter((d) => !applied.has(d.key));
  while (!machine.finished(state)) {
    const next = earliestDeadline(pending());
    const seen = state.version;
    const moved = () => state.version !== seen;
    if (!next) {
      await gate.condition(moved);
      continue;
    }
    const ms = Date.parse(next.at) - Date.now();
    if (ms > 0 && (await gate.condition(moved, ms))) continue;
    await serial(async () => {
      // Checked again in turn: an action taken meanwhile may have moved or met the deadline.
      const due = pending().find((d) => d.key === next.key);
      if (!due || Date.parse(due.at) > Date.now()) return;
      applied.add(due.key);
      const step = machine.onDeadline(state, due, new Date());
      await ownStep(options.stepNames?.deadline ?? due.action, due.key, step);
    });
  }
  // Updates admitted before the end still get their answer.
  await condition(allHandlersFinished);
  return state;
}
