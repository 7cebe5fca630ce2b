// GET /api/tasks/{id} — one task with what the inbox added to it: the
// delegation in progress, comments, attachments and its inbox history.
import type { Actor } from '../../domain/access';
import { businessTime, type AppDeps } from '../deps';
import { attachmentView } from './comment-task';
import { loadTask } from './load-task';
import { toTaskView } from './task-view';

export async function getTask({ deps, actor, taskId }: { deps: AppDeps; actor: Actor; taskId: string }) {
  const { prisma } = deps;
  const { task, unit, delegation } = await loadTask(prisma, actor, taskId);
  const now = businessTime(deps);
  const [comments, attachments, events] = await Promise.all([
    prisma.taskComment.findMany({ where: { taskId }, orderBy: { createdAt: 'asc' } }),
    prisma.taskAttachment.findMany({ where: { taskId }, orderBy: { createdAt: 'asc' } }),
    prisma.taskEvent.findMany({ where: { taskId }, orderBy: { at: 'asc' } }),
  ]);
  return {
    ...toTaskView(task, unit, now, { delegateId: delegation?.delegateId ?? null }),
    delegation: delegation ? { delegatorId: delegation.delegatorId, delegateId: delegation.delegateId, note: delegation.note, createdAt: delegation.createdAt.toISOString() } : null,
    comments: comments.map((c) => ({ id: c.id, authorId: c.authorId, authorName: c.authorName, body: c.body, createdAt: c.createdAt.toISOString() })),
    attachments: attachments.map(attachmentView),
    history: events.map((e) => ({ at: e.at.toISOString(), action: e.action, actorId: e.actorId, actorName: e.actorName, summary: e.summary })),
  };
}
