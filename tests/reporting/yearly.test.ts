// The yearly schedule: a long-running workflow that starts each year's cycle
// by itself (timers + continue-as-new), next to district_org's manual start.
// Also: reminders before a deadline and escalation after it, through the queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { DEFAULT_REPORTING_RULES, cycleStartFor, nextScheduledYear } from '../../domain/reporting';
import { DAY, getReport, secretaryOf } from './helpers';

const STREET = 'qindu-chenyang';
const WENHUA = 'qindu-chenyang-wenhua';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform();
});
afterAll(() => p?.close());

async function cycleOf(year: number) {
  const res = await (await p.as('district_org.qindu')).get(`/api/reporting/cycles?year=${year}`);
  return res.body.items.find((c: { id: string }) => c.id === `reporting-cycle-${STREET}-${year}`) ?? null;
}

describe('yearly schedule', () => {
  it('starts each year\'s cycle by itself, the next year too, and skips a year started by hand', async () => {
    const district = await p.as('district_org.qindu');
    const enabled = await district.post('/api/reporting/schedules').send({ unitId: STREET });
    expect(enabled.status, JSON.stringify(enabled.body)).toBe(201);
    expect(enabled.body.workflowId).toBe(`reporting-yearly-${STREET}`);
    expect((await district.post('/api/reporting/schedules').send({ unitId: STREET })).body.created).toBe(false);
    expect((await (await p.as(secretaryOf(WENHUA))).post('/api/reporting/schedules').send({ unitId: STREET })).status).toBe(403);

    const first = nextScheduledYear(p.now(), DEFAULT_REPORTING_RULES.yearlyStart);
    const firstStart = cycleStartFor(first, DEFAULT_REPORTING_RULES.yearlyStart);
    const schedules = await p.waitFor(async () => {
      const res = await district.get('/api/reporting/schedules');
      return res.body.items.find((s: { unitId: string; nextYear: number | null }) => s.unitId === STREET && s.nextYear === first) ?? null;
    });
    expect(schedules.nextStartAt).toBe(firstStart.toISOString());
    expect(await cycleOf(first)).toBeNull();

    await p.advanceTime(firstStart.getTime() - p.now().getTime() + 1000);
    const c1 = await p.waitFor(() => cycleOf(first));
    expect(c1).toMatchObject({ trigger: 'schedule', communityCount: 3 });

    // district_org starts the following year by hand; the schedule must not fail on it.
    const manual = await district.post('/api/reporting/cycles').send({ unitId: STREET, year: first + 1 });
    expect(manual.status).toBe(202);

    // A year later: the schedule is still there and has moved on to the year after.
    await p.advanceTime(366 * DAY);
    expect(await cycleOf(first + 1)).toMatchObject({ trigger: 'manual' });
    await p.waitFor(async () => {
      const res = await district.get('/api/reporting/schedules');
      return res.body.items.find((s: { unitId: string; nextYear: number }) => s.unitId === STREET && s.nextYear === first + 2) ?? null;
    });

    await p.advanceTime(366 * DAY);
    const c3 = await p.waitFor(() => cycleOf(first + 2));
    expect(c3).toMatchObject({ trigger: 'schedule' });

    // Switched off: no cycle starts by itself any more.
    expect((await district.delete(`/api/reporting/schedules/${STREET}`)).status).toBe(204);
    expect((await district.get('/api/reporting/schedules')).body.items.map((s: { unitId: string }) => s.unitId)).not.toContain(STREET);
    await p.advanceTime(366 * DAY);
    expect(await cycleOf(first + 3)).toBeNull();
  });

  it('reminded the secretary before the report was due and escalated to the street after', async () => {
    const first = (await p.prisma.reportingCycle.findFirstOrThrow({ where: { unitId: STREET, trigger: 'schedule' }, orderBy: { year: 'asc' } })).year;
    const report = await getReport(p, 'district_org.qindu', `reporting-${WENHUA}-${first}`);
    expect(report.stage).toBe('report');
    expect(report.overdue).toBeUndefined();
    expect(report.state.overdue).toBe(true);
    const kinds = await p.waitFor(() => {
      const mine = p.outbox.filter((m) => m.link === `/reporting/reports/reporting-${WENHUA}-${first}`);
      const k = new Set(mine.map((m) => m.kind));
      return k.has('reporting.reminder') && k.has('reporting.escalation') ? k : null;
    });
    expect([...kinds]).toEqual(expect.arrayContaining(['reporting.report', 'reporting.reminder', 'reporting.overdue', 'reporting.escalation']));
  });
});
