// GET /api/calendar: every logged-in person reads the calendar the deadlines
// count on — the shipped years, with a year an administrator loaded in place
// of the shipped one.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedCalendarYears } from '../../domain/calendar';
import { DEMO, usernameFor } from '../../seeds/demo-org';
import { startApiHarness, type ApiHarness } from './harness';

let h: ApiHarness;
// A year no other test file loads.
const YEAR = 2093;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => {
  await h?.deps.prisma.calendarYear.deleteMany({ where: { year: YEAR } });
  await h?.close();
});

describe('GET /api/calendar', () => {
  it('gives any logged-in person the shipped years and the loaded ones; refuses anonymous callers', async () => {
    await h.deps.prisma.calendarYear.create({ data: { year: YEAR, holidays: [`${YEAR}-01-01`], workdays: [], source: '测试通知' } });
    const res = await request(h.app).get('/api/calendar').set('Authorization', await h.login(usernameFor('resident_rep', DEMO.community)));
    expect(res.status).toBe(200);
    const years = res.body.years as Array<{ year: number; holidays: string[]; workdays: string[] }>;
    const shipped = shippedCalendarYears()[0]!;
    expect(years.find((y) => y.year === shipped.year)).toEqual({ year: shipped.year, holidays: shipped.holidays, workdays: shipped.workdays });
    expect(years.find((y) => y.year === YEAR)).toEqual({ year: YEAR, holidays: [`${YEAR}-01-01`], workdays: [] });
    expect(Object.keys(years[0]!)).toEqual(['year', 'holidays', 'workdays']);
    expect((await request(h.app).get('/api/calendar')).status).toBe(401);
  });
});
