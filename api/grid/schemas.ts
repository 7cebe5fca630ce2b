// Request and response schemas of the grid incident API (网格事件处置); they
// also feed the OpenAPI document.
import { z } from 'zod';
import type { GridAction } from '../../domain/grid/machine';
import { MAX_PHOTOS } from '../../domain/grid/types';
import { INCIDENT_CHANNELS, INCIDENT_OUTCOMES, INCIDENT_STAGES, INCIDENT_TYPES, SATISFACTION_LEVELS, URGENCIES } from '../../domain/grid/types';
import { COMPLEXITIES, DISPUTE_TYPES, RISK_LEVELS } from '../../domain/mediation/types';
import { actionResultSchema, ZDate, zOffsetPage, ZRecordTimeline } from '../http/schemas';
import { zId, zLine, zText } from '../http/text';
import { ZParty } from '../mediation/schemas';

export const ZIncidentId = z.object({ id: z.uuid().describe('事件编号') });

/** An attachment reference (the file itself is stored by the attachment service). */
const ZPhotoRef = zLine(300).regex(/^[\w\-./:]+$/, '附件引用只能包含字母、数字和 - _ . / :').describe('照片附件引用');
const ZPhotos = z.array(ZPhotoRef).max(MAX_PHOTOS).default([]).describe(`照片,最多${MAX_PHOTOS}张`);

export const ZReportIncidentBody = z.object({
  channel: z.enum(INCIDENT_CHANNELS).describe('受理渠道:grid_worker 网格员巡查 / hotline_12345 12345热线 / walk_in 群众来访 / online 网上反映'),
  type: z.enum(INCIDENT_TYPES).describe('事件类型'),
  urgency: z.enum(URGENCIES).default('ordinary').describe('紧急程度,决定处置时限'),
  title: zLine(200).describe('事件标题'),
  description: zText(5000).describe('事件描述'),
  placeUnitId: zId(100).describe('事发网格(或社区)编号'),
  address: zLine(300).describe('具体位置'),
  photos: ZPhotos,
  contactName: zLine(100, { allowEmpty: true }).nullish().describe('反映人姓名(个人信息)'),
  contactPhone: zLine(20).regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不正确').nullish().describe('反映人电话(个人信息,仅上报人、社区、街道和审计可见)'),
});
export type TReportIncidentBody = z.output<typeof ZReportIncidentBody>;

export const ZIncidentSummary = z.object({
  id: z.string(),
  incidentNo: z.string(),
  title: z.string(),
  type: z.enum(INCIDENT_TYPES),
  typeLabel: z.string(),
  urgency: z.enum(URGENCIES),
  urgencyLabel: z.string(),
  channel: z.enum(INCIDENT_CHANNELS),
  channelLabel: z.string(),
  place: z.object({ id: z.string(), name: z.string() }),
  address: z.string(),
  stage: z.enum(INCIDENT_STAGES),
  stageLabel: z.string(),
  assignee: z.object({ unitId: z.string(), department: z.string().nullable() }).nullable(),
  outcome: z.enum(INCIDENT_OUTCOMES).nullable(),
  outcomeLabel: z.string().nullable(),
  reportedAt: z.string(),
  nextDueAt: z.string().nullable().describe('下一个到期时间(超期催办后为上报/督办时间)'),
  stepDueAt: z.string().nullable().describe('当前步骤的办理期限(已超期时早于当前时间)'),
  closedAt: z.string().nullable(),
  satisfaction: z.enum(SATISFACTION_LEVELS).nullable(),
  mediationCaseId: z.string().nullable(),
  personalDataVisible: z.boolean().describe('false: 反映人电话已脱敏'),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
});

