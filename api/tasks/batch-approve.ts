// POST /api/tasks/actions/batchApprove — 批量办理 of steps their process marks
// batchable (finance releasing several verified milestones). Each item is the
// process's own action, through the process's own route logic (access, the
// inbox's word, the workflow update): an item refused does not stop the
// others, and each answers for itself. A payment stays idempotent per
// disbursement, so sending the batch again pays nothing twice.
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { personalTaskRefusal } from '../../domain/inbox/personal';
import { problemFromError } from '../http/problem';
import { requestKey } from '../http/idempotency';
import { PROJECT_ACTION_SPECS, type ActionInputs, type ProjectAction } from '../../domain/project/actions';
import type { ProjectState } from '../../domain/project/state';
import type { HumanTask } from '../../prisma/generated/client';
import type { AppDeps } from '../deps';
import { performAction as performProjectAction } from '../project/perform-action';
import { loadTask } from './load-task';

interface BatchContext {
  deps: AppDeps;
  actor: Actor;
  task: HumanTask;
  input: Record<string, unknown>;
  requestId?: string;
}

/** Per process: whether the step is batchable, and how to take it. A process adds its line here. */
const BATCH_STEPS: Record<string, { batchable(action: string): boolean; perform(ctx: BatchContext): Promise<{ stage: string; message: string }> }> = {
  project: {
    batchable: (action) => PROJECT_ACTION_SPECS[action as ProjectAction]?.batchable === true,
    async perform({ deps, actor, task, input, requestId }) {
      const row = await deps.prisma.project.findUniqueOrThrow({ where: { id: task.subjectId }, select: { snapshot: true } });
      // What the step applies to (the milestone, the disbursement) comes from the step itself, not from the client.
      const ref = (row.snapshot as unknown as ProjectState).pending?.find((p) => p.key === task.key)?.ref ?? {};
      const action = task.action as ProjectAction;
      return performProjectAction({ deps, actor, projectId: task.subjectId, action, input: { ...input, ...ref } as ActionInputs[typeof action], requestId });
    },
  },
};

export interface BatchItem {
  taskId: string;
  input: Record<string, unknown>;
}

export type BatchResult = { taskId: string; ok: true; stage: string; message: string } | { taskId: string; ok: false; code: string; message: string };

export async function batchApprove({ deps, actor, items, requestId }: { deps: AppDeps; actor: Actor; items: BatchItem[]; requestId?: string }) {
  const results: BatchResult[] = [];
  // One after another: steps of one process share its queue anyway, and a payment's activity should not race its neighbours.
  for (const item of items) {
    try {
      const { task } = await loadTask(deps.prisma, actor, item.taskId);
      const personal = personalTaskRefusal(task, 'batchApprove');
      if (personal) throw new AppError(personal.code, personal.message);
      const process = BATCH_STEPS[task.process];
      if (!process?.batchable(task.action)) throw new AppError('BUSINESS_RULE', `「${task.title}」不支持批量办理,请逐件办理。`);
      // Under an Idempotency-Key this may be the resend of a batch whose answer was lost: the tasks its first
      // attempt closed go on to their process, which finds its own earlier step and answers it again (run-update.ts).
      const alreadyDone = new AppError('ALREADY_DONE', `「${task.title}」已办结。`);
      if (task.status !== 'open' && !requestKey()) throw alreadyDone;
      const done = await process.perform({ deps, actor, task, input: item.input, requestId }).catch((err: unknown) => {
        // A closed step the process does not know as this request's own was closed by someone else: that is the
        // answer, not whatever the process says about a step no longer waiting (its reference gone with it).
        if (task.status !== 'open' && problemFromError(err).status < 500) throw alreadyDone;
        throw err;
      });
      results.push({ taskId: item.taskId, ok: true, stage: done.stage, message: done.message });
    } catch (err) {
      // A refusal answers for its item; anything else (the database away) fails the request as usual.
      const problem = problemFromError(err);
      if (problem.status >= 500 && problem.code !== 'PROCESS_BUSY') throw err;
      results.push({ taskId: item.taskId, ok: false, code: problem.code, message: problem.detail });
    }
  }
  return { done: results.filter((r) => r.ok).length, refused: results.filter((r) => !r.ok).length, results };
}
