// Request and response schemas of the mediation API (三级三轮调解); they also
// feed the OpenAPI document. Money is integer fen (分).
import { z } from 'zod';
import type { ActionName } from '../../domain/mediation/case-state';
import {
  CASE_OUTCOMES,
  CHANNELS,
  COMPLEXITIES,
  DISPUTE_TYPES,
  JUDICIAL_STATUSES,
  LEVELS,
  PARTY_ROLES,
  PERFORMANCE_RESULTS,
  RISK_LEVELS,
  STAGES,
} from '../../domain/mediation/types';
import { zId, zLine, zText } from '../http/text';

import { actionResultSchema, ZDate, ZFen, zOffsetPage, ZRecordTimeline } from '../http/schemas';

export const ZCaseId = z.object({ id: z.uuid().describe('案件编号') });

export const ZParty = z.object({
  role: z.enum(PARTY_ROLES).describe('applicant 申请人 / respondent 被申请人'),
  name: zLine(100).describe('姓名或单位名称'),
  phone: zLine(20).regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不正确').nullish().describe('联系电话(个人信息,仅承办调解员、其上级和审计可见)'),
  idNumber: zLine(30).regex(/^[0-9A-Za-z]{6,30}$/, '证件号码格式不正确').nullish().describe('身份证号码(个人信息)'),
  address: zLine(300, { allowEmpty: true }).nullish().describe('住址'),
});

export const ZRegisterCaseBody = z.object({
  channel: z.enum(CHANNELS).describe('受理渠道'),
  disputeType: z.enum(DISPUTE_TYPES).describe('纠纷类型'),
  title: zLine(200).describe('案由'),
  description: zText(5000).describe('纠纷简要情况'),
  risk: z.enum(RISK_LEVELS).default('low').describe('激化风险'),
  complexity: z.enum(COMPLEXITIES).default('ordinary').describe('繁简程度,决定每轮时限'),
  amountFen: ZFen.nullish().describe('争议金额(分)'),
  placeUnitId: zId(100).describe('纠纷发生地:社区或网格编号'),
  parties: z.array(ZParty).min(2).max(200).describe('当事人,至少一名申请人和一名被申请人'),
  alreadyInLitigation: z.boolean().default(false).describe('是否已由法院或仲裁机构受理'),
  notSuitableReason: zText(1000, { allowEmpty: true }).nullish().describe('登记人认定不宜调解的理由(填写即分流移送)'),
});
export type TRegisterCaseBody = z.output<typeof ZRegisterCaseBody>;

