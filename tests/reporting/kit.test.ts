// 双向述职 on the process kit, through the API with the real worker and
// engine: the inbox follows the machine's pendingTasks in the same save as
// the step (a task closes as its action is taken, by whoever took it; a
// round that closes cancels the ballots not cast), no activity opens or
// closes a task by hand, and a report started before the kit (no `kit` in
// its input) still runs its old code to the next step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPORTING_RULES, chinaYear } from '../../domain/reporting';
import type { ReportingCommunityInput } from '../../workflows/reporting-shared';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { localActivityTypeOf } from '../helpers/histories';
import { DAY, act, actOk, repsOf, secretaryOf, streetOfficeOf, waitForStage } from './helpers';

const STREET = 'qindu-chenyang';
// Years no other file uses for this street (yearly.test runs the years ahead).
const YEARS_BACK = 9;

let p: TestPlatform;
let year: number;
let communities: Array<{ id: string; name: string; path: string }>;
const rid = (c: string) => `reporting-${c}-${year}`;

beforeAll(async () => {
  p = await startTestPlatform();
  year = chinaYear(p.now()) - YEARS_BACK;
  communities = await p.prisma.unit.findMany({ where: { parentId: STREET, level: 'community' }, orderBy: { id: 'asc' }, select: { id: true, name: true, path: true } });
});
afterAll(() => p?.close());

const tasksOf = (workflowId: string) => p.prisma.humanTask.findMany({ where: { workflowId }, orderBy: { key: 'asc' } });
const personId = async (username: string) => (await p.prisma.person.findUniqueOrThrow({ where: { username } })).id;