export const ZListIncidentsQuery = z.object({
  stage: z.enum(INCIDENT_STAGES).optional(),
  type: z.enum(INCIDENT_TYPES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  channel: z.enum(INCIDENT_CHANNELS).optional(),
  unitId: zId().optional().describe('只看该单位辖区内的事件'),
  q: zLine(100, { allowEmpty: true }).optional().describe('按事件编号、标题或位置搜索'),
  from: ZDate.optional().describe('上报日期起(含)'),
  to: ZDate.optional().describe('上报日期止(含)'),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('true:只看当前步骤已超期的事件;false:只看未超期的'),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('true:只看办理中(未办结、未转人民调解)的事件;false:只看已办结或已转人民调解的'),
  ...zOffsetPage(),
});

export const ZIncidentDetail = ZIncidentSummary.extend({
  description: z.string(),
  photos: z.array(z.string()),
  state: z.record(z.string(), z.unknown()).describe('工作流状态(分拨、处置轮次、核查、满意度)'),
  pendingActions: z.array(
    z.object({ action: z.string(), label: z.string(), role: z.string(), unitId: z.string(), assigneeId: z.string().nullable(), dueAt: z.string().nullable() }),
  ).describe('正在等待的办理事项'),
  availableActions: z.array(z.string()).describe('当前用户此刻可以执行的操作'),
  timeline: ZRecordTimeline,
});

export const ZIncidentActionResult = actionResultSchema('incidentId', INCIDENT_STAGES, { mediationCaseId: z.string().optional().describe('转人民调解时新建的调解案件编号') });

const note = (what: string) => zText(2000).describe(what);

/** The bodies people send; the API turns some into the machine's inputs (perform-action.ts). */
export const ACTION_BODIES = {
  resolveOnSpot: z.object({ note: note('就地解决情况') }),
  dispatchIncident: z.object({
    unitId: zId(100).describe('承办单位(网格、社区、街道或区)编号'),
    department: zLine(100, { allowEmpty: true }).nullish().describe('承办部门,如“街道城管执法中队”'),
    note: note('处置要求'),
    verifyMode: z
      .enum(['all', 'any'])
      .nullish()
      .describe('联合核查: all (会签) — the reporter and the dispatcher must both confirm the result, one rejection decides; any (或签) — either of them decides. Absent: the reporter or the grid\'s worker checks.'),
  }),
  convertToMediation: z.object({
    disputeType: z.enum(DISPUTE_TYPES).describe('纠纷类型'),
    risk: z.enum(RISK_LEVELS).default('low').describe('激化风险'),
    complexity: z.enum(COMPLEXITIES).default('ordinary').describe('繁简程度'),
    parties: z.array(ZParty).min(2).max(200).describe('当事人,至少一名申请人和一名被申请人'),
    note: zText(2000, { allowEmpty: true }).default('').describe('转调解说明'),
  }),
  escalateToStreet: z.object({ reason: note('上报街道的理由') }),
  completeHandling: z.object({ result: note('处置结果'), photos: ZPhotos }),
  confirmResult: z.object({ note: zText(2000, { allowEmpty: true }).default('').describe('核查意见') }),
  rejectResult: z.object({ reason: note('核查不通过的原因') }),
  rateSatisfaction: z.object({ level: z.enum(SATISFACTION_LEVELS).describe('满意度'), note: zText(2000, { allowEmpty: true }).default('').describe('回访记录') }),
} satisfies { [A in GridAction]: z.ZodObject };

export const ZGridStatisticsQuery = z.object({
  unitId: zId().optional().describe('统计单位(区、街道、社区或网格);缺省为调用者可统计的最上级单位'),
  from: ZDate.optional().describe('上报日期起(含);缺省为当年 1 月 1 日'),
  to: ZDate.optional().describe('上报日期止(含);缺省为当年 12 月 31 日'),
});

const ZFigures = z.object({
  reported: z.number().describe('上报事件'),
  open: z.number().describe('办理中'),
  closed: z.number().describe('已办结'),
  resolvedOnSpot: z.number().describe('就地解决'),
  convertedToMediation: z.number().describe('转人民调解'),
  handled: z.number().describe('已处置'),
  onTime: z.number().describe('按时处置'),
  onTimeRatePercent: z.string().nullable().describe('按时处置率(%)'),
  medianHandlingDays: z.number().nullable().describe('处置用时中位数(自然日,一位小数)'),
  rated: z.number().describe('已回访'),
  satisfaction: z.object({ satisfied: z.number(), basically_satisfied: z.number(), dissatisfied: z.number() }),
  satisfactionRatePercent: z.string().nullable().describe('满意率(满意+基本满意,%)'),
});

const ZUnitFigures = ZFigures.extend({ unit: z.object({ id: z.string(), name: z.string() }) });

export const ZGridStatistics = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  total: ZFigures,
  streets: z.array(ZUnitFigures),
  communities: z.array(ZUnitFigures),
  grids: z.array(ZUnitFigures),
});
