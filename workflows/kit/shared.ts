// What the API and the runner share about the kit's generic updates: the
// updates every machine that declares the member gets, whatever its process.
import { defineUpdate } from '@temporalio/workflow';
import type { ActionCommand, ActionResult } from '../../domain/kit/command';
import type { ReassignInput } from '../../domain/kit/machine';

/** 转交 of a task bound to a person in the state (machines with `reassign`). `moved` is false when the task is bound to a role only. */
export const reassignTaskUpdate = defineUpdate<ActionResult<string, { moved: boolean }>, [ActionCommand<ReassignInput>]>('reassignTask');

/** 撤回 of the caller's last step (machines with `recallable`): refused once anything happened since. */
export const recallStepUpdate = defineUpdate<ActionResult<string, { recalledAction: string }>, [ActionCommand<{ reason: string }>]>('recallStep');
