// CLOCK=virtual (issue 11 item 1): the engine's clock, read by the API through
// the engine clock client over gRPC, advanced by an admin through the audited
// route; a project's 公示 runs out when the admin advances.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import { apply, ok, project, U } from '../project/fixtures';
import { startProjectPlatform, type ProjectPlatform } from '../project/support';

const ADMIN = 'admin.qindu';

let p: ProjectPlatform;
beforeAll(async () => {
  p = await startProjectPlatform({ virtualClock: true });
});
afterAll(async () => {
  await p?.stop();
});

describe('virtual clock', () => {
  it('/api/me shows the mode and the engine time to every user', async () => {
    const me = await p.get(U.community, '/api/me');
    expect(me.status).toBe(200);
    expect(me.body.clock).toEqual({ mode: 'virtual', now: expect.any(String) });
    expect(Math.abs(new Date(me.body.clock.now).getTime() - p.now().getTime())).toBeLessThan(60_000);
  });

  it('only an admin reads or advances the clock', async () => {
    expect((await p.get(U.street, '/api/admin/clock')).status).toBe(403);
    const refused = await p.post(U.street, '/api/admin/clock/advance', { days: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN_ROLE');
    expect((await p.post(ADMIN, '/api/admin/clock/advance', { days: 1, to: 'next-deadline' })).status).toBe(400);
    expect((await p.post(ADMIN, '/api/admin/clock/advance', {})).status).toBe(400);
  });

  it('an admin advances 10 days: the 公示 has run out when the call returns, and the advance is audited', async () => {
    const id = await apply(p);
    await ok(p, U.street, id, 'reviewApplication', { decision: 'approve' });
    expect((await project(p, id)).stage).toBe('notice');

    const before = await p.get(ADMIN, '/api/admin/clock');
    expect(before.status).toBe(200);
    expect(before.body.mode).toBe('virtual');
    expect(before.body.nextDeadline).not.toBeNull();

    const res = await p.post(ADMIN, '/api/admin/clock/advance', { days: 10 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const moved = new Date(res.body.now).getTime() - new Date(before.body.now).getTime();
    expect(moved).toBeGreaterThanOrEqual(10 * 86_400_000);
    // No waiting: the route answers after the worker processed what the advance fired.
    expect((await project(p, id)).stage).toBe('implementation');

    const audit = await p.prisma.auditLog.findFirst({ where: { action: 'advanceClock', requestId: res.headers['x-request-id'] }, orderBy: { id: 'desc' } });
    expect(audit?.data).toMatchObject({ request: { days: 10 }, from: expect.any(String), to: res.body.now });
  });

  it('"to the next deadline" jumps to the earliest pending timer', async () => {
    const id = await apply(p);
    await ok(p, U.street, id, 'reviewApplication', { decision: 'approve' });
    let stage = (await project(p, id)).stage;
    // The clock names the process whose deadline is next, with the record it runs (only projects run here).
    const { body: first } = await p.get(ADMIN, '/api/admin/clock');
    expect(first.nextDeadlineProcess).toMatchObject({ workflowId: expect.any(String), workflowType: 'projectWorkflow' });
    const owner = await p.prisma.project.findUniqueOrThrow({ where: { workflowId: first.nextDeadlineProcess.workflowId }, select: { id: true, title: true } });
    expect(first.nextDeadlineProcess.subject).toMatchObject({ kind: 'project', title: owner.title, path: `/projects/${owner.id}` });
    for (let jumps = 0; stage === 'notice' && jumps < 30; jumps++) {
      const { body: state } = await p.get(ADMIN, '/api/admin/clock');
      const res = await p.post(ADMIN, '/api/admin/clock/advance', { to: 'next-deadline' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(new Date(res.body.now).getTime()).toBeGreaterThanOrEqual(new Date(state.nextDeadline).getTime());
      stage = (await project(p, id)).stage;
    }
    expect(stage).toBe('implementation');
  });
});

describe('configuration', () => {
  const secrets = { JWT_SECRET: randomBytes(48).toString('base64'), TEMPORAL_PAYLOAD_KEY: randomBytes(32).toString('base64') };

  it('defaults to wall time; CLOCK=virtual is refused with NODE_ENV=production, in one line', () => {
    expect(loadConfig(secrets).config.app.clock).toBe('wall');
    expect(loadConfig({ ...secrets, CLOCK: 'virtual' }).config.app.clock).toBe('virtual');
    let error: unknown;
    try {
      loadConfig({ ...secrets, NODE_ENV: 'production', CLOCK: 'virtual' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).lines).toEqual([expect.stringMatching(/^CLOCK: virtual is refused with NODE_ENV=production/)]);
  });
});