export const ZPartyView = z.object({
  seq: z.number(),
  role: z.enum(PARTY_ROLES),
  name: z.string(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  address: z.string().nullable(),
});

export const ZCaseSummary = z.object({
  id: z.string(),
  caseNo: z.string(),
  title: z.string(),
  channel: z.enum(CHANNELS),
  channelLabel: z.string(),
  disputeType: z.enum(DISPUTE_TYPES),
  disputeTypeLabel: z.string(),
  risk: z.enum(RISK_LEVELS),
  highRisk: z.boolean(),
  amountFen: z.number().nullable(),
  place: z.object({ id: z.string(), name: z.string() }),
  stage: z.enum(STAGES),
  stageLabel: z.string(),
  currentLevel: z.enum(LEVELS).nullable(),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  outcomeLabel: z.string().nullable(),
  judicialStatus: z.enum(JUDICIAL_STATUSES).nullable(),
  registeredAt: z.string(),
  nextDueAt: z.string().nullable(),
  concludedAt: z.string().nullable(),
  personalDataVisible: z.boolean().describe('false: 当事人电话、证件号码已脱敏'),
  parties: z.array(ZPartyView),
});

export const ZListCasesQuery = z.object({
  stage: z.enum(STAGES).optional(),
  channel: z.enum(CHANNELS).optional(),
  disputeType: z.enum(DISPUTE_TYPES).optional(),
  level: z.enum(LEVELS).optional().describe('当前(或最后)调解层级'),
  outcome: z.enum(CASE_OUTCOMES).optional(),
  judicialStatus: z.enum(JUDICIAL_STATUSES).optional().describe('司法确认状态(如 confirmed:已司法确认)'),
  unitId: zId().optional().describe('只看该单位辖区内的案件'),
  q: zLine(100, { allowEmpty: true }).optional().describe('按案号、案由或当事人姓名搜索'),
  from: ZDate.optional().describe('登记日期起(含)'),
  to: ZDate.optional().describe('登记日期止(含)'),
  ...zOffsetPage(),
});

export const ZPendingAction = z.object({
  action: z.string(),
  label: z.string(),
  role: z.string(),
  unitId: z.string(),
  assigneeId: z.string().nullable(),
  dueAt: z.string().nullable(),
});

export const ZCaseDetail = ZCaseSummary.extend({
  description: z.string(),
  complexity: z.enum(COMPLEXITIES),
  targetConcludeBy: z.string(),
  closeReason: z.string().nullable(),
  guidance: z.string().nullable(),
  state: z.record(z.string(), z.unknown()).describe('工作流状态(轮次、调解会、协议、司法确认、回访)'),
  pendingActions: z.array(ZPendingAction).describe('正在等待的办理事项'),
  availableActions: z.array(z.string()).describe('当前用户此刻可以执行的操作'),
  agreementDocument: z.object({ rendered: z.boolean(), url: z.string() }).nullable(),
  timeline: ZRecordTimeline,
});

export const ZActionResult = actionResultSchema('caseId', STAGES);

export const ACTION_BODIES: { [A in ActionName]: z.ZodType } = {
  assignMediator: z.object({ mediatorId: zId(100).describe('被指派的调解员(人员编号)') }),
  acceptCase: z.object({ note: zText(1000, { allowEmpty: true }).optional() }),
  recordSession: z.object({
    heldOn: ZDate.describe('调解会日期'),
    place: zLine(200, { allowEmpty: true }).nullish().describe('地点'),
    participants: z.array(zLine(100)).min(1).max(100).describe('参加人员'),
    summary: zText(5000).describe('调解情况摘要'),
  }),
  recordAgreement: z.object({
    terms: zText(10_000).describe('协议内容'),
    performance: zText(2000).describe('履行方式'),
    amountFen: ZFen.nullish().transform((v) => v ?? null).describe('协议金额(分)'),
    performBy: ZDate.nullish().transform((v) => v ?? null).describe('履行期限'),
  }),
  recordFailure: z.object({ reason: zText(2000).describe('调解不成的原因') }),
  recordWithdrawal: z.object({
    kind: z.enum(['refused', 'withdrawn']).describe('refused 拒绝调解 / withdrawn 撤回申请'),
    party: zLine(100).describe('哪一方当事人'),
    reason: zText(2000),
  }),
  applyJudicialConfirmation: z.object({
    applicants: z.array(zLine(100)).min(2).max(50).describe('共同申请的当事人'),
    court: zLine(200).describe('受理法院'),
  }),
  recordCourtAcceptance: z.object({
    accepted: z.boolean(),
    courtCaseNumber: zLine(100, { allowEmpty: true }).nullish(),
    reason: zText(2000, { allowEmpty: true }).nullish(),
  }),
  recordCourtDecision: z.object({
    confirmed: z.boolean(),
    rulingNo: zLine(100, { allowEmpty: true }).nullish().describe('民事裁定书文号'),
    reason: zText(2000, { allowEmpty: true }).nullish(),
  }),
  recordFollowUp: z.object({ result: z.enum(PERFORMANCE_RESULTS).describe('履行情况'), note: zText(5000).describe('回访记录') }),
  extendPreLitigation: z.object({
    applicantAgreed: z.boolean().describe('申请人同意延长(须为 true)'),
    respondentAgreed: z.boolean().describe('被申请人同意延长(须为 true)'),
    note: zText(2000, { allowEmpty: true }).nullish().describe('同意的方式和时间,如“双方于调解会上签字确认”'),
  }),
};

export const ZStatisticsQuery = z.object({
  unitId: zId().optional().describe('统计单位(区、街道或社区);缺省为调用者可统计的最上级单位'),
  from: ZDate.optional().describe('登记日期起(含);缺省为当年 1 月 1 日'),
  to: ZDate.optional().describe('登记日期止(含);缺省为当年 12 月 31 日'),
});

const counts = <T extends readonly [string, ...string[]]>(keys: T) => z.object(Object.fromEntries(keys.map((k) => [k, z.number()])) as { [K in T[number]]: z.ZodNumber });

export const ZStatistics = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  total: z.number().describe('受理案件'),
  byChannel: counts(CHANNELS),
  byType: counts(DISPUTE_TYPES),
  byLevel: counts(LEVELS),
  byOutcome: counts([...CASE_OUTCOMES, 'in_progress'] as const),
  mediated: z.number().describe('成功调解'),
  concluded: z.number().describe('调解已终结'),
  successRatePercent: z.string().nullable().describe('调解成功率(%)'),
  judicialConfirmations: z.object({ applied: z.number(), confirmed: z.number().describe('司法确认'), notConfirmed: z.number() }),
  medianRoundHours: z.object({ community: z.number().nullable(), street: z.number().nullable(), district: z.number().nullable() }),
  roundsEnded: counts(LEVELS),
  byMonth: z.array(z.object({ month: z.string().describe('YYYY-MM'), total: z.number(), mediated: z.number(), concluded: z.number() })).describe('按登记月份'),
});
