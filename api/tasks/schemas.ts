import { z } from 'zod';
import { ZRoleName } from '../http/schemas';
import { zId, zLine, zText } from '../http/text';
import { CANDIDATE_PURPOSES } from '../../domain/inbox/candidates';

export const ZTaskStatus = z.enum(['open', 'done', 'cancelled']);

export const TASK_STATUS_LABELS: Record<z.output<typeof ZTaskStatus>, string> = { open: '待办', done: '已办结', cancelled: '已取消' };

export function taskStatusLabel(status: string): string {
  return TASK_STATUS_LABELS[status as keyof typeof TASK_STATUS_LABELS] ?? status;
}

const ZBooleanString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZListTasksQuery = z.object({
  process: zId(50).optional().meta({ description: 'Process name: project, reporting, mediation, grid.' }),
  action: zId(100).optional().meta({ description: 'The action that completes the task, e.g. reviewApplication.' }),
  unitId: zId(200).optional().meta({ description: 'Only tasks on this unit or below it.' }),
  overdue: ZBooleanString.optional().meta({ description: 'true: due date passed; false: not (or no due date).' }),
  status: ZTaskStatus.default('open').meta({ description: 'open: by due date, the nearest first; done, cancelled: by when they were done, the latest first.' }),
  subjectId: zId(200).optional().meta({ description: 'Only tasks of this record (project id, case id, incident id, report id); needs `process`.' }),
  view: z
    .enum(['inbox', 'copied', 'started'])
    .default('inbox')
    .meta({
      description:
        "inbox: the caller's own work (see assignment); copied (已抄送): tasks of the records someone copied the caller on; started (我发起): tasks of the records the caller started (applied for, registered, reported, or whose 述职 cycle they started). assignment applies to inbox only.",
    }),
  assignment: z
    .enum(['all', 'mine', 'claimable'])
    .default('all')
    .meta({ description: 'mine: assigned to the caller; claimable: unassigned, for a role the caller holds.' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: zId(500).optional().meta({ description: 'nextCursor of the previous page.' }),
}).refine((q) => !q.subjectId || q.process, { path: ['subjectId'], message: '按事项筛选时请同时指定业务(process)。' });

export const ZTask = z
  .object({
    id: z.string(),
    process: z.string(),
    workflowId: z.string(),
    subjectId: z.string(),
    action: z.string(),
    title: z.string(),
    role: ZRoleName,
    unitId: z.string(),
    unitName: z.string().nullable(),
    unitPath: z.string().nullable(),
    assigneeId: z.string().nullable(),
    claimedAt: z.iso.datetime().nullable(),
    dueAt: z.iso.datetime().nullable(),
    overdue: z.boolean(),
    status: ZTaskStatus,
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    /** Unassigned: the caller can claim it. */
    claimable: z.boolean(),
    /** 转交: handed to its assignee, who alone acts on it. */
    transferred: z.boolean(),
    /** 委派: the colleague preparing it, until they hand it back. */
    delegateId: z.string().nullable(),
    /** 代理: the person the caller covers for today whose task this is; the caller acts "代 X". */
    onBehalfOf: z.object({ personId: z.string(), displayName: z.string() }).nullable().optional(),
  })
  .meta({ id: 'Task' });

export const ZTaskPage = z
  .object({ items: z.array(ZTask), nextCursor: z.string().nullable() })
  .meta({ id: 'TaskPage', description: 'Sorted by due date (tasks without one last), then id.' });

export const ZTaskIdParams = z.object({ id: zId(100) });

export type TListTasksQuery = z.output<typeof ZListTasksQuery>;
export type TTask = z.input<typeof ZTask>;

export const ZCandidatesQuery = z.object({
  purpose: z.enum(CANDIDATE_PURPOSES).meta({ description: 'The operation the person is picked for: transferTask (the task\'s role over its unit), addSigner (a role on the record\'s unit, above or below it), delegateTask and ccTask (that, or a role on the line of a unit where the caller holds one).' }),
  q: zLine(50, { allowEmpty: true }).default('').meta({ description: 'Part of the name, the start of the username, or the person id; empty lists the first of everyone eligible.' }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const ZDeputyCandidatesQuery = ZCandidatesQuery.omit({ purpose: true });

export const ZPersonCandidate = z
  .object({
    personId: z.string(),
    displayName: z.string(),
    grants: z
      .array(z.object({ role: ZRoleName, roleLabel: z.string(), unitId: z.string(), unitName: z.string() }))
      .meta({ description: 'The roles and units that make the person eligible (others are left out).' }),
  })
  .meta({ id: 'PersonCandidate' });
export const ZCandidatePage = z.object({ items: z.array(ZPersonCandidate) }).meta({ id: 'PersonCandidatePage', description: 'Sorted by name; at most `limit`.' });
export type TPersonCandidate = z.output<typeof ZPersonCandidate>;

const personId = zId(100).meta({ description: 'Person id (GET /api/admin/people, or the org tree).' });

export const ZTransferBody = z.object({ toPersonId: personId, reason: zLine(500) });
export const ZDelegateBody = z.object({ toPersonId: personId, note: zText(2000) });
export const ZReturnDelegationBody = z.object({ note: zText(2000) });
export const ZCcBody = z.object({ personIds: z.array(personId).min(1).max(50), note: zText(500, { allowEmpty: true }).default('') });
export const ZUrgeBody = z.object({ message: zText(500, { allowEmpty: true }).default('') });
export const ZCommentBody = z.object({ body: zText(5000) });
export const ZAttachBody = z.object({
  fileName: zLine(200),
  contentType: zLine(100).meta({ description: 'MIME type; one of ATTACHMENT_TYPES.' }),
  contentBase64: z.string().min(1).meta({ description: 'The file, base64; at most ATTACHMENT_MAX_BYTES once decoded.' }),
});
export const ZAttachmentParams = z.object({ id: zId(100), attachmentId: zId(100) });

export const ZComment = z.object({ id: z.string(), authorId: z.string(), authorName: z.string(), body: z.string(), createdAt: z.iso.datetime() }).meta({ id: 'TaskComment' });
export const ZAttachment = z
  .object({
    id: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedById: z.string(),
    createdAt: z.iso.datetime(),
    url: z.string(),
  })
  .meta({ id: 'TaskAttachment' });

export const ZTaskDetail = ZTask.extend({
  delegation: z.object({ delegatorId: z.string(), delegateId: z.string(), note: z.string(), createdAt: z.iso.datetime() }).nullable(),
  comments: z.array(ZComment),
  attachments: z.array(ZAttachment),
  history: z.array(z.object({ at: z.iso.datetime(), action: z.string(), actorId: z.string(), actorName: z.string(), summary: z.string() })),
}).meta({ id: 'TaskDetail' });

export const ZCcResult = z.object({ taskId: z.string(), copied: z.array(z.object({ personId: z.string(), displayName: z.string() })) });
export const ZUrgeResult = z.object({ taskId: z.string(), day: z.string(), notified: z.number().int() });

export const ZRecallBody = z.object({ reason: zLine(500) });
export const ZRecallResult = z.object({ taskId: z.string(), stage: z.string(), version: z.number().int(), message: z.string(), recalledAction: z.string() });

export const ZBatchApproveBody = z.object({
  items: z
    .array(z.object({ taskId: zId(100), input: z.record(z.string(), z.unknown()).default({}).meta({ description: "The step's own input (e.g. { voucherNo } for releaseFunds); what it applies to comes from the task." }) }))
    .min(1)
    .max(50),
});
export const ZBatchApproveResult = z.object({
  done: z.number().int(),
  refused: z.number().int(),
  results: z.array(z.object({ taskId: z.string(), ok: z.boolean(), stage: z.string().optional(), code: z.string().optional(), message: z.string() })),
});

export const ZSendBackBody = z.object({
  toAction: zId(100).meta({ description: 'The earlier step to return to, named by the action that completes it (e.g. reviewApplication, completeHandling, dispatchIncident).' }),
  reason: zLine(500).meta({ description: '退回理由 (required): shown in the timeline and sent to whoever holds the earlier step.' }),
});
export const ZSendBackResult = z.object({ taskId: z.string(), stage: z.string(), version: z.number().int(), message: z.string(), sentBackTo: z.string() });

export const ZSignerPosition = z.enum(['before', 'after']).meta({ description: 'before (前加签): the signer approves first and the holder decides after them; after (后加签): the holder decides first, and the decision takes effect once the signer approved.' });
export const ZAddSignerBody = z.object({ personId, position: ZSignerPosition, note: zText(500, { allowEmpty: true }).default('') });
export const ZRemoveSignerBody = z.object({ personId });
export const ZRemoveSignerResult = z.object({ taskId: z.string(), stage: z.string(), version: z.number().int(), message: z.string(), signerId: z.string() });
export const ZSignTaskBody = z.object({ decision: z.enum(['approve', 'reject']), comment: zText(2000, { allowEmpty: true }).default('') });
export const ZSignTaskResult = z.object({
  taskId: z.string(),
  stage: z.string(),
  version: z.number().int(),
  message: z.string(),
  decision: z.enum(['approve', 'reject']),
  released: z.boolean().meta({ description: "true when the holder's decision, held for this after-signer, took effect with this approval." }),
});
