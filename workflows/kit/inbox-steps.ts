// The runner's half of 退回 and 加签/减签: generic updates every machine on
// the kit gets. The signer book lives here, in the workflow (a variable the
// updates rebuild on replay), so who must sign, who signed and which
// decision waits for its after-signers survive a restart; the rules are
// pure (domain/kit/signers.ts), the inbox rows are the API's.
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type { ActionResult } from '../../domain/kit/command';
import { commandOf } from '../../domain/kit/command';
import { stepKeyOf } from '../../domain/kit/countersign';
import { isRefusal, type Effects, type ProcessMachine, type SendBackInput, type Step } from '../../domain/kit/machine';
import {
  addSignerRefusal,
  decisionGate,
  emptySignerBook,
  mootSigners,
  releasedDecision,
  removeSignerRefusal,
  signRefusal,
  type SignDecision,
  type SignerPosition,
} from '../../domain/kit/signers';
import type { Actor } from '../../domain/access';
import { addSignerUpdate, removeSignerUpdate, sendBackUpdate, signTaskUpdate } from './shared';

const refused = (code: string, message: string) => ApplicationFailure.nonRetryable(message, code);

/** What the runner lends this module: its state, its queue of steps and its way of carrying one out. */
export interface StepDesk<S extends { version: number; stage: string }, E extends Effects> {
  state(): S;
  serial<T>(fn: () => Promise<T>): Promise<T>;
  /** Prepares, adopts and saves a step the machine made (refused data puts the state back). */
  perform(label: string, step: Step<S, E>): Promise<ActionResult>;
  /** Runs a held decision of the holder through the machine, as if it arrived now. */
  replay(action: string, command: unknown): Promise<ActionResult>;
}

export type SignerDesk = ReturnType<typeof serveInboxSteps>;

/**
 * Registers sendBack (when the machine declares it), addSigner,
 * removeSigner and signTask; returns the gate the runner asks before a
 * holder's decision, and the hook it calls after every step.
 */