describe('双向述职 on the process kit', () => {
  it('keeps the inbox in step with the report, from the one save of each step', async () => {
    expect((await (await p.as('district_org.qindu')).post('/api/reporting/cycles').send({ unitId: STREET, year })).status).toBe(202);
    const c = communities[0].id;
    const id = rid(c);
    await waitForStage(p, id, 'report');
    await p.waitFor(async () => (await tasksOf(id)).some((t) => t.key === 'report' && t.status === 'open'));

    // The report's answer comes after its save: the task is already done, by the secretary.
    await actOk(p, secretaryOf(c), id, 'submitReport', { content: '年度述职报告' });
    const [report] = (await tasksOf(id)).filter((t) => t.key === 'report');
    expect(report).toMatchObject({ status: 'done', completedById: await personId(secretaryOf(c)) });
    await waitForStage(p, id, 'upward');
    await actOk(p, streetOfficeOf(STREET), id, 'scoreUpward', { score: 86 });
    const asked = await actOk(p, streetOfficeOf(STREET), id, 'askQuestion', { question: '老旧小区改造进度?' });
    expect(asked).toMatchObject({ questionId: 'q1', message: '提出质询' });
    expect((await tasksOf(id)).filter((t) => t.status === 'open').map((t) => t.key)).toEqual(['answer-q1', 'upward']);
    await actOk(p, secretaryOf(c), id, 'answerQuestion', { questionId: 'q1', answer: '已完成 80%' });
    await actOk(p, streetOfficeOf(STREET), id, 'closeUpward');
    expect((await tasksOf(id)).find((t) => t.key === 'upward')).toMatchObject({ status: 'done', completedById: await personId(streetOfficeOf(STREET)) });
    await waitForStage(p, id, 'downward');
    await actOk(p, secretaryOf(c), id, 'recordDownward', { heldOn: `${year}-12-10`, attendees: 35, summary: '会议纪要' });
    await waitForStage(p, id, 'vote');

    // Two of seven vote: their tasks are done by them, the other five still open.
    const reps = repsOf(c);
    for (const rep of reps.slice(0, 2)) await actOk(p, rep, id, 'castVote', { choice: 'satisfied' });
    const round1 = (await tasksOf(id)).filter((t) => t.key.startsWith('vote-1-'));
    expect(round1).toHaveLength(7);
    const voters = await Promise.all(reps.slice(0, 2).map(personId));
    for (const t of round1) {
      if (voters.includes(t.assigneeId!)) expect(t).toMatchObject({ status: 'done', completedById: t.assigneeId });
      else expect(t.status).toBe('open');
    }

    // The window closes without quorum: the ballots not cast are cancelled and the re-run asks everyone again.
    await p.advanceTime(8 * DAY);
    const rerun = await p.waitFor(async () => {
      const tasks = await tasksOf(id);
      return tasks.filter((t) => t.key.startsWith('vote-2-') && t.status === 'open').length === 7 ? tasks : null;
    });
    expect(rerun.filter((t) => t.key.startsWith('vote-1-') && t.status === 'cancelled')).toHaveLength(5);
    expect(await p.prisma.reportingVoteParticipation.count({ where: { reportId: id, round: 1 } })).toBe(2);
    expect(await p.prisma.reportingBallot.count({ where: { reportId: id, round: 1 } })).toBe(2);

    // Every step was saved by the one save activity: nothing opened, closed or notified by hand.
    // They ran local first (workflows/kit/local-first.ts): each is a marker naming its activity.
    const history = await p.client.workflow.getHandle(id).fetchHistory();
    const local = (history.events ?? []).map(localActivityTypeOf).filter(Boolean);
    expect(local.length).toBeGreaterThan(0);
    const activities = new Set([...(history.events ?? []).map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name).filter(Boolean), ...local]);
    // Its periods were computed in the workflow, on the calendar it took once (workflows/kit/calendar.ts), and
    // again after each save refused for a calendar changed meanwhile (other test files load years as it runs).
    expect([...activities].sort()).toEqual(['loadWorkCalendar', 'reportingFixRoll', 'reportingProjectResults', 'reportingSaveStep']);
    const calendarRefusals = (history.events ?? []).filter((e) => e.markerRecordedEventAttributes?.failure?.applicationFailureInfo?.type === 'CALENDAR_CHANGED');
    expect(local.filter((name) => name === 'loadWorkCalendar')).toHaveLength(1 + calendarRefusals.length);
  });

  it('still runs a report started before the kit on the code it was started with', async () => {
    const c = communities[1];
    // The year before: one report per community and year.
    const id = `reporting-${c.id}-${year - 1}`;
    const street = await p.prisma.unit.findUniqueOrThrow({ where: { id: STREET }, select: { id: true, name: true, path: true } });
    const input: ReportingCommunityInput = { reportId: id, cycleId: `reporting-cycle-${STREET}-${year}`, year: year - 1, community: c, street, rules: DEFAULT_REPORTING_RULES };
    await p.client.workflow.start('reportingCommunity', { workflowId: id, taskQueue: p.taskQueue, args: [input] });
    await waitForStage(p, id, 'report');
    await actOk(p, secretaryOf(c.id), id, 'submitReport', { content: '旧版本启动的述职' });
    await waitForStage(p, id, 'upward');
    // Its validators judge by the machine's rules, over the old code's state.
    expect((await act(p, streetOfficeOf(STREET), id, 'closeUpward')).body).toMatchObject({ code: 'QUESTIONS_UNANSWERED', detail: '尚无街道党工委成员评分' });
    expect((await act(p, secretaryOf(c.id), id, 'submitReport', { content: '再交一次' })).body.code).toBe('WRONG_STAGE');
    // Its inbox is opened and closed by hand, as the old code did.
    const tasks = await tasksOf(id);
    expect(tasks.map((t) => [t.key, t.status])).toEqual([['report', 'done'], ['upward', 'open']]);
    const history = await p.client.workflow.getHandle(id).fetchHistory();
    const types = (history.events ?? []).map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name).filter(Boolean);
    expect(types).toContain('openHumanTask');
    expect(types).not.toContain('reportingSaveStep');
  });
});
