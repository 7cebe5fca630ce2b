import { z } from 'zod';
import { ROLE_NAMES } from '../../domain/roles';
import { defineRoute, type RouteModule } from '../http/define-route';
import { claimTask } from './claim-task';
import { ccTask } from './cc-task';
import { attachFile, commentTask, readAttachment } from './comment-task';
import { delegateTask, returnDelegation } from './delegate-task';
import { getTask } from './get-task';
import { listTasks } from './list-tasks';
import { listCandidates } from './list-candidates';
import {
  ZAttachBody,
  ZAttachment,
  ZAttachmentParams,
  ZCcBody,
  ZCcResult,
  ZComment,
  ZCommentBody,
  ZDelegateBody,
  ZListTasksQuery,
  ZReturnDelegationBody,
  ZTask,
  ZTaskDetail,
  ZTaskIdParams,
  ZTaskPage,
  ZTransferBody,
  ZUrgeBody,
  ZUrgeResult,
  ZRecallBody,
  ZRecallResult,
  ZBatchApproveBody,
  ZCandidatePage,
  ZCandidatesQuery,
  ZBatchApproveResult,
  ZSendBackBody,
  ZSendBackResult,
  ZAddSignerBody,
  ZRemoveSignerBody,
  ZRemoveSignerResult,
  ZSignTaskBody,
  ZSignTaskResult,
} from './schemas';
import { sendBack } from './send-back';
import { addSigner, removeSigner, signTask } from './signers';
import { batchApprove } from './batch-approve';
import { recallStep } from './recall-step';
import { transferTask } from './transfer-task';
import { urgeTask } from './urge-task';
import { businessTime } from '../deps';
import { sendFile } from '../http/send-file';

