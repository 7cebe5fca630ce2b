// 会签 / 或签 as a step mode machines can use: a step names several signers
// and a mode. 会签 (`all`): every signer must approve, and one rejection
// decides; 或签 (`any`): the first decision decides and the others' tasks
// close. The machine keeps a `Countersign` in its state and asks `vote`
// whether a signer's decision settles the step; its pending task names the
// signers still awaited (`PendingTask.signers`), and the inbox opens one task
// per person (`expandSigners`).
import type { Refusal, SignMode } from './machine';

export type { SignMode } from './machine';

export const SIGN_MODE_LABELS: Record<SignMode, string> = { all: '会签', any: '或签' };

export interface SignerRef {
  personId: string;
  displayName: string;
}

export interface Countersign {
  mode: SignMode;
  signers: SignerRef[];
  votes: { personId: string; displayName: string; approve: boolean; at: string; note: string }[];
}

/** A step's countersign; the same person named twice signs once. */
export function newCountersign(mode: SignMode, signers: readonly SignerRef[]): Countersign {
  const unique = signers.filter((s, i) => signers.findIndex((x) => x.personId === s.personId) === i);
  return { mode, signers: unique, votes: [] };
}

/** Signers whose decision the step still waits for. */
export function awaitedSigners(c: Countersign): SignerRef[] {
  if (c.mode === 'any' && c.votes.length > 0) return [];
  return c.signers.filter((s) => !c.votes.some((v) => v.personId === s.personId));
}

/** Whether this person may sign now: a named signer who has not signed. */
export function countersignRefusal(c: Countersign, personId: string): Refusal | null {
  const signer = c.signers.find((s) => s.personId === personId);
  if (!signer) return { code: 'NOT_TASK_HOLDER', message: `该步骤由${c.signers.map((s) => s.displayName).join('、')}${SIGN_MODE_LABELS[c.mode]}办理。` };
  if (c.votes.some((v) => v.personId === personId)) return { code: 'ALREADY_DONE', message: '您已经签署过该步骤。' };
  if (awaitedSigners(c).length === 0) return { code: 'ALREADY_DONE', message: '该步骤已有结论。' };
  return null;
}

/**
 * A signer's decision (already allowed by `countersignRefusal`): the
 * countersign with the vote, and the step's outcome once it is settled —
 * approved when every signer approved (会签) or the first did (或签),
 * rejected on the first rejection — or null while it waits for others.
 */
export function vote(c: Countersign, signer: SignerRef, approve: boolean, at: string, note = ''): { countersign: Countersign; outcome: 'approved' | 'rejected' | null } {
  const countersign: Countersign = { ...c, votes: [...c.votes, { personId: signer.personId, displayName: signer.displayName, approve, at, note }] };
  if (!approve) return { countersign, outcome: 'rejected' };
  if (c.mode === 'any') return { countersign, outcome: 'approved' };
  return { countersign, outcome: awaitedSigners(countersign).length === 0 ? 'approved' : null };
}

/** The inbox key of one signer's task of a countersigned step. */
export const countersignTaskKey = (key: string, personId: string) => `${key}@${personId}`;

/** The step's own key of an inbox key (a countersigned step's task carries "@<person>"). */
export const stepKeyOf = (key: string) => key.split('@')[0]!;

/**
 * The inbox rows a list of pending tasks calls for: a task naming signers
 * becomes one task per awaited signer, assigned to them; others stay as
 * they are.
 */
export function expandSigners<T extends { key: string; assigneeId: string | null; signers?: { mode: SignMode; personIds: string[] } }>(tasks: readonly T[]): T[] {
  return tasks.flatMap((t) => (t.signers ? t.signers.personIds.map((personId) => ({ ...t, key: countersignTaskKey(t.key, personId), assigneeId: personId })) : [t]));
}
