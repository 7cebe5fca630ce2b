// 加签 / 减签 on an open task, and an added signer's approval (signTask).
// The process's runner keeps the signer book (workflows/kit/inbox-steps.ts):
// it refuses the holder's decision while a before-signer has not approved
// and holds it for the after-signers. The inbox gives each added signer a
// task of their own (key "<task key>~sign~<id>", action signTask) that
// closes with the step, and records every change in the record's timeline.
import { reachesUnit, type Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { handlingRefusal } from '../../domain/inbox/rules';
import { stepKeyOf } from '../../domain/kit/countersign';
import { parentTaskKey, signerTaskKey, type SignDecision, type SignerPosition } from '../../domain/kit/signers';
import { addSignerUpdate, removeSignerUpdate, signTaskUpdate } from '../../workflows/kit/shared';
import { resolveActor } from '../auth/resolve-actor';
import { businessTime, type AppDeps } from '../deps';
import { runUpdate } from '../http/run-update';
import { recordInboxEvent } from './inbox-event';
import { grantRecordRead } from './record-access';
import { loadTask, recordUnitPath } from './load-task';
import { toTaskView } from './task-view';

/** Processes on the kit runner that take added signers (reporting's votes are secret: no one signs beside a voter). */
export const SIGNING_PROCESSES: ReadonlySet<string> = new Set(['project', 'mediation', 'grid']);

const POSITION_LABELS: Record<SignerPosition, string> = { before: '前加签', after: '后加签' };

/** The task, and why the caller does not hold it now: a denial runUpdate answers from a resend's first outcome. */
async function heldTask(deps: AppDeps, actor: Actor, taskId: string) {
  const loaded = await loadTask(deps.prisma, actor, taskId);
  const refusal = handlingRefusal(actor, loaded.facts);
  if (!refusal && parentTaskKey(loaded.task.key) !== null) throw new AppError('BUSINESS_RULE', '加签人的审批任务不能再加签或减签。');
  if (!refusal && !SIGNING_PROCESSES.has(loaded.task.process)) throw new AppError('BUSINESS_RULE', '该流程的任务不能加签。');
  return { ...loaded, denial: refusal && { error: new AppError(refusal.code, refusal.message), workflowId: loaded.task.workflowId } };
}

export interface AddSignerOptions {
  deps: AppDeps;
  actor: Actor;
  taskId: string;
  personId: string;
  position: SignerPosition;
  note: string;
  requestId?: string;
}

export async function addSigner({ deps, actor, taskId, personId, position, note, requestId }: AddSignerOptions) {
  const { prisma } = deps;
  const { task, unit, denial } = await heldTask(deps, actor, taskId);
  const target = await resolveActor({ prisma, personId });
  const recordPath = (await recordUnitPath(prisma, task.process, task.subjectId)) ?? unit.path;
  const handle = deps.temporal.workflow.getHandle(task.workflowId);
  const result = await runUpdate({
    deps,
    label: '加签',
    denial,
    execute: (id) =>
      handle.executeUpdate(addSignerUpdate, {
        // A missing or inactive person is sent as one without grants: the process refuses them (SIGNER_INELIGIBLE).
        args: [{ actor, input: { taskKey: task.key, signer: target ?? { personId, displayName: personId, grants: [] }, position, recordUnitPath: recordPath }, requestId }],
        ...id,
      }),
  });
  const signer = target!;
  const now = businessTime(deps);
  const row = await prisma.$transaction(async (tx) => {
    const role = signer.grants.find((g) => reachesUnit(g, recordPath))!.role;
    // A resend whose first attempt got this far finds the signer's task there.
    const key = signerTaskKey(stepKeyOf(task.key), result.signerId);
    const created = await tx.humanTask.upsert({
      where: { workflowId_key: { workflowId: task.workflowId, key } },
      update: {},
      create: {
        workflowId: task.workflowId,
        key,
        process: task.process,
        subjectId: task.subjectId,
        action: 'signTask',
        title: `${POSITION_LABELS[position]}审批:${task.title}`,
        role,
        unitId: task.unitId,
        assigneeId: signer.personId,
        dueAt: task.dueAt,
        createdAt: now,
      },
    });
    await grantRecordRead(tx, task, signer.personId, { reason: 'signer', byId: actor.personId, at: now });
    await recordInboxEvent(tx, {
      task,
      action: 'addSigner',
      actor,
      summary: `${POSITION_LABELS[position]}${signer.displayName}${position === 'before' ? '(先于办理人审批)' : '(办理后由其审批)'}${note ? `:${note}` : ''}`,
      data: { signerId: result.signerId, personId: signer.personId, personName: signer.displayName, position, note, signerTaskId: created.id },
      now,
      requestId,
      notify: { personIds: [signer.personId], kind: 'task.signer_added', title: `加签审批:${task.title}`, body: `${actor.displayName}请您${position === 'before' ? '先行' : '在其办理后'}审批。${note}` },
    });
    return created;
  });
  return toTaskView(row, unit, now);
}

export interface RemoveSignerOptions {
  deps: AppDeps;
  actor: Actor;
  taskId: string;
  personId: string;
  requestId?: string;
}

export async function removeSigner({ deps, actor, taskId, personId, requestId }: RemoveSignerOptions) {
  const { prisma } = deps;
  const { task, denial } = await heldTask(deps, actor, taskId);
  const handle = deps.temporal.workflow.getHandle(task.workflowId);
  const result = await runUpdate({ deps, label: '减签', denial, execute: (id) => handle.executeUpdate(removeSignerUpdate, { args: [{ actor, input: { taskKey: stepKeyOf(task.key), personId }, requestId }], ...id }) });
  const now = businessTime(deps);
  await prisma.$transaction(async (tx) => {
    await tx.humanTask.updateMany({ where: { workflowId: task.workflowId, key: signerTaskKey(stepKeyOf(task.key), result.signerId), status: 'open' }, data: { status: 'cancelled', completedAt: now } });
    const person = await tx.person.findUnique({ where: { id: personId }, select: { displayName: true } });
    await recordInboxEvent(tx, {
      task,
      action: 'removeSigner',
      actor,
      summary: `减签${person?.displayName ?? personId}`,
      data: { signerId: result.signerId, personId },
      now,
      requestId,
      notify: { personIds: [personId], kind: 'task.signer_removed', title: `已取消加签:${task.title}`, body: `${actor.displayName}取消了请您审批的加签。` },
    });
  });
  return { taskId, stage: result.stage, version: result.version, message: result.message, signerId: result.signerId };
}

export interface SignTaskOptions {
  deps: AppDeps;
  actor: Actor;
  /** The signer's own task. */
  taskId: string;
  decision: SignDecision;
  comment: string;
  requestId?: string;
}

export async function signTask({ deps, actor, taskId, decision, comment, requestId }: SignTaskOptions) {
  const { prisma } = deps;
  const { task } = await loadTask(prisma, actor, taskId);
  const parentKey = parentTaskKey(task.key);
  if (parentKey === null) throw new AppError('BUSINESS_RULE', '这不是加签审批任务;请在业务页面办理。');
  const denied =
    task.status !== 'open'
      ? new AppError('ALREADY_DONE', '已经审批过,或已被减签。')
      : task.assigneeId !== actor.personId
        ? new AppError('NOT_TASK_HOLDER', '只有被加签的本人可以审批。')
        : null;
  const signerId = task.key.slice(task.key.lastIndexOf('~') + 1);
  const handle = deps.temporal.workflow.getHandle(task.workflowId);
  const result = await runUpdate({ deps, label: '加签审批', denial: denied && { error: denied, workflowId: task.workflowId }, execute: (id) => handle.executeUpdate(signTaskUpdate, { args: [{ actor, input: { signerId, decision, comment }, requestId }], ...id }) });
  const now = businessTime(deps);
  await prisma.$transaction(async (tx) => {
    await tx.humanTask.updateMany({ where: { id: task.id, status: 'open' }, data: { status: 'done', completedAt: now, completedById: actor.personId } });
    const parent = (await tx.humanTask.findFirst({ where: { workflowId: task.workflowId, key: parentKey } })) ?? task;
    await recordInboxEvent(tx, {
      task: parent,
      action: 'signTask',
      actor,
      summary: `加签审批:${decision === 'approve' ? '同意' : '不同意'}${comment ? `。${comment}` : ''}${result.released ? '(办理人的决定随之生效)' : ''}`,
      data: { signerId, decision, comment, released: result.released, signerTaskId: task.id },
      now,
      requestId,
      notify: parent.assigneeId
        ? { personIds: [parent.assigneeId], kind: 'task.signed', title: `加签人已${decision === 'approve' ? '同意' : '不同意'}:${parent.title}`, body: comment || result.message }
        : undefined,
    });
  });
  return { taskId, stage: result.stage, version: result.version, message: result.message, decision, released: result.released };
}
