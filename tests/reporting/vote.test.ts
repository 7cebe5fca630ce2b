// 民主评议 through the API: the roll, one ballot per person, secrecy (who
// voted what only for auditors, tally only after the window), and a poor
// rating that opens rectification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { chinaYear } from '../../domain/reporting';
import { DAY, act, actOk, bringToVote, getReport, repsOf, secretaryOf, streetOfficeOf, waitForStage } from './helpers';

const STREET = 'qindu-xilan';
const HUAFU = 'qindu-xilan-huafu';
const LANYUAN = 'qindu-xilan-lanyuan';

let p: TestPlatform;
let year: number;
const rid = (c: string) => `reporting-${c}-${year}`;

beforeAll(async () => {
  p = await startTestPlatform();
  year = chinaYear(p.now());
  const started = await (await p.as('district_org.qindu')).post('/api/reporting/cycles').send({ unitId: STREET, year });
  expect(started.status).toBe(202);
  await bringToVote(p, rid(HUAFU), HUAFU, STREET, 90);
  await bringToVote(p, rid(LANYUAN), LANYUAN, STREET, 70);
});
afterAll(() => p?.close());

describe('民主评议 vote', () => {
  it('takes one ballot per person on the roll and refuses everyone else', async () => {
    const id = rid(HUAFU);
    const reps = repsOf(HUAFU);
    // A retried request (same Idempotency-Key) replays the answer instead of voting twice.
    const voter = await p.as(reps[0]);
    const send = () => voter.post(`/api/reporting/${id}/actions/castVote`).set('Idempotency-Key', 'vote-retry-1').send({ choice: 'satisfied', comment: '办事公道' });
    const first = await send();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    // The one action result: it says the ballot was received, never the choice.
    expect(first.body).toEqual({ reportId: id, action: 'castVote', stage: 'vote', version: expect.any(Number), message: expect.not.stringMatching(/满意/), round: 1 });
    const retried = await send();
    expect(retried.status).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body).toEqual(first.body);

    const repeat = await act(p, reps[0], id, 'castVote', { choice: 'satisfied' });
    expect(repeat.status).toBe(409);
    expect(repeat.body.code).toBe('ALREADY_VOTED');
    const change = await act(p, reps[0], id, 'castVote', { choice: 'dissatisfied' });
    expect(change.body.code).toBe('ALREADY_VOTED');

    // A representative of another community cannot read this report: for them it does not exist.
    const outsider = await act(p, repsOf(LANYUAN)[0], id, 'castVote', { choice: 'satisfied' });
    expect([outsider.status, outsider.body.code]).toEqual([404, 'NOT_FOUND']);
    // Nor is one appointed after the roll was fixed.
    const late = await p.prisma.person.findUniqueOrThrow({ where: { username: repsOf('qindu-xilan-xinghuo')[6] } });
    await p.prisma.roleAssignment.create({ data: { personId: late.id, role: 'resident_rep', unitId: HUAFU } });
    expect((await act(p, repsOf('qindu-xilan-xinghuo')[6], id, 'castVote', { choice: 'satisfied' })).body.code).toBe('NOT_ON_ROLL');
    // A street officer holds no representative role at all.
    expect((await act(p, streetOfficeOf(STREET), id, 'castVote', { choice: 'satisfied' })).body.code).toBe('FORBIDDEN_ROLE');
    // Only the three choices exist.
    expect((await act(p, reps[1], id, 'castVote', { choice: 'abstain' })).status).toBe(400);

    const mine = await getReport(p, reps[0], id);
    expect(mine.myVote).toEqual({ round: 1, onRoll: true, voted: true });
  });

  it('hides the tally until the window closes, and who voted what from all but auditors', async () => {
    const id = rid(HUAFU);
    const reps = repsOf(HUAFU);
    await actOk(p, reps[1], id, 'castVote', { choice: 'basically_satisfied' });
    await actOk(p, reps[2], id, 'castVote', { choice: 'dissatisfied', comment: '停车难问题未解决' });
    for (const rep of reps.slice(3, 5)) await actOk(p, rep, id, 'castVote', { choice: 'satisfied' });

    const open = await getReport(p, streetOfficeOf(STREET), id);
    expect(open.state.voteRounds[0]).toMatchObject({ status: 'open', voted: 5, rollSize: 7, tally: null });
    // Apart from the rule set (which names the choices), nothing names a choice while the round is open.
    const { rules: _rules, ...rest } = open.state;
    expect(JSON.stringify({ ...open, state: rest })).not.toMatch(/satisfied/);
    expect((await (await p.as('auditor.qindu')).get(`/api/reporting/${id}/ballots`)).body.code).toBe('BALLOTS_SEALED');
    // While the window is open organisers and representatives see the turnout only; who voted is for auditors.
    const castVotes = (r: { timeline: Array<{ action: string }> }) => r.timeline.filter((e) => e.action === 'castVote');
    expect(castVotes(open)).toHaveLength(0);
    for (const reader of [secretaryOf(HUAFU), 'district_org.qindu', 'admin.qindu', reps[5]]) {
      const seen = await getReport(p, reader, id);
      expect(castVotes(seen), reader).toHaveLength(0);
      expect(seen.state.voteRounds[0].voted, reader).toBe(5);
    }
    expect(castVotes(await getReport(p, 'auditor.qindu', id))).toHaveLength(5);
    // Nor do the done vote tasks of others show in another representative's inbox.
    const doneTasks = await (await p.as(reps[5])).get('/api/tasks?status=done&process=reporting');
    expect(doneTasks.status).toBe(200);
    expect(doneTasks.body.items.filter((t: { action: string }) => t.action === 'vote')).toHaveLength(0);

    await p.advanceTime(8 * DAY);
    const closed = await waitForStage(p, id, 'public_notice', streetOfficeOf(STREET));
    expect(closed.state.voteRounds[0]).toMatchObject({ status: 'closed', tally: { satisfied: 3, basically_satisfied: 1, dissatisfied: 1 } });
    // Participation is in the timeline, the choice is not.
    const votes = closed.timeline.filter((e: { action: string }) => e.action === 'castVote');
    expect(votes).toHaveLength(5);
    expect(JSON.stringify(votes)).not.toMatch(/satisfied/);

    // A street officer (and the secretary) may not open the ballots.
    const street = await (await p.as(streetOfficeOf(STREET))).get(`/api/reporting/${id}/ballots`);
    expect(street.status).toBe(403);
    expect((await (await p.as(secretaryOf(HUAFU))).get(`/api/reporting/${id}/ballots`)).status).toBe(403);
    // An auditor of another street may not either.
    expect((await (await p.as('auditor.qindu-renmin')).get(`/api/reporting/${id}/ballots`)).body.code).toBe('FORBIDDEN_SCOPE');

    const audit = await (await p.as('auditor.qindu')).get(`/api/reporting/${id}/ballots`);
    expect(audit.status).toBe(200);
    expect(audit.body.roll).toHaveLength(7);
    expect(audit.body.ballots).toHaveLength(5);
    const third = await p.prisma.person.findUniqueOrThrow({ where: { username: reps[2] } });
    expect(audit.body.ballots.find((b: { personId: string }) => b.personId === third.id)).toMatchObject({ choice: 'dissatisfied', comment: '停车难问题未解决' });
    // The reading is audited.
    expect(await p.prisma.auditLog.count({ where: { action: 'viewBallots', subjectId: id } })).toBeGreaterThan(0);
  });

  it('rates a vote failing the branch rule 不称职 and opens rectification with an inbox task', async () => {
    const id = rid(LANYUAN);
    const reps = repsOf(LANYUAN);
    // Round 1 ran out empty while the previous test moved time on; this is the re-run.
    // 6 of 7 vote (quorate), but only 3 yes: not more than half of 应到会 (7).
    for (const rep of reps.slice(0, 3)) await actOk(p, rep, id, 'castVote', { choice: 'satisfied' });
    for (const rep of reps.slice(3, 6)) await actOk(p, rep, id, 'castVote', { choice: 'dissatisfied' });
    await p.advanceTime(8 * DAY);
    const notice = await waitForStage(p, id, 'public_notice');
    expect(notice.state.voteRounds.map((r: { outcome: string }) => r.outcome)).toEqual(['no_quorum', 'counted']);
    expect(notice.state.voteRounds[1].verdict).toMatchObject({ yes: 3, shouldAttend: 7, needed: 4, passed: false });
    expect(notice.state.result).toMatchObject({ grade: 'incompetent', needsRectification: true });

    await p.advanceTime(10 * DAY);
    const rect = await waitForStage(p, id, 'rectification');
    expect(rect.state.rectification.status).toBe('open');
    const inbox = await (await p.as(secretaryOf(LANYUAN))).get('/api/tasks');
    expect(JSON.stringify(inbox.body)).toContain('整改');

    await actOk(p, secretaryOf(LANYUAN), id, 'submitRectification', { plan: '一、建立居民议事会;二、每季度公开居务。' });
    const back = await act(p, streetOfficeOf(STREET), id, 'reviewRectification', { accepted: false });
    expect(back.status).toBe(400); // a return needs its reason
    await actOk(p, streetOfficeOf(STREET), id, 'reviewRectification', { accepted: false, comment: '措施不够具体,请明确时间节点' });
    await actOk(p, secretaryOf(LANYUAN), id, 'submitRectification', { plan: '一、1 月底前建立居民议事会;二、每季度第一周公开居务。' });
    await actOk(p, streetOfficeOf(STREET), id, 'reviewRectification', { accepted: true });
    await waitForStage(p, id, 'completed');

    // The results table is written by the step after the report's own save: wait for it.
    const district = await p.as('district_org.qindu');
    const lanyuan = await p.waitFor(async () => {
      const results = await district.get(`/api/reporting/results?unitId=${STREET}&year=${year}`);
      const row = results.body.items.find((r: { communityId: string }) => r.communityId === LANYUAN);
      return row?.final ? row : null;
    });
    expect(lanyuan).toMatchObject({ grade: 'incompetent', gradeLabel: '不称职', rectificationRequired: true, rectificationStatus: 'accepted', final: true });
  });
});
