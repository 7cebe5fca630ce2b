// GET /api/grid-incidents?overdue=… : an incident is overdue once its open
// step's own deadline has passed — also after the reminder moved the task's
// due date on to the escalation date — and never once closed. ?open=… : 办理中
// until it is closed (or converted to a mediation case).
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

const ids = async (overdue: 'true' | 'false', filter = 'overdue') => {
  const res = await p.get(community, `/api/grid-incidents?${filter}=${overdue}&limit=200`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Array<{ id: string }>).map((i) => i.id);
};

describe('the overdue and 办理中 filters of the incident list', () => {
  it('lists an incident as overdue from its step deadline on, through the reminder, until it closes', { timeout: 120_000 }, async () => {
    const late = await p.report(worker, { title: '路灯不亮(将超期)' });
    const onSpot = await p.report(worker, { title: '井盖松动(就地解决)' });
    expect(await ids('true')).not.toContain(late);
    expect(await ids('false')).toEqual(expect.arrayContaining([late, onSpot]));
    // 办理中: both, while neither has ended.
    expect(await ids('true', 'open')).toEqual(expect.arrayContaining([late, onSpot]));
    expect(await ids('false', 'open')).not.toContain(late);

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
    // 办理中 (open=true): neither, both closed; open=false: both.
    expect(await ids('true', 'open')).not.toContain(late);
    expect(await ids('true', 'open')).not.toContain(onSpot);
    expect(await ids('false', 'open')).toEqual(expect.arrayContaining([late, onSpot]));
  });
});
