// GET /api/tasks/{id}/candidates — the people picker of 转交, 委派, 加签 and 抄送:
// who the caller may hand this task (or a copy of it) to, found by name, with
// the unit and role that qualify them. Only the task's handlers ask (the
// operation's own check), and only people the operation accepts are offered.
import type { Actor } from '../../domain/access';
import { candidateGrant, type CandidatePurpose, type CandidateTask } from '../../domain/inbox/candidates';
import { AppError } from '../../domain/errors';
import { handlingRefusal } from '../../domain/inbox/rules';
import type { PrismaClient } from '../../prisma/generated/client';
import type { AppDeps } from '../deps';
import { loadTask, recordUnitPath, type LoadedTask } from './load-task';
import type { TPersonCandidate } from './schemas';
import { presentCandidates, searchPeople } from './search-people';

export interface ListCandidatesOptions {
  deps: AppDeps;
  actor: Actor;
  taskId: string;
  purpose: CandidatePurpose;
  q: string;
  limit: number;
}

export async function listCandidates({ deps, actor, taskId, purpose, q, limit }: ListCandidatesOptions): Promise<{ items: TPersonCandidate[] }> {
  const { prisma } = deps;
  const { task, unit, facts } = await loadTask(prisma, actor, taskId);
  const refusal = handlingRefusal(actor, facts, purpose === 'addSigner' ? 'transferTask' : purpose);
  if (refusal) throw new AppError(refusal.code, refusal.message);
  const target = await candidateTask(prisma, { task, unit });
  const recordPath = target.recordUnitPath;
  // Nobody hands a task to themselves or to whoever holds it already.
  const exclude = [actor.personId, ...(task.assigneeId ? [task.assigneeId] : [])];
  const people = await searchPeople({
    prisma,
    linePaths: purpose === 'transferTask' ? [unit.path] : purpose === 'addSigner' ? [recordPath] : [recordPath, ...actor.grants.map((g) => g.unitPath)],
    roles: purpose === 'transferTask' ? [task.role] : undefined,
    q,
    exclude,
  });
  return { items: presentCandidates(people, (g) => candidateGrant(purpose, target, g, actor.grants), limit) };
}

/** The task as the candidate rule reads it: its role and unit, and its record's unit (the task's own when unknown). */
export async function candidateTask(prisma: PrismaClient, { task, unit }: Pick<LoadedTask, 'task' | 'unit'>): Promise<CandidateTask> {
  return { role: task.role, unitPath: unit.path, recordUnitPath: (await recordUnitPath(prisma, task.process, task.subjectId)) ?? unit.path };
}
