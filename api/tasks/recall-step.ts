// POST /api/tasks/{id}/actions/recallStep — 撤回: whoever completed a step
// takes it back while the process has not moved since. The process decides
// (the kit runner's recallStep: same person, a recallable action, nothing
// happened after it) and writes the timeline line; the inbox only finds the
// process and checks the caller took part in the task.
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { recallStepUpdate } from '../../workflows/kit/shared';
import type { AppDeps } from '../deps';
import { runUpdate } from '../http/run-update';
import { loadTask } from './load-task';

/** Processes on the kit runner whose machine declares recallable actions. */
export const RECALLING_PROCESSES: ReadonlySet<string> = new Set(['mediation']);

export async function recallStep({ deps, actor, taskId, reason }: { deps: AppDeps; actor: Actor; taskId: string; reason: string }) {
  const { task } = await loadTask(deps.prisma, actor, taskId);
  const tookPart = task.completedById === actor.personId || (task.status === 'open' && task.assigneeId === actor.personId);
  if (!tookPart) throw new AppError('NOT_TASK_HOLDER', '只有办理该步骤的本人可以撤回。');
  if (!RECALLING_PROCESSES.has(task.process)) throw new AppError('RECALL_TOO_LATE', '该流程的步骤不能撤回。');
  const handle = deps.temporal.workflow.getHandle(task.workflowId);
  const result = await runUpdate({ deps, label: '撤回', execute: (id) => handle.executeUpdate(recallStepUpdate, { args: [{ actor, input: { reason } }], ...id }) });
  return { taskId, ...result };
}
