// 双向述职 through the inbox, with the real API, worker and engine: the
// reporting route asks the inbox first, as the project and mediation routes
// do, so a deputy scores the upward step "代 X"; a 民主评议 vote is personal
// and secret, so every inbox operation on a vote task — 转交, 委派, 抄送,
// 代理, 批量办理, a comment — is refused with PERSONAL_TASK and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLocalDate } from '../../domain/calendar';
import { chinaYear } from '../../domain/reporting';
import type { RoleName } from '../../domain/roles';
import { uniqueSuffix } from '../helpers/db';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { act, actOk, repsOf, secretaryOf, waitForStage } from '../reporting/helpers';

// A street and year no other suite uses.
const STREET = 'qindu-xilan';
const COMMUNITY = 'qindu-xilan-huafu';
const YEARS_BACK = 11;

let p: TestPlatform;
let id: string;
const extras: string[] = [];

beforeAll(async () => {
  p = await startTestPlatform();
  const year = chinaYear(p.now()) - YEARS_BACK;
  const started = await (await p.as('district_org.qindu')).post('/api/reporting/cycles').send({ unitId: STREET, year });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  id = `reporting-${COMMUNITY}-${year}`;
  await waitForStage(p, id, 'report');
});
afterAll(async () => {
  await p?.prisma.outOfOfficeProxy.deleteMany({ where: { OR: [{ personId: { in: extras } }, { deputyId: { in: extras } }] } });
  await p?.prisma.person.deleteMany({ where: { id: { in: extras } } });
  await p?.close();
});

async function extraPerson(role: RoleName, unitId: string): Promise<{ username: string; id: string; displayName: string }> {
  const template = await p.prisma.person.findFirstOrThrow({ where: { username: secretaryOf(COMMUNITY) } });
  const username = `${role}.${unitId}.r${uniqueSuffix()}`;
  const person = await p.prisma.person.create({
    data: { username, displayName: `备岗${uniqueSuffix().slice(-4)}`, passwordHash: template.passwordHash, roles: { create: { role, unitId } } },
  });
  extras.push(person.id);
  return { username, id: person.id, displayName: person.displayName };
}

const post = async (username: string, path: string, body: object = {}) => (await p.as(username)).post(path).send(body);
const get = async (username: string, path: string) => (await p.as(username)).get(path);
const today = () => toLocalDate(p.now());
const openTask = (action: string, assigneeId?: string) =>
  p.waitFor(() => p.prisma.humanTask.findFirst({ where: { workflowId: id, status: 'open', action, ...(assigneeId ? { assigneeId } : {}) } }));

