// 加签 / 减签 as pure rules of the kit: who may be added to a task, who may be
// taken off, when an added signer may sign, and whether the holder may decide
// now. The runner (workflows/kit/signers.ts) keeps the book in the workflow,
// so it is durable and rebuilt on replay; the inbox shows each signer a task.
//
//   before  the signer approves first: the holder's decision is refused
//           (SIGNERS_PENDING) until every before-signer has acted;
//   after   the signer approves next: the holder's decision is held and takes
//           effect once every after-signer approved (a rejection drops it and
//           the task stays with the holder).
import { reachesUnit, type Actor } from '../access';
import type { Refusal } from './machine';

export type SignerPosition = 'before' | 'after';
export type SignerStatus = 'pending' | 'approved' | 'rejected' | 'removed' | 'moot';
export type SignDecision = 'approve' | 'reject';

export interface AddedSigner {
  /** "s1", "s2"…: unique within the instance, in the order added. */
  id: string;
  /** The inbox key of the task the signer was added to, and its action. */
  taskKey: string;
  action: string;
  personId: string;
  personName: string;
  position: SignerPosition;
  addedById: string;
  status: SignerStatus;
  comment: string | null;
}

/** A holder's decision waiting for its after-signers. */
export interface HeldDecision {
  taskKey: string;
  action: string;
  /** The update argument as it came ({ actor, input }): replayed through the machine once the signers approved. */
  command: unknown;
}

export interface SignerBook {
  signers: AddedSigner[];
  held: HeldDecision[];
}

export const emptySignerBook = (): SignerBook => ({ signers: [], held: [] });

/** The inbox key of an added signer's own task: the parent's key, so it closes with the parent. */
export const signerTaskKey = (taskKey: string, signerId: string) => `${taskKey}~sign~${signerId}`;

/** The parent task's key of a signer task's key, or null for a process task. */
export function parentTaskKey(key: string): string | null {
  const i = key.indexOf('~sign~');
  return i < 0 ? null : key.slice(0, i);
}

const pendingOf = (book: SignerBook, taskKey: string) => book.signers.filter((s) => s.taskKey === taskKey && s.status === 'pending');

/**
 * May `target` be added to the task? They must hold some role that reads the
 * record (a grant on its unit, above it or below it), and not already be its
 * holder or one of its pending signers.
 */
export function addSignerRefusal(book: SignerBook, taskKey: string, holderId: string | null, target: Actor | null, recordUnitPath: string): Refusal | null {
  if (!target || target.grants.length === 0) return { code: 'SIGNER_INELIGIBLE', message: '加签人不存在或已停用。' };
  if (!target.grants.some((g) => reachesUnit(g, recordUnitPath))) {
    return { code: 'SIGNER_INELIGIBLE', message: `${target.displayName}没有可以查看该事项的角色或管辖范围,不能加签。` };
  }
  if (target.personId === holderId) return { code: 'SIGNER_INELIGIBLE', message: '不能给自己加签。' };
  if (pendingOf(book, taskKey).some((s) => s.personId === target.personId)) return { code: 'SIGNER_INELIGIBLE', message: `${target.displayName}已是该任务的加签人。` };
  return null;
}

/** 减签: the signer added to this task, while they have not acted. */
export function removeSignerRefusal(book: SignerBook, taskKey: string, personId: string): Refusal | null {
  const signer = book.signers.filter((s) => s.taskKey === taskKey && s.personId === personId).at(-1);
  if (!signer) return { code: 'NOT_FOUND', message: '该任务没有这位加签人。' };
  if (signer.status !== 'pending') return { code: 'SIGNER_ALREADY_ACTED', message: `${signer.personName}已办理(${signer.status === 'approved' ? '同意' : signer.status === 'rejected' ? '不同意' : '已结束'}),不能减签。` };
  return null;
}

/** May this signer sign now? An after-signer signs once the holder's decision is held. */
export function signRefusal(book: SignerBook, signerId: string, personId: string): Refusal | null {
  const signer = book.signers.find((s) => s.id === signerId);
  if (!signer || signer.personId !== personId) return { code: 'NOT_TASK_HOLDER', message: '只有被加签的本人可以审批。' };
  if (signer.status !== 'pending') return { code: 'ALREADY_DONE', message: '已经审批过,或已被减签。' };
  if (signer.position === 'after' && !book.held.some((h) => h.taskKey === signer.taskKey)) {
    return { code: 'WRONG_STAGE', message: '后加签:请待主办人办理后再审批。' };
  }
  if (signer.position === 'after' && pendingOf(book, signer.taskKey).some((s) => s.position === 'before')) {
    return { code: 'SIGNERS_PENDING', message: '尚有前加签人未审批。' };
  }
  return null;
}

/**
 * The holder's decision on an action: refused while a before-signer of an
 * open task of that action has not acted; held while an after-signer has
 * not; else it goes through.
 */
export function decisionGate(book: SignerBook, action: string, openTaskKeys: readonly string[]): { kind: 'go' } | { kind: 'refused'; refusal: Refusal } | { kind: 'hold'; taskKey: string; waitingFor: string[] } {
  const pending = book.signers.filter((s) => s.action === action && s.status === 'pending' && openTaskKeys.includes(s.taskKey));
  const before = pending.filter((s) => s.position === 'before');
  if (before.length > 0) return { kind: 'refused', refusal: { code: 'SIGNERS_PENDING', message: `请待加签人${before.map((s) => s.personName).join('、')}审批后再办理。` } };
  const after = pending.filter((s) => s.position === 'after');
  if (after.length > 0) return { kind: 'hold', taskKey: after[0]!.taskKey, waitingFor: after.filter((s) => s.taskKey === after[0]!.taskKey).map((s) => s.personName) };
  return { kind: 'go' };
}

/** After a signer signed: the held decision to carry out now (every after-signer approved), or null. */
export function releasedDecision(book: SignerBook, taskKey: string): HeldDecision | null {
  const held = book.held.find((h) => h.taskKey === taskKey);
  if (!held) return null;
  return pendingOf(book, taskKey).length === 0 ? held : null;
}

/** Signers of tasks the process no longer waits for: nothing left to sign. */
export function mootSigners(book: SignerBook, openTaskKeys: readonly string[]): AddedSigner[] {
  return book.signers.filter((s) => s.status === 'pending' && !openTaskKeys.includes(s.taskKey));
}
