// 超时自动办理, the worker side: the inbox sweep (queue/jobs/inbox-timeouts.ts)
// asks for a step to be taken; this sends it to the process's workflow as
// the system actor, through the same update a person's action uses, so the
// machine judges it (its refusal lets the system actor only take the steps
// it names) and the save, timeline and inbox follow as for anyone. The
// update id is derived from the task: a repeated request is the same update.
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { ActionCommand } from '../domain/kit/command';
import { SYSTEM_ACTOR } from '../domain/inbox/system-actor';
import type { AutoDecide } from '../queue/jobs/inbox-timeouts';
import { gridUpdates } from '../workflows/grid-shared';

/** The updates of the processes that allow automatic decisions (see domain/inbox/auto-decide.ts). */
const UPDATES: Record<string, Record<string, UpdateDefinition<unknown, [ActionCommand]>>> = {
  grid: gridUpdates as unknown as Record<string, UpdateDefinition<unknown, [ActionCommand]>>,
};

export function createAutoDecide(client: () => Client): AutoDecide {
  return async ({ taskId, process, workflowId, action, input }) => {
    const update = UPDATES[process]?.[action];
    if (!update) throw new Error(`${process}.${action} has no workflow update to decide automatically`);
    await client()
      .workflow.getHandle(workflowId)
      .executeUpdate(update, { args: [{ actor: SYSTEM_ACTOR, input }], updateId: `auto-decide-${taskId}` });
  };
}
