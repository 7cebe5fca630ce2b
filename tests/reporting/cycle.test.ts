// A full year through the API with the real worker and engine: a street's
// cycle over its three communities, from the written report to the result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { chinaYear } from '../../domain/reporting';
import { DAY, act, actOk, bringToVote, getReport, repsOf, secretaryOf, streetOfficeOf, waitForStage } from './helpers';

const STREET = 'qindu-renmin';
const FURONG = 'qindu-renmin-furong';
const YONGCHANG = 'qindu-renmin-yongchang';
const BEIDOU = 'qindu-renmin-beidou';

let p: TestPlatform;
let year: number;
const rid = (c: string) => `reporting-${c}-${year}`;

beforeAll(async () => {
  p = await startTestPlatform();
  year = chinaYear(p.now());
});
afterAll(() => p?.close());

describe('双向述职: a full cycle over a street', () => {
  it('district_org starts the cycle once; it creates one report per community', async () => {
    const district = await p.as('district_org.qindu');
    const key = `cycle-${STREET}-${year}-${Date.now()}`;
    const started = await district.post('/api/reporting/cycles').set('Idempotency-Key', key).send({ unitId: STREET, year });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body.cycleId).toBe(`reporting-cycle-${STREET}-${year}`);
    // Its answer lost (nothing stored under the key), the resend is told the cycle it started.
    const starter = await p.prisma.person.findUniqueOrThrow({ where: { username: 'district_org.qindu' } });
    expect((await p.prisma.idempotencyRecord.deleteMany({ where: { personId: starter.id, key } })).count).toBe(1);
    const resent = await district.post('/api/reporting/cycles').set('Idempotency-Key', key).send({ unitId: STREET, year });
    expect([resent.status, resent.body]).toEqual([202, started.body]);

    const again = await district.post('/api/reporting/cycles').send({ unitId: STREET, year });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_DONE');
    expect((await district.post('/api/reporting/cycles').set('Idempotency-Key', `${key}-again`).send({ unitId: STREET, year })).body.code).toBe('ALREADY_DONE');

    const streetOffice = await p.as(streetOfficeOf(STREET));
    expect((await streetOffice.post('/api/reporting/cycles').send({ unitId: STREET, year })).status).toBe(403);

    for (const c of [FURONG, YONGCHANG, BEIDOU]) await waitForStage(p, rid(c), 'report');
    const list = await streetOffice.get(`/api/reporting/reports?year=${year}`);
    expect(list.body.items.map((r: { communityId: string }) => r.communityId).sort()).toEqual([BEIDOU, FURONG, YONGCHANG]);
    // a sibling street's officer sees none of them
    const sibling = await (await p.as(streetOfficeOf('qindu-xilan'))).get(`/api/reporting/reports?year=${year}`);
    expect(sibling.body.items.filter((r: { cycleId: string }) => r.cycleId.includes(STREET))).toEqual([]);
    // The district narrows its list to a street; each row names its street.
    type Listed = { communityId: string; streetId: string | null; streetName: string | null; cycleId: string };
    const byStreet = await district.get(`/api/reporting/reports?year=${year}&streetId=${STREET}`);
    expect(byStreet.status).toBe(200);
    expect(byStreet.body.items.map((r: Listed) => [r.communityId, r.streetId, r.streetName]).sort()).toEqual([BEIDOU, FURONG, YONGCHANG].map((c) => [c, STREET, '人民路街道']));
    const otherStreet = await district.get(`/api/reporting/reports?year=${year}&streetId=qindu-xilan`);
    expect(otherStreet.body.items.filter((r: Listed) => r.cycleId.includes(STREET))).toEqual([]);
    // Paged as the other lists, with the filter's total on every page.
    expect(byStreet.body.total).toBe(3);
    const pages = await Promise.all([0, 1, 2, 3].map((offset) => district.get(`/api/reporting/reports?year=${year}&streetId=${STREET}&limit=1&offset=${offset}`)));
    expect(pages.map((pg) => [pg.body.items.length, pg.body.total])).toEqual([[1, 3], [1, 3], [1, 3], [0, 3]]);
    expect(pages.slice(0, 3).map((pg) => pg.body.items[0].communityId).sort()).toEqual([BEIDOU, FURONG, YONGCHANG]);
    const tooMany = await district.get(`/api/reporting/reports?year=${year}&limit=201`);
    expect([tooMany.status, tooMany.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    const inbox = await (await p.as(secretaryOf(FURONG))).get('/api/tasks');
    expect(JSON.stringify(inbox.body)).toContain('提交述职报告');

    // A community is not a unit a cycle runs over; an unknown unit is 404.
    expect((await district.post('/api/reporting/cycles').send({ unitId: FURONG, year })).body.code).toBe('BUSINESS_RULE');
    expect((await district.post('/api/reporting/cycles').send({ unitId: 'nowhere', year })).status).toBe(404);
  });

  it('documents the reporting API in the OpenAPI document', async () => {
    const doc = await p.request.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const path of ['/api/reporting/cycles', '/api/reporting/reports', '/api/reporting/results', '/api/reporting/schedules', '/api/reporting/{id}', '/api/reporting/{id}/actions/{action}', '/api/reporting/{id}/ballots']) {
      expect(paths).toContain(path);
    }
  });

  it('an unanswered 质询 blocks the upward step until it is answered', async () => {
    const id = rid(FURONG);
    await actOk(p, secretaryOf(FURONG), id, 'submitReport', { content: '芙蓉社区年度述职报告。' });
    await waitForStage(p, id, 'upward');
    await actOk(p, streetOfficeOf(STREET), id, 'scoreUpward', { score: 95, comment: '成效明显' });
    const again = await act(p, streetOfficeOf(STREET), id, 'scoreUpward', { score: 50 });
    expect(again.body.code).toBe('ALREADY_DONE');
    const q = await actOk(p, streetOfficeOf(STREET), id, 'askQuestion', { question: '老旧小区加装电梯进展如何?' });
    expect(q.questionId).toBe('q1');

    const refused = await act(p, streetOfficeOf(STREET), id, 'closeUpward');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('QUESTIONS_UNANSWERED');

    // The window passing does not close it either.
    await p.advanceTime(20 * DAY);
    const blocked = await getReport(p, streetOfficeOf(STREET), id);
    expect(blocked.stage).toBe('upward');
    expect(blocked.timeline.map((e: { label: string }) => e.label).join('\n')).toContain('质询未答复');

    // Only the secretary answers, and then the step closes by itself (the window has passed).
    expect((await act(p, streetOfficeOf(STREET), id, 'answerQuestion', { questionId: 'q1', answer: 'x' })).status).toBe(403);
    await actOk(p, secretaryOf(FURONG), id, 'answerQuestion', { questionId: 'q1', answer: '已完成 3 部,另有 2 部在施工。' });
    await waitForStage(p, id, 'downward');
  });

  it('runs every community to its vote; the vote reaches quorum, misses it and is re-run', async () => {
    const furong = rid(FURONG);
    await actOk(p, secretaryOf(FURONG), furong, 'recordDownward', { heldOn: '2026-12-10', attendees: 45, summary: '向党员和居民代表述职' });
    await waitForStage(p, furong, 'vote');
    await bringToVote(p, rid(YONGCHANG), YONGCHANG, STREET, 85);
    await bringToVote(p, rid(BEIDOU), BEIDOU, STREET, 80);

    // 芙蓉: everyone votes 满意; the round closes when the whole roll has voted.
    for (const rep of repsOf(FURONG)) await actOk(p, rep, furong, 'castVote', { choice: 'satisfied' });
    const f = await waitForStage(p, furong, 'public_notice');
    expect(f.state.voteRounds[0]).toMatchObject({ rollSize: 7, voted: 7, outcome: 'counted', tally: { satisfied: 7, basically_satisfied: 0, dissatisfied: 0 } });
    expect(f.state.result).toMatchObject({ grade: 'excellent', combinedCenti: 9800 });
    // An objection during 公示 (answered in the next test).
    const o = await actOk(p, repsOf(FURONG)[0], furong, 'raiseObjection', { content: '建议公开加装电梯资金使用情况。' });
    expect(o.objectionId).toBe('o1');

    // 永昌路: 5 of 7 (the quorum of 2/3) vote; counted when the window ends.
    const yc = rid(YONGCHANG);
    const ycReps = repsOf(YONGCHANG);
    for (const rep of ycReps.slice(0, 4)) await actOk(p, rep, yc, 'castVote', { choice: 'satisfied' });
    await actOk(p, ycReps[4], yc, 'castVote', { choice: 'basically_satisfied', comment: '希望多开居民议事会' });

    // 北斗: 2 of 7 vote.
    const bd = rid(BEIDOU);
    for (const rep of repsOf(BEIDOU).slice(0, 2)) await actOk(p, rep, bd, 'castVote', { choice: 'satisfied' });

    await p.advanceTime(8 * DAY);
    const y = await waitForStage(p, yc, 'public_notice');
    expect(y.state.voteRounds).toHaveLength(1);
    expect(y.state.voteRounds[0]).toMatchObject({ voted: 5, quorumNeeded: 5, outcome: 'counted', tally: { satisfied: 4, basically_satisfied: 1 } });

    const b = await p.waitFor(async () => {
      const r = await getReport(p, 'district_org.qindu', bd);
      return r.state.voteRounds.length === 2 ? r : null;
    });
    expect(b.stage).toBe('vote');
    expect(b.state.voteRounds[0]).toMatchObject({ voted: 2, outcome: 'no_quorum' });
    expect(b.state.voteRounds[1]).toMatchObject({ round: 2, voted: 0, status: 'open', tally: null });
    // the re-run is a fresh round: those who voted in round 1 vote again
    for (const rep of repsOf(BEIDOU).slice(0, 6)) await actOk(p, rep, bd, 'castVote', { choice: 'satisfied' });
    await p.advanceTime(8 * DAY);
    const b2 = await waitForStage(p, bd, 'public_notice');
    expect(b2.state.voteRounds[1]).toMatchObject({ voted: 6, outcome: 'counted' });
  });

  it('takes objections during 公示, needs them answered, then keeps the results for the year', async () => {
    const furong = rid(FURONG);
    // a sibling street's officer may not answer (nor read: for them the report does not exist)
    expect((await act(p, streetOfficeOf('qindu-xilan'), furong, 'answerObjection', { objectionId: 'o1', answer: 'x', upheld: false })).status).toBe(404);

    // The other two communities' 公示 runs out; 芙蓉's period is over too (16 days have passed).
    await p.advanceTime(10 * DAY);
    // 公示 period over, objection unanswered: still in 公示, no new objections.
    const waiting = await getReport(p, streetOfficeOf(STREET), furong);
    expect(waiting.stage).toBe('public_notice');
    expect((await act(p, repsOf(FURONG)[1], furong, 'raiseObjection', { content: '迟到的异议' })).body.code).toBe('WRONG_STAGE');

    await actOk(p, streetOfficeOf(STREET), furong, 'answerObjection', { objectionId: 'o1', answer: '资金使用情况已在居务公开栏公示。', upheld: false });
    await waitForStage(p, furong, 'completed');
    await waitForStage(p, rid(YONGCHANG), 'completed');
    await waitForStage(p, rid(BEIDOU), 'completed');

    // A report shows 已完成 a moment before its result is saved as final (the next activity): wait for that.
    const results = await p.waitFor(async () => {
      const res = await (await p.as('district_org.qindu')).get(`/api/reporting/results?unitId=${STREET}&year=${year}`);
      return res.status === 200 && res.body.items.every((r: { final: boolean }) => r.final) ? res : null;
    });
    expect(results.status).toBe(200);
    const byCommunity = Object.fromEntries(results.body.items.map((r: { communityId: string }) => [r.communityId, r]));
    expect(byCommunity[FURONG]).toMatchObject({ grade: 'excellent', gradeLabel: '优秀', combinedScore: '98.00', final: true, rectificationRequired: false });
    expect(byCommunity[YONGCHANG]).toMatchObject({ final: true, tally: { satisfied: 4, basically_satisfied: 1, dissatisfied: 0 } });
    expect(Object.keys(byCommunity)).toHaveLength(3);

    await p.waitFor(async () => {
      const cycles = await (await p.as('district_org.qindu')).get(`/api/reporting/cycles?year=${year}`);
      return cycles.body.items.find((c: { id: string; status: string }) => c.id === `reporting-cycle-${STREET}-${year}` && c.status === 'completed') ?? null;
    });
  });
});
