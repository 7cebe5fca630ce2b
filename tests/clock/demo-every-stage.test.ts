// Demo data under CLOCK=virtual (issue 11 item 1): the first-start seeds
// carry a mediation case through 司法确认 and 回访, and a 双向述职 cycle
// through every community's vote to its results, moving the engine's clock
// as they go. What a newcomer then sees is read back through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { uniqueSuffix } from '../helpers/db';
import { chinaYear } from '../../domain/reporting';
import { seedMediationThroughEveryStage } from '../../seeds/mediation';
import { seedReportingThroughResults } from '../../seeds/reporting';
import type { SeedContext } from '../../seeds';

const STREET = 'qindu-chenyang';
const MEDIATOR = 'mediator.qindu-renmin-beidou';

let p: TestPlatform;
let ctx: SeedContext;
// Other files share the database: a year of its own keeps this street's reports apart.
let year: number;
const title = `漏水赔偿·全流程演示 ${uniqueSuffix()}`;

beforeAll(async () => {
  p = await startTestPlatform({ virtualClock: true });
  year = chinaYear(p.now()) + 7;
  ctx = { prisma: p.prisma, log: () => {}, temporal: p.client, taskQueue: p.taskQueue, advance: (ms) => p.advanceTime(ms), now: () => p.now() };
});
afterAll(() => p?.close());

describe('demo data at first start in virtual mode', () => {
  it('a mediation case reaches 司法确认 and 回访, and running the seed again changes nothing', async () => {
    const started = p.now().getTime();
    await seedMediationThroughEveryStage(ctx, { title });
    // The 回访 opens 10 working days after the agreement: the clock moved at least two weeks.
    expect(p.now().getTime() - started).toBeGreaterThanOrEqual(13 * 86_400_000);

    const mediator = await p.as(MEDIATOR);
    const row = await p.prisma.mediationCase.findFirstOrThrow({ where: { title } });
    const res = await mediator.get(`/api/mediation-cases/${row.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toMatchObject({
      // After the 回访 the case is done.
      stage: 'closed',
      outcome: 'agreement',
      judicial: { status: 'confirmed', court: '咸阳市秦都区人民法院', rulingNo: expect.stringContaining('民特') },
      followUp: { result: 'fulfilled', visitedAt: expect.any(String) },
    });
    const actions = res.body.timeline.map((e: { action: string }) => e.action);
    for (const a of ['acceptCase', 'recordSession', 'recordAgreement', 'applyJudicialConfirmation', 'recordCourtAcceptance', 'recordCourtDecision', 'recordFollowUp']) expect(actions).toContain(a);
    // Nothing is left in the mediator's inbox for this case.
    expect(res.body.pendingTasks ?? []).toEqual([]);

    await seedMediationThroughEveryStage(ctx, { title });
    expect(await p.prisma.mediationCase.count({ where: { title } })).toBe(1);
  });

  it('a 双向述职 cycle reaches every community’s vote and its published results', async () => {
    await seedReportingThroughResults(ctx, { streetId: STREET, year });

    const district = await p.as('district_org.qindu');
    const results = await p.waitFor(async () => {
      const r = await district.get(`/api/reporting/results?unitId=${STREET}&year=${year}`);
      return r.status === 200 && r.body.items.length === 3 && r.body.items.every((i: { final: boolean }) => i.final) ? r.body.items : null;
    });
    for (const r of results) {
      // Every representative on the roll voted, so each community's vote counted.
      const votes = Object.values(r.tally as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(votes, r.communityId).toBe(7);
      expect(r.gradeLabel, r.communityId).toEqual(expect.any(String));
    }
    // The ratings differ: the demo shows more than one grade.
    expect(new Set(results.map((r: { grade: string }) => r.grade)).size).toBeGreaterThan(1);

    const report = await district.get(`/api/reporting/${results[0].reportId}`);
    expect(report.status).toBe(200);
    expect(['completed', 'rectification']).toContain(report.body.stage);
    expect(report.body.state.voteRounds.at(-1)).toMatchObject({ status: 'closed', voted: 7, rollSize: 7 });
  });
});
