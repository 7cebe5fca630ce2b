// One home for reading a task as the inbox operations see it: the row, its
// unit, the delegation in progress, and whether the caller may see it at all.
import { hasRoleOver, reachesUnit, type Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { isPersonalStep } from '../../domain/inbox/personal';
import type { TaskFacts } from '../../domain/inbox/rules';
import { Prisma, type HumanTask, type PrismaClient, type TaskDelegation } from '../../prisma/generated/client';
import { columnsOf } from '../../db/raw-sql';

/** Every column of a HumanTask row aliased `t`, for the raw reads of the inbox. */
export const TASK_COLUMNS = columnsOf(Prisma.HumanTaskScalarFieldEnum, 't');

export interface LoadedTask {
  task: HumanTask;
  unit: { name: string; path: string };
  delegation: TaskDelegation | null;
  facts: TaskFacts;
}

export function taskFacts(task: HumanTask, unitPath: string, delegation: Pick<TaskDelegation, 'delegateId'> | null): TaskFacts {
  return {
    action: task.action,
    status: task.status,
    role: task.role,
    unitPath,
    assigneeId: task.assigneeId,
    transferred: task.transferredAt !== null,
    delegateId: delegation?.delegateId ?? null,
    personal: isPersonalStep(task.process, task.action),
  };
}

/** People the caller deputises for under an arrangement not cancelled (in range or not: out of range is refused, not hidden). */
export async function principalsOf(prisma: PrismaClient, personId: string): Promise<string[]> {
  const rows = await prisma.outOfOfficeProxy.findMany({ where: { deputyId: personId, cancelledAt: null }, select: { personId: true } });
  return [...new Set(rows.map((r) => r.personId))];
}

/**
 * The task, or 404 when the caller may not see it: its assignee (and their
 * deputies), the holders of its role over its unit, its delegate, whoever
 * completed it, and the people copied on its record (抄送); with
 * `participants`, also whoever completed another step of the same record.
 */
export async function loadTask(prisma: PrismaClient, actor: Actor, taskId: string, options: { participants?: boolean } = {}): Promise<LoadedTask> {
  const task = await prisma.humanTask.findUnique({ where: { id: taskId } });
  const unit = task && (await prisma.unit.findUnique({ where: { id: task.unitId }, select: { name: true, path: true } }));
  if (!task || !unit) throw new AppError('NOT_FOUND', '没有这个任务。');
  const delegation = await prisma.taskDelegation.findFirst({ where: { taskId, returnedAt: null }, orderBy: { createdAt: 'desc' } });
  const loaded = { task, unit, delegation, facts: taskFacts(task, unit.path, delegation) };
  const me = actor.personId;
  if (task.assigneeId === me || task.completedById === me || delegation?.delegateId === me || hasRoleOver(actor, task.role, unit.path)) return loaded;
  if (task.assigneeId && (await principalsOf(prisma, me)).includes(task.assigneeId)) return loaded;
  const reader = await prisma.recordReader.findUnique({ where: { process_subjectId_personId: { process: task.process, subjectId: task.subjectId, personId: me } } });
  if (reader) return loaded;
  // 催办 is also for those who read the record's unit (any role, above or below it: the applicant, the reporting grid worker) and whoever completed an earlier step of the record.
  if (options.participants) {
    const recordPath = await recordUnitPath(prisma, task.process, task.subjectId);
    if (recordPath && actor.grants.some((g) => reachesUnit(g, recordPath))) return loaded;
  }
  if (options.participants && (await prisma.humanTask.findFirst({ where: { workflowId: task.workflowId, completedById: me }, select: { id: true } }))) return loaded;
  throw new AppError('NOT_FOUND', '没有这个任务。');
}

/**
 * The unit the record belongs to (a project's community, a case's place), for
 * "who reads this record" questions the inbox asks of every process. A new
 * process adds its line here.
 */
export async function recordUnitPath(prisma: PrismaClient, process: string, subjectId: string): Promise<string | null> {
  switch (process) {
    case 'project':
      return (await prisma.project.findUnique({ where: { id: subjectId }, select: { unitPath: true } }))?.unitPath ?? null;
    case 'mediation':
      return (await prisma.mediationCase.findUnique({ where: { id: subjectId }, select: { placePath: true } }))?.placePath ?? null;
    case 'grid':
      return (await prisma.gridIncident.findUnique({ where: { id: subjectId }, select: { placePath: true } }))?.placePath ?? null;
    case 'reporting':
      return (await prisma.reportingReport.findUnique({ where: { id: subjectId }, select: { communityPath: true } }))?.communityPath ?? null;
    default:
      return null;
  }
}

/** The record a task belongs to, as a link people follow from a notice. */
export function recordLink(process: string, subjectId: string): string {
  const base: Record<string, string> = { mediation: '/api/mediation-cases', project: '/api/projects', reporting: '/api/reporting', grid: '/api/grid-incidents' };
  return `${base[process] ?? `/api/${process}`}/${subjectId}`;
}