export function serveInboxSteps<S extends { version: number; stage: string }, Inputs extends { [A in keyof Inputs]: unknown }, E extends Effects>(
  machine: ProcessMachine<S, Inputs, E>,
  desk: StepDesk<S, E>,
) {
  const book = emptySignerBook();
  const openKeys = () => machine.pendingTasks(desk.state()).map((t) => t.key);
  const answer = <X extends object>(message: string, extra: X) => ({ stage: desk.state().stage, version: desk.state().version, message, ...extra });

  /** Signers of steps the process no longer waits for have nothing left to sign. */
  const afterStep = () => {
    for (const s of mootSigners(book, openKeys())) s.status = 'moot';
    book.held = book.held.filter((h) => openKeys().includes(h.taskKey));
  };

  if (machine.sendBack && machine.sendBackTargets) {
    const sendBack = machine.sendBack.bind(machine);
    const targets = machine.sendBackTargets as Partial<Record<string, readonly string[]>>;
    const check = (arg: unknown) => {
      const cmd = commandOf<SendBackInput>(arg);
      if (!cmd?.input || typeof cmd.input.taskKey !== 'string' || typeof cmd.input.toAction !== 'string') throw refused('VALIDATION_FAILED', '请求缺少任务或退回的步骤。');
      if (!cmd.input.reason || String(cmd.input.reason).trim() === '') throw refused('VALIDATION_FAILED', '退回须说明理由。');
      const task = machine.pendingTasks(desk.state()).find((t) => t.key === stepKeyOf(cmd.input.taskKey));
      if (!task) throw refused('ALREADY_DONE', '该任务已结束,不能退回。');
      const allowed = targets[task.action] ?? [];
      if (!allowed.includes(cmd.input.toAction)) {
        const names = allowed.map((a) => machine.labels[a as keyof Inputs & string] ?? a);
        throw refused('SEND_BACK_NOT_ALLOWED', names.length ? `「${task.title}」只能退回到:${names.join('、')}。` : `「${task.title}」不能退回。`);
      }
      const step = sendBack(desk.state(), cmd.actor, task.action as keyof Inputs & string, cmd.input.toAction as keyof Inputs & string, String(cmd.input.reason).trim(), new Date());
      if (isRefusal(step)) throw refused(step.code, step.message);
      return { cmd, step };
    };
    setHandler(
      sendBackUpdate,
      (arg) =>
        desk.serial(async () => {
          const { cmd, step } = check(arg);
          const result = await desk.perform('退回', step);
          afterStep();
          return { ...result, sentBackTo: cmd.input.toAction };
        }),
      { validator: (arg) => void check(arg) },
    );
  }

  const checkAdd = (arg: unknown) => {
    const cmd = commandOf<{ taskKey: string; signer: Actor; position: SignerPosition; recordUnitPath: string }>(arg);
    const input = cmd?.input;
    if (!input || typeof input.taskKey !== 'string' || !input.signer || (input.position !== 'before' && input.position !== 'after')) throw refused('VALIDATION_FAILED', '请求缺少任务、加签人或加签方式。');
    const task = machine.pendingTasks(desk.state()).find((t) => t.key === stepKeyOf(input.taskKey));
    if (!task) throw refused('ALREADY_DONE', '该任务已结束,不能加签。');
    if (book.held.some((h) => h.taskKey === task.key) && input.position === 'before') throw refused('WRONG_STAGE', '主办人已办理,只能后加签。');
    const refusal = addSignerRefusal(book, task.key, cmd.actor.personId, input.signer, String(input.recordUnitPath ?? ''));
    if (refusal) throw refused(refusal.code, refusal.message);
    return { cmd: cmd!, input, task };
  };
  setHandler(
    addSignerUpdate,
    (arg) =>
      desk.serial(async () => {
        const { cmd, input, task } = checkAdd(arg);
        const id = `s${book.signers.length + 1}`;
        book.signers.push({ id, taskKey: task.key, action: task.action, personId: input.signer.personId, personName: input.signer.displayName, position: input.position, addedById: cmd.actor.personId, status: 'pending', comment: null });
        return answer(`已${input.position === 'before' ? '前' : '后'}加签${input.signer.displayName}。`, { signerId: id });
      }),
    { validator: (arg) => void checkAdd(arg) },
  );

  const checkRemove = (arg: unknown) => {
    const cmd = commandOf<{ taskKey: string; personId: string }>(arg);
    if (!cmd?.input || typeof cmd.input.taskKey !== 'string' || typeof cmd.input.personId !== 'string') throw refused('VALIDATION_FAILED', '请求缺少任务或加签人。');
    const refusal = removeSignerRefusal(book, cmd.input.taskKey, cmd.input.personId);
    if (refusal) throw refused(refusal.code, refusal.message);
    return book.signers.filter((s) => s.taskKey === cmd.input.taskKey && s.personId === cmd.input.personId).at(-1)!;
  };
  setHandler(
    removeSignerUpdate,
    (arg) =>
      desk.serial(async () => {
        const signer = checkRemove(arg);
        signer.status = 'removed';
        // A decision held only for this signer takes effect now.
        const released = releasedDecision(book, signer.taskKey);
        if (released) {
          book.held = book.held.filter((h) => h !== released);
          const result = await desk.replay(released.action, released.command);
          afterStep();
          return { ...result, signerId: signer.id };
        }
        return answer(`已减签${signer.personName}。`, { signerId: signer.id });
      }),
    { validator: (arg) => void checkRemove(arg) },
  );

  const checkSign = (arg: unknown) => {
    const cmd = commandOf<{ signerId: string; decision: SignDecision; comment: string }>(arg);
    if (!cmd?.input || typeof cmd.input.signerId !== 'string' || (cmd.input.decision !== 'approve' && cmd.input.decision !== 'reject')) throw refused('VALIDATION_FAILED', '请求缺少加签审批意见。');
    const refusal = signRefusal(book, cmd.input.signerId, cmd.actor.personId);
    if (refusal) throw refused(refusal.code, refusal.message);
    return { cmd, signer: book.signers.find((s) => s.id === cmd.input.signerId)! };
  };
  setHandler(
    signTaskUpdate,
    (arg) =>
      desk.serial(async () => {
        const { cmd, signer } = checkSign(arg);
        signer.status = cmd.input.decision === 'approve' ? 'approved' : 'rejected';
        signer.comment = String(cmd.input.comment ?? '');
        const base = { signerId: signer.id, taskKey: signer.taskKey };
        if (signer.status === 'rejected') {
          // The held decision is dropped: the task stays with its holder, who hears why.
          const dropped = book.held.some((h) => h.taskKey === signer.taskKey);
          book.held = book.held.filter((h) => h.taskKey !== signer.taskKey);
          return answer(`${signer.personName}不同意${dropped ? ',主办人的办理未生效' : ''}。`, { ...base, released: false });
        }
        const released = releasedDecision(book, signer.taskKey);
        if (!released) return answer(`${signer.personName}已同意。`, { ...base, released: false });
        book.held = book.held.filter((h) => h !== released);
        const result = await desk.replay(released.action, released.command);
        afterStep();
        return { ...result, ...base, released: true };
      }),
    { validator: (arg) => void checkSign(arg) },
  );

  return {
    /** Before a holder's decision (validator and in turn): refused while a before-signer has not acted. */
    refusal(action: string) {
      if (book.signers.length === 0) return null;
      const gate = decisionGate(book, action, openKeys());
      return gate.kind === 'refused' ? gate.refusal : null;
    },
    /** In turn: the decision is held for its after-signers (answered without a step), or null to go on. */
    hold(action: string, command: unknown): ActionResult | null {
      if (book.signers.length === 0) return null;
      const gate = decisionGate(book, action, openKeys());
      if (gate.kind !== 'hold') return null;
      book.held = [...book.held.filter((h) => h.taskKey !== gate.taskKey), { taskKey: gate.taskKey, action, command }];
      return answer(`已提交,待后加签人${gate.waitingFor.join('、')}审批同意后生效。`, { held: true });
    },
    afterStep,
  };
}