export const taskRoutes: RouteModule = {
  name: 'tasks',
  tag: 'tasks',
  description:
    'The inbox: steps of processes waiting for a person (待办), and what people do to them besides completing them — 转交, 委派, 退回, 加签/减签, 撤回, 抄送, 催办, 代理 (see /api/me/proxies), comments and attachments. Every operation is audited and shown in the record\'s timeline under the same verb as its URL.',
  routes: [
    defineRoute({
      method: 'get',
      path: '/api/tasks',
      summary: "The caller's tasks: assigned to them (or to someone they deputise for today), delegated to them, or unassigned for a role they hold on the task's unit; or (view) the tasks of records copied to them (已抄送) or started by them (我发起)",
      description: 'Filters: process, action, subjectId (one record; needs process, else 400 VALIDATION_FAILED), unitId, overdue, status; keyset paging by due date.',
      roles: 'authenticated',
      request: { query: ZListTasksQuery },
      response: { schema: ZTaskPage },
      handler: ({ deps, actor, query }) => listTasks({ prisma: deps.prisma, actor, filter: query, now: businessTime(deps) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/actions/batchApprove',
      summary: '批量办理: take several steps their process marks batchable (e.g. finance releasing verified milestones) in one request',
      description:
        'Each item is the process\'s own action with the caller as actor, checked as the process\'s route checks it; a refused item (its code and message in `results`) does not stop the others; a personal step (a 民主评议 vote) is refused with PERSONAL_TASK. Project: verifyMilestone, releaseFunds.',
      roles: ROLE_NAMES,
      request: { body: ZBatchApproveBody },
      response: { schema: ZBatchApproveResult },
      handler: ({ deps, actor, body, requestId }) => batchApprove({ deps, actor, items: body.items as { taskId: string; input: Record<string, unknown> }[], requestId }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/tasks/:id',
      summary: 'One task with its delegation, comments, attachments and inbox history',
      roles: 'authenticated',
      request: { params: ZTaskIdParams },
      response: { schema: ZTaskDetail },
      errors: ['NOT_FOUND'],
      handler: ({ deps, actor, params }) => getTask({ deps, actor, taskId: params.id }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/tasks/:id/candidates',
      summary: 'The people picker of 转交, 委派, 加签 and 抄送: who the caller may name on this task, found by name, with the role and unit that qualify them',
      description:
        "Only for those who may hand the task on (its holder, whoever holds its role over its unit): 404 when the caller cannot see the task, 403 NOT_TASK_HOLDER / DELEGATE_CANNOT_DECIDE, 409 ALREADY_DONE, 403 PERSONAL_TASK on a vote. transferTask offers holders of the task's role over its unit; addSigner offers people with a role on the record's unit or above or below it; delegateTask and ccTask also people on the line of a unit where the caller holds a role — never a stranger's unit. The caller and the current assignee are left out.",
      roles: ROLE_NAMES,
      request: { params: ZTaskIdParams, query: ZCandidatesQuery },
      response: { schema: ZCandidatePage },
      errors: ['NOT_FOUND', 'NOT_TASK_HOLDER', 'DELEGATE_CANNOT_DECIDE', 'ALREADY_DONE', 'PERSONAL_TASK'],
      handler: ({ deps, actor, params, query }) => listCandidates({ deps, actor, taskId: params.id, purpose: query.purpose, q: query.q, limit: query.limit }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/claim',
      summary: 'Claim an unassigned task for a role the caller holds on its unit, or (代理) one their principal holds, for the principal',
      description: 'A deputy claims "代 X": the task becomes the principal\'s and the deputy acts on it as such; 403 PROXY_NOT_ACTIVE outside the arrangement\'s dates.',
      roles: ROLE_NAMES,
      request: { params: ZTaskIdParams },
      response: { schema: ZTask, description: 'The task, now assigned to the caller (or to the person they cover for).' },
      errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'TASK_ALREADY_CLAIMED', 'ALREADY_DONE', 'PROXY_NOT_ACTIVE', 'PERSONAL_TASK'],
      handler: ({ deps, actor, params, requestId }) => claimTask({ prisma: deps.prisma, actor, taskId: params.id, now: businessTime(deps), requestId }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/actions/transferTask',
      summary: '转交: hand the task to another person who holds its role over its unit; from then on only they act on it',
      description:
        'Allowed to the task\'s holder and to whoever holds its role over its unit. 404 when the caller cannot see the task, 403 NOT_TASK_HOLDER / DELEGATE_CANNOT_DECIDE, 409 ALREADY_DONE when it is not open, 409 TASK_DELEGATED while a delegate prepares it, 422 TRANSFER_TARGET_INELIGIBLE when the person named lacks the role over the unit. A step the process binds to one person (a mediation round\'s mediator) moves in the process too.',
      roles: ROLE_NAMES,
      request: { params: ZTaskIdParams, body: ZTransferBody },
      response: { schema: ZTask, description: 'The task, now assigned to the person named.' },
      errors: ['NOT_FOUND', 'NOT_TASK_HOLDER', 'DELEGATE_CANNOT_DECIDE', 'ALREADY_DONE', 'TASK_DELEGATED', 'TRANSFER_TARGET_INELIGIBLE', 'PERSONAL_TASK', 'PROCESS_BUSY'],
      handler: ({ deps, actor, params, body, requestId }) => transferTask({ deps, actor, taskId: params.id, toPersonId: body.toPersonId, reason: body.reason, requestId }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/actions/delegateTask',
      summary: '委派: a colleague prepares the task (comments, attachments) and hands it back; the delegator decides',
      description: 'The delegate may read the record meanwhile; the process refuses their decisions with 403 DELEGATE_CANNOT_DECIDE. 422 TARGET_OUT_OF_REACH for someone the picker (…/candidates?purpose=delegateTask) would not offer.',
      roles: ROLE_NAMES,
      request: { params: ZTaskIdParams, body: ZDelegateBody },
      response: { schema: ZTask },
      errors: ['NOT_FOUND', 'NOT_TASK_HOLDER', 'DELEGATE_CANNOT_DECIDE', 'ALREADY_DONE', 'TASK_DELEGATED', 'BUSINESS_RULE', 'TARGET_OUT_OF_REACH', 'PERSONAL_TASK'],
      handler: ({ deps, actor, params, body, requestId }) => delegateTask({ deps, actor, taskId: params.id, toPersonId: body.toPersonId, note: body.note, requestId }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/actions/returnDelegation',
      summary: '委派: the delegate hands the task back to the delegator',
      roles: 'authenticated',
      request: { params: ZTaskIdParams, body: ZReturnDelegationBody },
      response: { schema: ZTask },
      errors: ['NOT_FOUND', 'NOT_TASK_HOLDER', 'WRONG_STAGE', 'ALREADY_DONE'],
      handler: ({ deps, actor, params, body, requestId }) => returnDelegation({ deps, actor, taskId: params.id, note: body.note, requestId }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/actions/recallStep',
      summary: '撤回: take back the step the caller just took on this task, while the process has not moved since',
      description:
        'For processes whose machine declares recallable actions (never a payment). 403 NOT_TASK_HOLDER when the caller did not take the last step, 409 RECALL_TOO_LATE once the next step acted, a timer fired, or the step may not be taken back.',
      roles: ROLE_NAMES,
      request: { params: ZTaskIdParams, body: ZRecallBody },
      response: { schema: ZRecallResult },
      errors: ['NOT_FOUND', 'NOT_TASK_HOLDER', 'RECALL_TOO_LATE', 'PROCESS_BUSY'],
      handler: ({ deps, actor, params, body }) => recallStep({ deps, actor, taskId: params.id, reason: body.reason }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/actions/sendBack',
      summary: '退回: return the process from this open task to an earlier step the process allows, with a reason; that step opens again as a new task',
      description:
        'Allowed to the task\'s holder and to whoever holds its role over its unit. The earlier step\'s holder is notified and the timeline shows the reason. Allowed returns — project: decideDistrictApproval → reviewApplication (区委组织部 returns the application to the street\'s review); grid: confirmResult → completeHandling (核查 back to 处置), completeHandling → dispatchIncident (the assignee returns it to triage); mediation: recordSession → acceptCase (a round in progress back to its acceptance: the mediator is taken off, e.g. 回避, and the unit\'s mediators accept it again). Each process\'s table and its reasons: domain/<process>/send-back-targets.ts. 422 SEND_BACK_NOT_ALLOWED for any other target (or a process without returns), 400 VALIDATION_FAILED without a reason, 409 SEND_BACK_AFTER_PAYMENT when money was already paid, 409 ALREADY_DONE when the task is closed, 403 NOT_TASK_HOLDER / DELEGATE_CANNOT_DECIDE.',
      roles: ROLE_NAMES,
      request: { params: ZTaskIdParams, body: ZSendBackBody },
      response: { schema: ZSendBackResult },
      errors: ['NOT_FOUND', 'NOT_TASK_HOLDER', 'DELEGATE_CANNOT_DECIDE', 'TASK_DELEGATED', 'ALREADY_DONE', 'SEND_BACK_NOT_ALLOWED', 'SEND_BACK_AFTER_PAYMENT', 'SIGNERS_PENDING', 'PROCESS_BUSY'],
      handler: ({ deps, actor, params, body, requestId }) => sendBack({ deps, actor, taskId: params.id, toAction: body.toAction, reason: body.reason, requestId }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/actions/addSigner',
      summary: '加签: add a signer before the holder (they approve first) or after (they approve the holder\'s decision before it takes effect)',
      description:
        'Allowed to the task\'s holder and to whoever holds its role over its unit (project, mediation and grid tasks). The signer gets a task of their own (action signTask) in their 待办 and may read the record. 422 SIGNER_INELIGIBLE when the person holds no role that can see the record (a grant on its unit, above or below), is inactive, is the holder or already a pending signer. While a before-signer has not acted, the holder\'s decision is refused with 409 SIGNERS_PENDING; with an after-signer pending, the decision is answered as held and takes effect on their approval (a rejection drops it). Returns the signer\'s task.',
      roles: ROLE_NAMES,
      request: { params: ZTaskIdParams, body: ZAddSignerBody },
      response: { schema: ZTask, description: "The added signer's own task." },
      errors: ['NOT_FOUND', 'NOT_TASK_HOLDER', 'DELEGATE_CANNOT_DECIDE', 'ALREADY_DONE', 'WRONG_STAGE', 'SIGNER_INELIGIBLE', 'BUSINESS_RULE', 'PROCESS_BUSY'],
      handler: ({ deps, actor, params, body, requestId }) => addSigner({ deps, actor, taskId: params.id, personId: body.personId, position: body.position, note: body.note, requestId }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/actions/removeSigner',
      summary: '减签: take an added signer who has not acted yet off the task; their signer task is cancelled',
      description: "On the holder's task (not the signer's). 409 SIGNER_ALREADY_ACTED once the signer approved or rejected; 404 NOT_FOUND when the person is not a signer of the task. A decision held only for this signer takes effect at once.",
      roles: ROLE_NAMES,
      request: { params: ZTaskIdParams, body: ZRemoveSignerBody },
      response: { schema: ZRemoveSignerResult },
      errors: ['NOT_FOUND', 'NOT_TASK_HOLDER', 'DELEGATE_CANNOT_DECIDE', 'ALREADY_DONE', 'SIGNER_ALREADY_ACTED', 'BUSINESS_RULE', 'PROCESS_BUSY'],
      handler: ({ deps, actor, params, body, requestId }) => removeSigner({ deps, actor, taskId: params.id, personId: body.personId, requestId }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/actions/signTask',
      summary: "加签审批: the added signer approves or rejects (with a comment) on their own signer task; recorded in the record's timeline",
      description:
        "Only the signer named on the task. An after-signer signs once the holder has decided (409 WRONG_STAGE before); the last after-signer's approval makes the held decision take effect (released: true), a rejection drops it and the task stays with its holder. 409 ALREADY_DONE when already signed or removed.",
      roles: 'authenticated',
      request: { params: ZTaskIdParams, body: ZSignTaskBody },
      response: { schema: ZSignTaskResult },
      errors: ['NOT_FOUND', 'NOT_TASK_HOLDER', 'ALREADY_DONE', 'WRONG_STAGE', 'SIGNERS_PENDING', 'BUSINESS_RULE', 'PROCESS_BUSY'],
      handler: ({ deps, actor, params, body, requestId }) => signTask({ deps, actor, taskId: params.id, decision: body.decision, comment: body.comment, requestId }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/actions/ccTask',
      summary: '抄送: people get a read-only notice and may read the record from then on',
      roles: ROLE_NAMES,
      request: { params: ZTaskIdParams, body: ZCcBody },
      response: { schema: ZCcResult },
      errors: ['NOT_FOUND', 'NOT_TASK_HOLDER', 'ALREADY_DONE', 'BUSINESS_RULE', 'TARGET_OUT_OF_REACH', 'PERSONAL_TASK'],
      handler: ({ deps, actor, params, body, requestId }) => ccTask({ deps, actor, taskId: params.id, personIds: body.personIds, note: body.note, requestId }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/actions/urgeTask',
      summary: '催办: remind whoever holds the task (and its delegate), at most once a day per task',
      description: 'Allowed to whoever sees the task, holds any role over its unit, or completed an earlier step of its record. 429 ALREADY_URGED_TODAY the second time on one (Beijing) day.',
      roles: 'authenticated',
      request: { params: ZTaskIdParams, body: ZUrgeBody },
      response: { schema: ZUrgeResult },
      errors: ['NOT_FOUND', 'ALREADY_DONE', 'BUSINESS_RULE', 'ALREADY_URGED_TODAY'],
      handler: ({ deps, actor, params, body, requestId }) => urgeTask({ deps, actor, taskId: params.id, message: body.message, requestId }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/actions/commentTask',
      summary: 'Add a comment (意见) to an open task: its holder, its role over its unit, its delegate or a deputy',
      roles: 'authenticated',
      request: { params: ZTaskIdParams, body: ZCommentBody },
      response: { status: 200, schema: ZComment },
      errors: ['NOT_FOUND', 'NOT_TASK_HOLDER', 'ALREADY_DONE', 'PERSONAL_TASK'],
      handler: ({ deps, actor, params, body, requestId }) => commentTask({ deps, actor, taskId: params.id, body: body.body, requestId }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/actions/attachFile',
      summary: 'Attach a file (base64) to an open task; size and type limits from ATTACHMENT_MAX_BYTES / ATTACHMENT_TYPES, then the virus-scan hook',
      roles: 'authenticated',
      request: { params: ZTaskIdParams, body: ZAttachBody },
      response: { status: 200, schema: ZAttachment },
      errors: ['NOT_FOUND', 'NOT_TASK_HOLDER', 'ALREADY_DONE', 'PERSONAL_TASK', 'ATTACHMENT_TOO_LARGE', 'ATTACHMENT_TYPE_REFUSED', 'ATTACHMENT_REJECTED'],
      handler: ({ deps, actor, params, body, requestId }) => attachFile({ deps, actor, taskId: params.id, file: body, requestId }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/tasks/:id/attachments/:attachmentId',
      summary: "Download a task's attachment (whoever may see the task)",
      roles: 'authenticated',
      request: { params: ZAttachmentParams },
      response: { schema: z.string(), contentType: 'application/octet-stream' },
      errors: ['NOT_FOUND'],
      handler: async (ctx) => {
        const { row, bytes } = await readAttachment({ deps: ctx.deps, actor: ctx.actor, taskId: ctx.params.id, attachmentId: ctx.params.attachmentId });
        return sendFile(ctx.res, { ...row, bytes }, 'attachment');
      },
    }),
  ],
};
