// Request and response schemas of the reporting API; they also feed the
// OpenAPI document. Ballots appear only in ZBallotAudit (auditor-only).
import { z } from 'zod';
import { actionResultSchema, ZDate, ZYear } from '../http/schemas';
import { RATING_GRADES, REPORT_ACTION_NAMES, REPORT_STAGES, VOTE_CHOICES } from '../../domain/reporting';
import { zId, zText } from '../http/text';

export const ZStartCycleBody = z.object({
  unitId: zId().describe('街道或区的单位编码;对其下每个社区启动本年度述职'),
  year: ZYear.describe('述职年度'),
});

export const ZEnableScheduleBody = z.object({
  unitId: zId().describe('每年自动启动述职周期的街道或区'),
});

export const ZCycle = z.object({
  id: z.string(),
  unitId: z.string(),
  year: z.number(),
  trigger: z.string(),
  status: z.string(),
  communityCount: z.number(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});

export const ZSchedule = z.object({
  unitId: z.string(),
  workflowId: z.string(),
  nextYear: z.number().nullable(),
  nextStartAt: z.string().nullable(),
});

export const ZReportSummary = z.object({
  id: z.string(),
  cycleId: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  streetId: z.string().nullable(),
  year: z.number(),
  stage: z.enum(REPORT_STAGES),
  stageLabel: z.string(),
  dueAt: z.string().nullable(),
  grade: z.enum(RATING_GRADES).nullable(),
  gradeLabel: z.string().nullable(),
  combinedScore: z.string().nullable().describe('综合得分,两位小数'),
});

export const ZTimelineEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  label: z.string(),
  data: z.record(z.string(), z.unknown()),
  source: z.enum(['inbox']).optional().describe('inbox: 转交、委派、抄送、催办、代理等审批操作(见 /api/tasks);民主评议投票任务从不出现'),
});

/** A row of the list: the summary and its street's name (a district's list spans its streets). */
export const ZReportListItem = ZReportSummary.extend({ streetName: z.string().nullable() });

export const ZReportDetail = ZReportSummary.extend({
  /** The workflow's state: ballots are never part of it; a round's tally is null while it is open. */
  state: z.record(z.string(), z.unknown()),
  timeline: z.array(ZTimelineEntry),
  myVote: z.object({ round: z.number().nullable(), onRoll: z.boolean(), voted: z.boolean() }).nullable(),
  actions: z.array(z.enum(REPORT_ACTION_NAMES as [string, ...string[]])).describe('当前阶段的可用操作'),
});


/** The body of each action of POST /api/reporting/{id}/actions/{action}. */
export const ACTION_BODIES = {
  submitReport: z.object({ content: zText(20000).describe('述职报告正文'), highlights: zText(5000, { allowEmpty: true }).nullish() }),
  scoreUpward: z.object({ score: z.number().int().min(0).max(100), comment: zText(2000, { allowEmpty: true }).nullish() }),
  askQuestion: z.object({ question: zText(2000).describe('质询内容') }),
  answerQuestion: z.object({ questionId: zId(50), answer: zText(20000) }),
  closeUpward: z.object({}),
  recordDownward: z.object({ heldOn: ZDate, attendees: z.number().int().min(0).max(100_000), summary: zText(20000) }),
  castVote: z.object({ choice: z.enum(VOTE_CHOICES).describe('满意 satisfied / 基本满意 basically_satisfied / 不满意 dissatisfied'), comment: zText(2000, { allowEmpty: true }).nullish() }),
  raiseObjection: z.object({ content: zText(5000) }),
  answerObjection: z.object({ objectionId: zId(50), answer: zText(20000), upheld: z.boolean(), revisedGrade: z.enum(RATING_GRADES).nullish() }),
  submitRectification: z.object({ plan: zText(20000) }),
  reviewRectification: z.object({ accepted: z.boolean(), comment: zText(2000, { allowEmpty: true }).nullish() }),
} as const;

export const ZActionParams = z.object({
  id: zId(200),
  action: z.enum(REPORT_ACTION_NAMES as [keyof typeof ACTION_BODIES, ...Array<keyof typeof ACTION_BODIES>]),
});

export const ZActionBody = z.union(Object.values(ACTION_BODIES) as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]]);

export const ZActionResult = actionResultSchema('reportId', REPORT_STAGES, {
  questionId: z.string().optional().describe('askQuestion: the new question'),
  objectionId: z.string().optional().describe('raiseObjection: the new objection'),
  round: z.number().optional().describe('castVote: the round the ballot counted in'),
});

export const ZResult = z.object({
  reportId: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  year: z.number(),
  grade: z.enum(RATING_GRADES),
  gradeLabel: z.string(),
  upwardScore: z.string().nullable(),
  downwardScore: z.string().nullable(),
  combinedScore: z.string().nullable(),
  reason: z.string(),
  tally: z.record(z.string(), z.number()).nullable(),
  rectificationRequired: z.boolean(),
  rectificationStatus: z.string().nullable(),
  final: z.boolean(),
  projectRatings: z.array(z.record(z.string(), z.unknown())),
});

export const ZBallotAudit = z.object({
  reportId: z.string(),
  round: z.number(),
  roll: z.array(z.object({ personId: z.string(), displayName: z.string() })),
  ballots: z.array(z.object({ personId: z.string(), displayName: z.string(), choice: z.enum(VOTE_CHOICES), comment: z.string().nullable() })),
});
