// Demo 双向述职: the yearly schedule of the demo district, and a cycle in
// progress over 人民路街道 with its three communities at different steps
// (in path order — 北斗, 芙蓉, 永昌路: report in, scored and a 质询 open;
// report in, upward step open; report not yet handed in).
// Workflows need the engine: without a Temporal client in the context
// (the test global setup runs the base seeds only) the seed does nothing.
// Idempotent: an existing cycle or schedule is left as it is.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { toLocalDate, yearOf } from '../domain/calendar';
import type { Actor } from '../domain/access';
import { actOnReport } from '../api/reporting/act-on-report';
import type { ReportAction, VoteChoice } from '../domain/reporting';
import { workflowIds } from '../domain/reporting';
import type { reportingCycle, reportingYearly } from '../workflows/reporting';
import { askQuestionUpdate, reportStateQuery, scoreUpwardUpdate, submitReportUpdate } from '../workflows/reporting-shared';
import { TASK_QUEUE } from '../workflows/task-queue';
import { DEMO, RESIDENT_REPS_PER_COMMUNITY, usernameFor } from './demo-org';
import { seedNow, type SeedContext } from './types';
import { demoActor, useCaseDeps } from './use-cases';

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
  const year = options.year ?? yearOf(seedNow(ctx));
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

const DAY_MS = 86_400_000;

async function reportStage(ctx: SeedContext, reportId: string): Promise<string | null> {
  return (await ctx.prisma.reportingReport.findUnique({ where: { id: reportId }, select: { stage: true } }))?.stage ?? null;
}

async function waitForReportStage(ctx: SeedContext, reportId: string, stages: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!stages.includes((await reportStage(ctx, reportId)) ?? '')) {
    if (Date.now() > deadline) throw new Error(`reporting demo: ${reportId} did not reach ${stages.join(' or ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * CLOCK=virtual: a 双向述职 cycle over one street carried to its results —
 * every community's secretary reports, the street office scores and closes
 * the upward step, the downward meeting is recorded, every representative
 * on the roll votes, and the clock is moved past the vote window and the
 * 公示 until each report is completed with its rating. Acts through the
 * same use case as `POST /api/reporting/{id}/actions/{action}`.
 */
export async function seedReportingThroughResults(ctx: ReportingSeedContext, options: ReportingSeedOptions = {}): Promise<void> {
  const { advance, temporal: client } = ctx;
  if (!advance || !client) return;
  const now = () => seedNow(ctx);
  const year = options.year ?? yearOf(now());
  const streetId = options.streetId ?? 'qindu-chenyang';
  const cycleId = workflowIds.cycle(streetId, year);
  try {
    await client.workflow.start<typeof reportingCycle>('reportingCycle', { workflowId: cycleId, taskQueue: ctx.taskQueue ?? TASK_QUEUE, args: [{ unitId: streetId, year, trigger: 'manual', startedById: null }] });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return; // seeded before
    throw err;
  }
  const deps = useCaseDeps(ctx, client);
  const communities = await ctx.prisma.unit.findMany({ where: { parentId: streetId, level: 'community' }, orderBy: { path: 'asc' }, select: { id: true } });
  const street = await demoActor(ctx, usernameFor('street_office', streetId));
  const act = async (username: string | Actor, id: string, action: ReportAction, body: Record<string, unknown> = {}) =>
    actOnReport({ deps, actor: typeof username === 'string' ? await demoActor(ctx, username) : username, id, action, body });

  // Downward grades vary by community, so the results show more than one rating.
  const ballots: VoteChoice[][] = [
    ['satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'satisfied'],
    ['satisfied', 'basically_satisfied', 'satisfied', 'basically_satisfied', 'satisfied', 'dissatisfied', 'satisfied'],
    ['basically_satisfied', 'satisfied', 'basically_satisfied', 'satisfied', 'dissatisfied', 'satisfied', 'basically_satisfied'],
  ];
  const reportIds: string[] = [];
  for (const [i, { id: communityId }] of communities.entries()) {
    const id = workflowIds.report(communityId, year);
    reportIds.push(id);
    const secretary = usernameFor('community', communityId);
    await waitForReportStage(ctx, id, ['report']);
    await act(secretary, id, 'submitReport', { content: REPORT_TEXT });
    await waitForReportStage(ctx, id, ['upward']);
    await act(street, id, 'scoreUpward', { score: 92 - 4 * i, comment: '党建引领基层治理成效明显' });
    await act(street, id, 'closeUpward');
    await waitForReportStage(ctx, id, ['downward']);
    await act(secretary, id, 'recordDownward', { heldOn: toLocalDate(now()), attendees: 45, summary: '向党员和居民代表会议述职,现场答复居民提问' });
    await waitForReportStage(ctx, id, ['vote']);
    const choices = ballots[i % ballots.length]!;
    for (let n = 1; n <= RESIDENT_REPS_PER_COMMUNITY; n++) {
      await act(usernameFor('resident_rep', communityId, n), id, 'castVote', { choice: choices[(n - 1) % choices.length] });
    }
  }
  // The vote window and then the 公示 run out on the clock; a poor rating
  // would open rectification, which the demo leaves open for the secretary.
  for (let days = 0; ; days++) {
    const stages = await Promise.all(reportIds.map((id) => reportStage(ctx, id)));
    if (stages.every((s) => s === 'completed' || s === 'rectification')) break;
    if (days > 90) throw new Error(`reporting demo: ${cycleId} did not reach its results (${stages.join(', ')})`);
    await advance(DAY_MS);
  }
  ctx.log(`reporting demo through results: ${cycleId}`);
}
