// Request and response schemas of the project API (党建项目化管理); they also
// feed the OpenAPI document. Money is integer fen (分) everywhere.
import { z } from 'zod';
import type { ProjectAction } from '../../domain/project/actions';
import { PROJECT_CATEGORIES } from '../../domain/project/application';
import { PROJECT_RATINGS } from '../../domain/project/scoring';
import { PROJECT_STAGES } from '../../domain/project/state';
import { zId, zLine, zText } from '../http/text';

import { actionResultSchema, ZDate, ZFen, zOffsetPage, ZYear } from '../http/schemas';


export const ZProjectId = z.object({ id: z.uuid().describe('项目编号') });

export const ZMilestonePlan = z.object({
  title: zLine(200).describe('节点名称'),
  amountFen: ZFen.describe('节点拨付金额(分)'),
  dueDate: ZDate.describe('计划完成日期'),
});

export const ZCostShare = z.object({
  party: z.string().regex(/^[a-z_]{1,32}$/).describe('分担方编码,如 city / district / street'),
  label: zLine(50).describe('分担方名称,如 市级'),
  weight: z.number().int().min(1).max(10_000).describe('分担比例(整数份数)'),
});

export const ZApplication = z.object({
  title: zLine(200).describe('项目名称'),
  category: z.enum(Object.keys(PROJECT_CATEGORIES) as [keyof typeof PROJECT_CATEGORIES]).describe('项目类别'),
  goals: zText(5000).describe('项目目标'),
  budgetFen: ZFen.describe('项目总预算(分)= 各节点金额 + 尾款'),
  finalPaymentFen: ZFen.default(0).describe('尾款(分),验收合格后拨付'),
  milestones: z.array(ZMilestonePlan).min(1).max(20).describe('实施节点'),
  costSharing: z.array(ZCostShare).min(1).max(10).optional().describe('资金分担比例,缺省为配置的默认比例(市:区:街道 = 3:3:4)'),
});

export const ZCreateProjectBody = ZApplication.extend({
  communityId: zId().optional().describe('申报社区;只有一个社区角色时可省略'),
  year: ZYear.optional().describe('资金年度,缺省为当年'),
});

export const ZChangeProposal = z.object({
  budgetFen: ZFen,
  finalPaymentFen: ZFen,
  milestones: z.array(ZMilestonePlan).min(1).max(20),
});

const evidence = z.array(zText(2000)).max(50).default([]).describe('佐证材料(链接或说明)');

/** The body of each action of POST /api/projects/{id}/actions/{action}. */
export const ACTION_BODIES = {
  reviewApplication: z.object({ decision: z.enum(['approve', 'reject', 'return']).describe('通过 / 驳回 / 退回修改'), comment: zText(2000, { allowEmpty: true }).default('') }),
  resubmitApplication: z.object({ application: ZApplication, note: zText(2000, { allowEmpty: true }).default('') }),
  withdrawApplication: z.object({ reason: zText(2000) }),
  decideDistrictApproval: z.object({ decision: z.enum(['approve', 'reject', 'return']), comment: zText(2000, { allowEmpty: true }).default('') }),
  raiseObjection: z.object({ content: zText(5000).describe('异议内容') }),
  answerObjection: z.object({ objectionId: zId(20), answer: zText(5000), upheld: z.boolean().describe('异议是否成立;成立则项目退回修改') }),
  reportMilestone: z.object({ milestoneSeq: z.number().int().min(1), summary: zText(5000), evidence }),
  verifyMilestone: z.object({ milestoneSeq: z.number().int().min(1), decision: z.enum(['verify', 'reject']), comment: zText(2000, { allowEmpty: true }).default('') }),
  releaseFunds: z.object({ disbursementId: zId(20), voucherNo: zLine(100).describe('拨付凭证号') }),
  returnDisbursement: z.object({ disbursementId: zId(20), reason: zText(2000) }),
  resubmitDisbursement: z.object({ disbursementId: zId(20), note: zText(2000, { allowEmpty: true }).default('') }),
  requestChange: z.object({ reason: zText(2000), proposal: ZChangeProposal }),
  reviewChange: z.object({ changeId: zId(20), decision: z.enum(['approve', 'reject']), comment: zText(2000, { allowEmpty: true }).default('') }),
  decideChangeApproval: z.object({ changeId: zId(20), decision: z.enum(['approve', 'reject']), comment: zText(2000, { allowEmpty: true }).default('') }),
  suspendProject: z.object({ reason: zText(2000) }),
  resumeProject: z.object({ comment: zText(2000, { allowEmpty: true }).default('') }),
  terminateProject: z.object({ reason: zText(2000) }),
  submitCompletionReport: z.object({ summary: zText(20000), evidence }),
  scoreAcceptance: z.object({ scores: z.record(zLine(50), z.number().int().min(0).max(100)).describe('各评分项得分(0–100)'), comment: zText(2000, { allowEmpty: true }).default('') }),
  submitRectification: z.object({ summary: zText(20000), evidence }),
  proposeReward: z.object({ amountFen: ZFen.describe('以奖代补金额(分)'), recognition: zLine(200, { allowEmpty: true }).default('').describe('表彰名称'), comment: zText(2000, { allowEmpty: true }).default('') }),
  confirmReward: z.object({ decision: z.enum(['confirm', 'return']), amountFen: ZFen.optional().describe('确认金额,缺省为建议金额'), comment: zText(2000, { allowEmpty: true }).default('') }),
} as const satisfies Record<ProjectAction, z.ZodType>;

