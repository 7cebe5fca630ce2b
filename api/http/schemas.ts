// Schemas every area shares, each with one home: money, dates, years, the
// answer to an action. Areas import these; they never define their own.
import { z } from 'zod';
import { ROLE_NAMES } from '../../domain/roles';
import { zDate } from './text';

/**
 * A kit record's timeline (a mediation case, a grid incident): the process's
 * own lines and, marked `source: 'inbox'`, the inbox's, merged by time
 * (api/tasks/inbox-timeline.ts).
 */
export const ZRecordTimeline = z.array(
  z.object({
    seq: z.number(),
    at: z.string(),
    action: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    summary: z.string(),
    source: z.enum(['inbox']).optional().describe('inbox: 转交、委派、抄送、催办、加签、代理等审批操作(见 /api/tasks)'),
  }),
);

/** A role name (domain/roles.ts). */
export const ZRoleName = z.enum(ROLE_NAMES);

/** Integer fen (分); the read model keeps money in PostgreSQL `integer` columns, hence the bound. */
export const ZFen = z.number().int().min(0).max(2_147_483_647).describe('金额,单位:分');
/** A calendar day in Beijing time; impossible dates are refused. */
export const ZDate = zDate();
export const ZYear = z.coerce.number().int().min(2000).max(2100);

/**
 * An offset-paged list's query (党建项目, 调解案件, 网格事件, 述职, 拨付): `limit` rows, at most `max`, from `offset`.
 * The answer carries `total` (http/page-total.ts). Lists read by cursor (待办, 消息, 人员) page otherwise.
 */
export const zOffsetPage = (max = 200, fallback = 50) => ({
  limit: z.coerce.number().int().min(1).max(max).default(fallback).describe(`每页条数,1–${max}`),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('跳过的条数'),
});

/**
 * The answer to every POST …/actions/{action}: the subject's id under
 * `idField` (`projectId`, `caseId`, `reportId`), the action taken, the stage
 * it left the process in, the state version, a zh-CN message, and the ids the
 * action created (`extra`).
 */
export function actionResultSchema<K extends string, S extends readonly [string, ...string[]], E extends z.ZodRawShape = Record<never, never>>(idField: K, stages: S, extra?: E) {
  return z.object({
    [idField]: z.string(),
    action: z.string().describe('操作名(动词,camelCase),与待办任务、时间线一致'),
    stage: z.enum(stages),
    version: z.number(),
    message: z.string(),
    ...(extra ?? {}),
  } as { [P in K]: z.ZodString } & { action: z.ZodString; stage: z.ZodEnum<{ [V in S[number]]: V }>; version: z.ZodNumber; message: z.ZodString } & E);
}
