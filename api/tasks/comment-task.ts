// Comments and attachments on any task: whoever works on it — its holder,
// the holders of its role over its unit, the delegate preparing it, a deputy
// of its assignee — may add them while it is open; people copied on the
// record (抄送) only read them.
import { hasRoleOver, type Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { personalTaskRefusal } from '../../domain/inbox/personal';
import { businessTime, type AppDeps } from '../deps';
import { acceptFile } from './accept-file';
import { attachmentStoreOf, type AttachmentStore, type VirusScanner } from './attachment-store';
import { earlierLine, recordInboxEvent } from './inbox-event';
import { loadTask, principalsOf, type LoadedTask } from './load-task';

async function workRefusal(deps: AppDeps, actor: Actor, { task, unit, delegation }: LoadedTask, operation: 'commentTask' | 'attachFile'): Promise<void> {
  // A note on a ballot could carry the choice: a personal step takes none.
  const personal = personalTaskRefusal(task, operation);
  if (personal) throw new AppError(personal.code, personal.message);
  if (task.status !== 'open') throw new AppError('ALREADY_DONE', '该任务已结束,不能再添加意见或附件。');
  const me = actor.personId;
  if (task.assigneeId === me || delegation?.delegateId === me || hasRoleOver(actor, task.role, unit.path)) return;
  if (task.assigneeId && (await principalsOf(deps.prisma, me)).includes(task.assigneeId)) return;
  throw new AppError('NOT_TASK_HOLDER', '抄送人只能查看,不能在该任务上添加意见或附件。');
}

export interface CommentTaskOptions {
  deps: AppDeps;
  actor: Actor;
  taskId: string;
  body: string;
  requestId?: string;
}

export async function commentTask({ deps, actor, taskId, body, requestId }: CommentTaskOptions) {
  const loaded = await loadTask(deps.prisma, actor, taskId);
  const earlier = await earlierLine(deps.prisma, taskId, 'commentTask');
  if (earlier) return commentView(await deps.prisma.taskComment.findUniqueOrThrow({ where: { id: String(earlier.data.commentId) } }));
  await workRefusal(deps, actor, loaded, 'commentTask');
  const now = businessTime(deps);
  const comment = await deps.prisma.$transaction(async (tx) => {
    const c = await tx.taskComment.create({ data: { taskId, authorId: actor.personId, authorName: actor.displayName, body, createdAt: now } });
    await recordInboxEvent(tx, { task: loaded.task, action: 'commentTask', actor, summary: `填写意见:${body.length > 60 ? `${body.slice(0, 60)}…` : body}`, data: { commentId: c.id }, now, requestId });
    return c;
  });
  return commentView(comment);
}

function commentView(c: { id: string; authorId: string; authorName: string; body: string; createdAt: Date }) {
  return { id: c.id, authorId: c.authorId, authorName: c.authorName, body: c.body, createdAt: c.createdAt.toISOString() };
}

export interface AttachFileOptions {
  deps: AppDeps;
  actor: Actor;
  taskId: string;
  file: { fileName: string; contentType: string; contentBase64: string };
  store?: AttachmentStore;
  scanner?: VirusScanner;
  requestId?: string;
}

export async function attachFile({ deps, actor, taskId, file, requestId, ...options }: AttachFileOptions) {
  const loaded = await loadTask(deps.prisma, actor, taskId);
  const earlier = await earlierLine(deps.prisma, taskId, 'attachFile');
  if (earlier) return attachmentView(await deps.prisma.taskAttachment.findUniqueOrThrow({ where: { id: String(earlier.data.attachmentId) } }));
  await workRefusal(deps, actor, loaded, 'attachFile');
  const stored = await acceptFile(deps, file, options);
  const now = businessTime(deps);
  const row = await deps.prisma.$transaction(async (tx) => {
    const a = await tx.taskAttachment.create({
      data: { taskId, uploadedById: actor.personId, ...stored, createdAt: now },
    });
    await recordInboxEvent(tx, { task: loaded.task, action: 'attachFile', actor, summary: `上传附件「${file.fileName}」`, data: { attachmentId: a.id, sizeBytes: a.sizeBytes }, now, requestId });
    return a;
  });
  return attachmentView(row);
}

export function attachmentView(a: { id: string; taskId: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; uploadedById: string; createdAt: Date }) {
  return {
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    uploadedById: a.uploadedById,
    createdAt: a.createdAt.toISOString(),
    url: `/api/tasks/${a.taskId}/attachments/${a.id}`,
  };
}

export async function readAttachment({ deps, actor, taskId, attachmentId }: { deps: AppDeps; actor: Actor; taskId: string; attachmentId: string }) {
  await loadTask(deps.prisma, actor, taskId);
  const a = await deps.prisma.taskAttachment.findFirst({ where: { id: attachmentId, taskId } });
  if (!a) throw new AppError('NOT_FOUND', '没有这个附件。');
  const store = attachmentStoreOf(deps);
  return { row: a, bytes: await store.get(a.storageKey) };
}