export const ZActionResult = actionResultSchema('projectId', PROJECT_STAGES);

export const ZPendingAction = z.object({
  key: z.string(),
  action: z.string(),
  title: z.string(),
  role: z.string(),
  unitId: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  ref: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const ZProjectSummary = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  year: z.number(),
  communityId: z.string(),
  communityName: z.string(),
  streetId: z.string(),
  stage: z.enum(PROJECT_STAGES),
  stageLabel: z.string(),
  step: z.string().nullable(),
  budgetFen: z.number(),
  reservedFen: z.number(),
  paidFen: z.number(),
  rewardPaidFen: z.number(),
  revisionCount: z.number(),
  suspended: z.boolean(),
  nextDueAt: z.string().nullable(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  rating: z.enum(PROJECT_RATINGS).nullable(),
  ratingLabel: z.string().nullable(),
  pendingActions: z.array(ZPendingAction),
  updatedAt: z.string(),
});

export const ZLedgerLine = z.object({ party: z.string(), label: z.string(), amountFen: z.number() });
export const ZPayment = z.object({
  id: z.string(),
  payableKey: z.string(),
  disbursementId: z.string(),
  kind: z.string(),
  amountFen: z.number(),
  voucherNo: z.string(),
  releasedAt: z.string(),
  lines: z.array(ZLedgerLine),
});

export const ZTimelineEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  label: z.string(),
  stage: z.string(),
  data: z.record(z.string(), z.unknown()),
  source: z.enum(['inbox']).optional().describe('inbox: 转交、委派、抄送、催办、代理等审批操作(见 /api/tasks)'),
});

export const ZProjectDetail = ZProjectSummary.extend({
  state: z.record(z.string(), z.unknown()).describe('流程当前状态(以流程为准)'),
  availableActions: z
    .array(z.object({ action: z.string(), ref: z.record(z.string(), z.union([z.string(), z.number()])) }))
    .describe('当前用户此刻可执行的操作(及其对象,如节点序号、拨付申请编号)'),
  ledger: z.object({
    payments: z.array(ZPayment),
    totalPaidFen: z.number(),
    byParty: z.array(ZLedgerLine),
  }),
  timeline: z.array(ZTimelineEntry),
});

export const ZListProjectsQuery = z.object({
  stage: z.enum(PROJECT_STAGES).optional(),
  streetId: zId().optional(),
  communityId: zId().optional(),
  year: ZYear.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...zOffsetPage(),
});

export const ZDisbursementItem = z.object({
  projectId: z.string(),
  projectTitle: z.string(),
  communityName: z.string(),
  disbursementId: z.string(),
  kind: z.string(),
  milestoneSeq: z.number().nullable(),
  attempt: z.number(),
  amountFen: z.number(),
  status: z.string(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable().describe('拨付、退回或撤销的时间'),
  voucherNo: z.string().nullable().describe('拨付凭证号(已拨付)'),
  returnReason: z.string().nullable().describe('退回原因(已退回)'),
  dueAt: z.string().nullable(),
  split: z.array(ZLedgerLine).describe('按资金分担比例的拨付拆分'),
});

export const ZSupervisionQuery = z.object({
  streetId: zId(),
  year: ZYear,
  quarter: z.coerce.number().int().min(1).max(4),
});
