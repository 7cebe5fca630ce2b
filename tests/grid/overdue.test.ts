// GET /api/grid-incidents?overdue=… : an incident is overdue once its open
// step's own deadline has passed — also after the reminder moved the task's
// due date on to the escalation date — and never once closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usernameFor } from '../../seeds/demo-org';
import { startGridPlatform, type GridPlatform } from './support';

const worker = usernameFor('grid_worker', 'qindu-renmin-furong-g1');
const community = usernameFor('community', 'qindu-renmin-furong');

let p: GridPlatform;
beforeAll(async () => {
  p = await startGridPlatform();
}, 120_000);
afterAll(() => p?.close());

const ids = async (overdue: 'true' | 'false') => {
  const res = await p.get(community, `/api/grid-incidents?overdue=${overdue}&limit=200`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Array<{ id: string }>).map((i) => i.id);
};

describe('the overdue filter of the incident list', () => {
  it('lists an incident as overdue from its step deadline on, through the reminder, until it closes', { timeout: 120_000 }, async () => {
    const late = await p.report(worker, { title: '路灯不亮(将超期)' });
    const onSpot = await p.report(worker, { title: '井盖松动(就地解决)' });
    expect(await ids('true')).not.toContain(late);
    expect(await ids('false')).toEqual(expect.arrayContaining([late, onSpot]));

    const due = (await p.incidentWhen(late, (c) => c.stage === 'triage', community)).stepDueAt as string;
    expect((await p.act(community, onSpot, 'resolveOnSpot', { note: '已现场固定井盖' })).status).toBe(200);
    await p.until(due);
    // The reminder has fired: the task now waits for the escalation date, the step is still overdue.
    const reminded = await p.incidentWhen(late, (c) => c.timeline.some((e: { action: string }) => e.action === 'remindOverdue'), community);
    expect(Date.parse(reminded.nextDueAt)).toBeGreaterThan(p.now().getTime());
    expect(await ids('true')).toContain(late);
    expect(await ids('true')).not.toContain(onSpot);
    expect(await ids('false')).not.toContain(late);
    expect(await ids('false')).toContain(onSpot);

    expect((await p.act(community, late, 'resolveOnSpot', { note: '已更换灯泡' })).status).toBe(200);
    await p.incidentWhen(late, (c) => c.stage === 'closed', community);
    expect(await ids('true')).not.toContain(late);
    expect(await ids('false')).toContain(late);
  });
});
