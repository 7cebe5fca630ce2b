// Demo 双向述职: the yearly schedule of the demo district, and a cycle in
// progress over 人民路街道 with its three communities at different steps
// (in path order — 北斗, 芙蓉, 永昌路: report in, scored and a 质询 open;
// report in, upward step open; report not yet handed in).
// Workflows need the engine: without a Temporal client in the context
// (the test global setup runs the base seeds only) the seed does nothing.
// Idempotent: an existing cycle or schedule is left as it is.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { yearOf } from '../domain/calendar';
import { workflowIds } from '../domain/reporting';
import type { reportingCycle, reportingYearly } from '../workflows/reporting';
import { askQuestionUpdate, reportStateQuery, scoreUpwardUpdate, submitReportUpdate } from '../workflows/reporting-shared';
import { TASK_QUEUE } from '../workflows/task-queue';
import { DEMO, usernameFor } from './demo-org';
import type { SeedContext } from './types';
import { demoActor } from './use-cases';

export interface ReportingSeedContext extends SeedContext {
  now?: () => Date;
}

const REPORT_TEXT = `一、履行党建工作第一责任人职责情况
全年召开党委会 12 次,落实"三会一课"制度,组织主题党日活动 12 次。
二、推进党建项目化管理情况
围绕"红色物业"和"一老一小"开展党建项目,项目按期推进。
三、存在的不足和下一步打算
居民议事协商机制有待完善,明年将推行党务公开、居务公开常态化。`;

async function waitForStage(client: Client, reportId: string, stage: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      const s = await client.workflow.getHandle(reportId).query(reportStateQuery);
      if (s.stage === stage && s.version > 0) return;
    } catch {
      // not started yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${reportId} did not reach ${stage}`);
}

export interface ReportingSeedOptions {
  /** The street whose cycle is put in progress; default 人民路街道. */
  streetId?: string;
  /** Default: the current year in China time. */
  year?: number;
}

export async function seedReportingDemo(ctx: ReportingSeedContext, options: ReportingSeedOptions = {}): Promise<void> {
  const client = ctx.temporal;
  if (!client) {
    ctx.log('reporting demo: no Temporal client, skipped');
    return;
  }
  const taskQueue = ctx.taskQueue ?? TASK_QUEUE;
  const year = options.year ?? yearOf((ctx.now ?? (() => new Date()))());
  const streetId = options.streetId ?? DEMO.street;
  const communities = await ctx.prisma.unit.findMany({ where: { parentId: streetId, level: 'community' }, orderBy: { path: 'asc' }, select: { id: true } });
  if (communities.length < 2) throw new Error(`street ${streetId} needs two communities for the reporting demo`);
  const [first, second] = communities.map((c) => c.id);

  try {
    await client.workflow.start<typeof reportingYearly>('reportingYearly', { workflowId: workflowIds.yearly(DEMO.district), taskQueue, args: [{ unitId: DEMO.district }] });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }

  const cycleId = workflowIds.cycle(streetId, year);
  try {
    await client.workflow.start<typeof reportingCycle>('reportingCycle', { workflowId: cycleId, taskQueue, args: [{ unitId: streetId, year, trigger: 'manual', startedById: null }] });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return; // seeded before
    throw err;
  }

  const firstReport = workflowIds.report(first, year);
  const secondReport = workflowIds.report(second, year);
  await waitForStage(client, firstReport, 'report');
  await waitForStage(client, secondReport, 'report');

  const secretary = await demoActor(ctx, usernameFor('community', first));
  const street = await demoActor(ctx, usernameFor('street_office', streetId));
  await client.workflow.getHandle(firstReport).executeUpdate(submitReportUpdate, { args: [{ actor: secretary, input: { content: REPORT_TEXT } }] });
  await waitForStage(client, firstReport, 'upward');
  await client.workflow.getHandle(firstReport).executeUpdate(scoreUpwardUpdate, { args: [{ actor: street, input: { score: 88, comment: '党建引领基层治理成效明显' } }] });
  await client.workflow.getHandle(firstReport).executeUpdate(askQuestionUpdate, { args: [{ actor: street, input: { question: '"红色物业"项目的居民满意度如何测评?' } }] });

  const secretary2 = await demoActor(ctx, usernameFor('community', second));
  await client.workflow.getHandle(secondReport).executeUpdate(submitReportUpdate, { args: [{ actor: secretary2, input: { content: REPORT_TEXT } }] });
  ctx.log(`reporting demo: cycle ${cycleId} in progress`);
}
