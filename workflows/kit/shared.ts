// What the API and the runner share about the kit's generic updates: the
// updates every machine that declares the member gets, whatever its process.
import { defineUpdate } from '@temporalio/workflow';
import type { ActionCommand, ActionResult } from '../../domain/kit/command';
import type { Actor } from '../../domain/access';
import type { ReassignInput, SendBackInput } from '../../domain/kit/machine';
import type { SignDecision, SignerPosition } from '../../domain/kit/signers';

/** 转交 of a task bound to a person in the state (machines with `reassign`). `moved` is false when the task is bound to a role only. */
export const reassignTaskUpdate = defineUpdate<ActionResult<string, { moved: boolean }>, [ActionCommand<ReassignInput>]>('reassignTask');

/** 撤回 of the caller's last step (machines with `recallable`): refused once anything happened since. */
export const recallStepUpdate = defineUpdate<ActionResult<string, { recalledAction: string }>, [ActionCommand<{ reason: string }>]>('recallStep');

/** 退回 of an open task to an earlier step the machine allows (machines with `sendBack`). */
export const sendBackUpdate = defineUpdate<ActionResult<string, { sentBackTo: string }>, [ActionCommand<SendBackInput>]>('sendBack');

/** 加签: the holder of an open task adds a signer before or after them (every machine on the kit). */
export const addSignerUpdate = defineUpdate<ActionResult<string, { signerId: string }>, [ActionCommand<{ taskKey: string; signer: Actor; position: SignerPosition; recordUnitPath: string }>]>('addSigner');

/** 减签: an added signer who has not acted is taken off the task. */
export const removeSignerUpdate = defineUpdate<ActionResult<string, { signerId: string }>, [ActionCommand<{ taskKey: string; personId: string }>]>('removeSigner');

/** An added signer approves or rejects; `released` is true when a held decision of the holder took effect with it. */
export const signTaskUpdate = defineUpdate<ActionResult<string, { signerId: string; taskKey: string; released: boolean }>, [ActionCommand<{ signerId: string; decision: SignDecision; comment: string }>]>('signTask');