describe('双向述职 and the inbox', () => {
  it('代理: a deputy from another street sees the upward step "代 X", scores and closes it for the principal', async () => {
    await actOk(p, secretaryOf(COMMUNITY), id, 'submitReport', { content: '华府御园社区年度述职报告。' });
    await waitForStage(p, id, 'upward');
    const task = await openTask('scoreUpward');
    expect(task.assigneeId).toBeNull();

    const principal = await extraPerson('street_office', STREET);
    const deputy = await extraPerson('street_office', 'qindu-renmin');
    const stranger = await extraPerson('street_office', 'qindu-renmin');
    // Before any arrangement the deputy cannot even see the report.
    expect((await act(p, deputy.username, id, 'scoreUpward', { score: 88 })).status).toBe(404);
    const named = await post(principal.username, '/api/me/proxies', { deputyId: deputy.id, startsOn: today(), endsOn: today(), reason: '外出学习' });
    expect(named.status, JSON.stringify(named.body)).toBe(201);

    const listed = await get(deputy.username, '/api/tasks?process=reporting');
    expect(listed.body.items.find((t: any) => t.id === task.id)).toMatchObject({ claimable: true, onBehalfOf: { personId: principal.id, displayName: principal.displayName } });
    expect((await get(stranger.username, '/api/tasks?process=reporting')).body.items.map((t: any) => t.id)).not.toContain(task.id);
    expect((await act(p, stranger.username, id, 'scoreUpward', { score: 10 })).status).toBe(404);

    const scored = await act(p, deputy.username, id, 'scoreUpward', { score: 88, comment: '代为评分' });
    expect(scored.status, JSON.stringify(scored.body)).toBe(200);
    expect((await act(p, deputy.username, id, 'closeUpward')).status).toBe(200);
    await waitForStage(p, id, 'downward');
    const lines = await p.prisma.taskEvent.findMany({ where: { workflowId: id, action: 'actAsDeputy' }, orderBy: { at: 'asc' } });
    expect(lines.map((l) => [l.actorId, l.onBehalfOfId, l.summary])).toEqual([
      [deputy.id, principal.id, expect.stringContaining('向上述职评分')],
      [deputy.id, principal.id, expect.stringContaining('结束向上述职')],
    ]);
    const report = await get('district_org.qindu', `/api/reporting/${id}`);
    expect(JSON.stringify(report.body.timeline)).toContain(principal.displayName);
    // The inbox's lines (代 X 办理) are in the report's timeline, between its own.
    expect(report.body.timeline.filter((e: any) => e.source === 'inbox').map((e: any) => e.action)).toEqual(['actAsDeputy', 'actAsDeputy']);
  });

  it('a vote task is never transferred, delegated, copied, batch-approved, commented or cast by a deputy; the voter casts it', async () => {
    await actOk(p, secretaryOf(COMMUNITY), id, 'recordDownward', { heldOn: '2026-12-10', attendees: 30, summary: '向党员和居民代表述职' });
    await waitForStage(p, id, 'vote');
    const [voterName, colleagueName] = repsOf(COMMUNITY);
    const voter = await p.prisma.person.findUniqueOrThrow({ where: { username: voterName! } });
    const colleague = await p.prisma.person.findUniqueOrThrow({ where: { username: colleagueName! } });
    const vote = await openTask('castVote', voter.id);
    const deputy = await extraPerson('resident_rep', 'qindu-renmin-furong');
    const named = await post(voter.username, '/api/me/proxies', { deputyId: deputy.id, startsOn: today(), endsOn: today(), reason: '外出' });
    expect(named.status, JSON.stringify(named.body)).toBe(201);
    const before = {
      events: await p.prisma.taskEvent.count({ where: { taskId: vote.id } }),
      readers: await p.prisma.recordReader.count({ where: { process: 'reporting', subjectId: id } }),
    };

    const refusals = [
      await post(voter.username, `/api/tasks/${vote.id}/actions/transferTask`, { toPersonId: colleague.id, reason: '请代投' }),
      await post(voter.username, `/api/tasks/${vote.id}/actions/delegateTask`, { toPersonId: colleague.id, note: '请帮我看看' }),
      await post(voter.username, `/api/tasks/${vote.id}/actions/ccTask`, { personIds: [colleague.id] }),
      await post(voter.username, `/api/tasks/${vote.id}/actions/commentTask`, { body: '我投满意' }),
      await act(p, deputy.username, id, 'castVote', { choice: 'satisfied' }),
    ];
    expect(refusals.map((r) => [r.status, r.body.code])).toEqual(Array(5).fill([403, 'PERSONAL_TASK']));
    expect(refusals[0]!.body.detail).toMatch(/本人/);
    const batch = await post(voter.username, '/api/tasks/actions/batchApprove', { items: [{ taskId: vote.id, input: { choice: 'satisfied' } }] });
    expect(batch.body).toMatchObject({ done: 0, results: [{ ok: false, code: 'PERSONAL_TASK' }] });
    // A vote task is not in the deputy's list either.
    expect((await get(deputy.username, '/api/tasks')).body.items.map((t: any) => t.id)).not.toContain(vote.id);

    expect(await p.prisma.humanTask.findUniqueOrThrow({ where: { id: vote.id } })).toMatchObject({ status: 'open', assigneeId: voter.id, transferredAt: null });
    expect(await p.prisma.taskEvent.count({ where: { taskId: vote.id } })).toBe(before.events);
    expect(await p.prisma.recordReader.count({ where: { process: 'reporting', subjectId: id } })).toBe(before.readers);
    expect(await p.prisma.taskDelegation.count({ where: { taskId: vote.id } })).toBe(0);

    // 催办 of a vote is allowed (a reminder to vote), but never shown in the report's timeline: it would tell who has not voted.
    expect((await post(secretaryOf(COMMUNITY), `/api/tasks/${vote.id}/actions/urgeTask`, { message: '请尽快投票' })).status).toBe(200);
    const urged = await get('district_org.qindu', `/api/reporting/${id}`);
    expect(urged.body.timeline.filter((e: any) => e.source === 'inbox').map((e: any) => e.action)).not.toContain('urgeTask');
    expect(JSON.stringify(urged.body.timeline)).not.toContain(voter.displayName);
    const cast = await act(p, voter.username, id, 'castVote', { choice: 'satisfied' });
    expect(cast.status, JSON.stringify(cast.body)).toBe(200);
    await p.waitFor(async () => (await p.prisma.humanTask.findUniqueOrThrow({ where: { id: vote.id } })).status === 'done');
    // The voter's done vote is listed to them alone, never to another representative of the community.
    expect((await get(voter.username, '/api/tasks?status=done&process=reporting')).body.items.map((t: any) => t.id)).toContain(vote.id);
    expect((await get(colleague.username, '/api/tasks?status=done&process=reporting')).body.items.map((t: any) => t.id)).not.toContain(vote.id);
  });
});
