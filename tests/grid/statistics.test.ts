// Grid incident statistics, exact against a set made through the API with the
// engine's virtual time: in 渭阳西路街道 (no other suite reports there), one
// incident resolved on the spot, one handled in a day, one handled late, one
// converted to mediation, one still waiting.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { usernameFor } from '../../seeds/demo-org';
import { DAY, startGridPlatform, type GridPlatform } from './support';

const street = 'qindu-weiyang';
const binhe = 'qindu-weiyang-binhe';
const qinhuang = 'qindu-weiyang-qinhuang';
const g = (c: string, n: number) => `${c}-g${n}`;

let p: GridPlatform;
beforeAll(async () => {
  p = await startGridPlatform();
});
afterAll(() => p?.close());

it('counts, on-time rate, median handling days and satisfaction per street, community and grid', async () => {
  const ok = (res: { status: number; body: any }) => expect(res.status, JSON.stringify(res.body)).toBe(200);
  const binheStaff = usernameFor('community', binhe);
  const qinhuangStaff = usernameFor('community', qinhuang);
  const dispatch = { unitId: binhe, note: '请处置' };

  const onSpot = await p.report(usernameFor('grid_worker', g(binhe, 1)), { placeUnitId: g(binhe, 1) });
  const inADay = await p.report(usernameFor('grid_worker', g(binhe, 1)), { placeUnitId: g(binhe, 1) });
  const late = await p.report(usernameFor('grid_worker', g(binhe, 2)), { placeUnitId: g(binhe, 2), urgency: 'urgent' });
  const converted = await p.report(usernameFor('grid_worker', g(qinhuang, 1)), { placeUnitId: g(qinhuang, 1), type: 'neighbour_dispute' });
  await p.report(usernameFor('grid_worker', g(qinhuang, 1)), { placeUnitId: g(qinhuang, 1) });

  ok(await p.act(binheStaff, onSpot, 'resolveOnSpot', { note: '现场协调物业修复' }));
  ok(await p.act(binheStaff, onSpot, 'rateSatisfaction', { level: 'satisfied' }));
  ok(await p.act(binheStaff, inADay, 'dispatchIncident', dispatch));
  ok(await p.act(binheStaff, late, 'dispatchIncident', dispatch));
  ok(await p.act(qinhuangStaff, converted, 'convertToMediation', { disputeType: 'noise', parties: [{ role: 'applicant', name: '甲' }, { role: 'respondent', name: '乙' }] }));

  await p.advanceTime(DAY);
  ok(await p.act(binheStaff, inADay, 'completeHandling', { result: '已修复' }));
  ok(await p.act(usernameFor('grid_worker', g(binhe, 1)), inADay, 'confirmResult', {}));
  ok(await p.act(binheStaff, inADay, 'rateSatisfaction', { level: 'basically_satisfied' }));

  // Urgent = one working day: five days on it is late whatever the weekday.
  await p.advanceTime(4 * DAY);
  ok(await p.act(binheStaff, late, 'completeHandling', { result: '已处置' }));
  ok(await p.act(usernameFor('grid_worker', g(binhe, 2)), late, 'confirmResult', {}));
  ok(await p.act(binheStaff, late, 'rateSatisfaction', { level: 'dissatisfied', note: '处置太慢' }));
  await p.incidentWhen(late, (c) => c.satisfaction === 'dissatisfied');

  const res = await p.get(usernameFor('street_office', street), `/api/grid-incidents/statistics?unitId=${street}`);
  ok(res);
  const s = res.body;
  expect(s.unit).toEqual({ id: street, name: '渭阳西路街道' });
  expect(s.total).toEqual({
    reported: 5,
    open: 1,
    closed: 3,
    resolvedOnSpot: 1,
    convertedToMediation: 1,
    handled: 3,
    onTime: 2,
    onTimeRatePercent: '66.7',
    medianHandlingDays: 1,
    rated: 3,
    satisfaction: { satisfied: 1, basically_satisfied: 1, dissatisfied: 1 },
    satisfactionRatePercent: '66.7',
  });
  expect(s.streets).toEqual([expect.objectContaining({ unit: { id: street, name: '渭阳西路街道' }, reported: 5 })]);
  expect(s.communities.map((c: any) => [c.unit.id, c.reported, c.handled, c.onTimeRatePercent, c.medianHandlingDays])).toEqual([
    [binhe, 3, 3, '66.7', 1],
    [qinhuang, 2, 0, null, null],
  ]);
  expect(s.grids.map((x: any) => [x.unit.id, x.reported, x.onTime, x.medianHandlingDays, x.satisfactionRatePercent])).toEqual([
    [g(binhe, 1), 2, 2, 0.5, '100.0'],
    [g(binhe, 2), 1, 0, 5, '0.0'],
    [g(qinhuang, 1), 2, 0, null, null],
  ]);

  // A community reads its own figures, not its neighbour's; a grid worker none.
  const own = await p.get(usernameFor('community', binhe), '/api/grid-incidents/statistics');
  expect([own.status, own.body.unit.id, own.body.total.reported]).toEqual([200, binhe, 3]);
  expect([own.body.streets, own.body.communities.map((c: any) => c.unit.id), own.body.grids.map((x: any) => x.unit.id)]).toEqual([[], [binhe], [g(binhe, 1), g(binhe, 2)]]);
  expect((await p.get(usernameFor('community', binhe), `/api/grid-incidents/statistics?unitId=${qinhuang}`)).body.code).toBe('FORBIDDEN_SCOPE');
  expect((await p.get(usernameFor('grid_worker', g(binhe, 1)), '/api/grid-incidents/statistics')).body.code).toBe('FORBIDDEN_ROLE');
});
