// Administration routes through the API: scope by the administrator's units
// (a sibling street's admin sees and touches nobody of ours), every change
// audited, deactivation ending sessions and access tokens.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../db/passwords';
import type { RoleName } from '../../domain/roles';
import { DEMO, demoPassword, usernameFor } from '../../seeds/demo-org';
import { startApiHarness, type ApiHarness } from './harness';

let h: ApiHarness;
const run = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const created: string[] = [];
const CAL_YEAR = 2091;

async function makePerson(name: string, grants: Array<[RoleName, string]>): Promise<{ id: string; username: string }> {
  const username = `${name}.${run}`;
  const person = await h.deps.prisma.person.create({
    data: { username, displayName: `测试${name}`, passwordHash: await hashPassword(demoPassword()), roles: { create: grants.map(([role, unitId]) => ({ role, unitId })) } },
  });
  created.push(person.id);
  return { id: person.id, username };
}

let streetAdmin: string;
let siblingAdmin: string;
let districtAdmin: string;
let target: { id: string; username: string };
let outsider: { id: string; username: string };
let straddler: { id: string; username: string };

beforeAll(async () => {
  h = await startApiHarness();
  const sa = await makePerson('admin-renmin', [['admin', DEMO.street]]);
  const xa = await makePerson('admin-xilan', [['admin', DEMO.siblingStreet]]);
  target = await makePerson('worker', [['grid_worker', DEMO.grid]]);
  outsider = await makePerson('xilan-worker', [['community', DEMO.siblingStreet]]);
  straddler = await makePerson('straddler', [['mediator', DEMO.community], ['mediator', DEMO.siblingStreet]]);
  streetAdmin = await h.login(sa.username);
  siblingAdmin = await h.login(xa.username);
  districtAdmin = await h.login(usernameFor('admin', DEMO.district));
});
afterAll(async () => {
  if (h) {
    await h.deps.prisma.person.deleteMany({ where: { id: { in: created } } });
    await h.deps.prisma.calendarYear.deleteMany({ where: { year: CAL_YEAR } });
    await h.close();
  }
});

const get = (path: string, auth: string) => request(h.app).get(path).set('Authorization', auth);
const post = (path: string, auth: string, body: object = {}) => request(h.app).post(path).set('Authorization', auth).send(body);
const audits = (action: string, subjectId: string) => h.deps.prisma.auditLog.findMany({ where: { action, subjectId } });

describe('who may use the admin routes', () => {
  it('403 FORBIDDEN_ROLE for a person without the admin role, on every admin route', async () => {
    const officer = await h.login(usernameFor('street_office', DEMO.street));
    const answers = await Promise.all([
      get('/api/admin/people', officer),
      post(`/api/admin/people/${target.id}/grants`, officer, { role: 'grid_worker', unitId: DEMO.grid }),
      request(h.app).delete(`/api/admin/people/${target.id}/grants/x`).set('Authorization', officer),
      post(`/api/admin/people/${target.id}/deactivate`, officer),
      post(`/api/admin/people/${target.id}/reactivate`, officer),
      get('/api/admin/calendar-years', officer),
      request(h.app).put(`/api/admin/calendar-years/${CAL_YEAR}`).set('Authorization', officer).send({ holidays: [], workdays: [], source: 'x' }),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN_ROLE');
    }
    expect((await h.deps.prisma.person.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(true);
  });
});

describe('people in scope', () => {
  it('a street admin lists the people of their street with the grants there only', async () => {
    const res = await get(`/api/admin/people?q=${run}&limit=200`, streetAdmin);
    expect(res.status).toBe(200);
    const names = res.body.items.map((p: { username: string }) => p.username);
    expect(names).toContain(target.username);
    expect(names).toContain(straddler.username);
    expect(names).not.toContain(outsider.username);
    const s = res.body.items.find((p: { username: string }) => p.username === straddler.username);
    expect(s.grants).toEqual([expect.objectContaining({ role: 'mediator', unitId: DEMO.community, roleLabel: '调解员' })]);
    // Paging by username.
    const page = await get(`/api/admin/people?q=${run}&limit=1`, streetAdmin);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).toBe(page.body.items[0].username);
    // A % or _ typed into the search is a character, not "anything": no name holds a %, and _ finds the
    // usernames that hold one (street_office.…), not every person.
    const percent = await get(`/api/admin/people?q=${encodeURIComponent('%')}&limit=200`, streetAdmin);
    expect(percent.status).toBe(200);
    expect(percent.body.items).toEqual([]);
    const underscore = await get(`/api/admin/people?q=_&limit=200`, streetAdmin);
    const found = underscore.body.items.map((p: { username: string; displayName: string }) => `${p.username} ${p.displayName}`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((n: string) => !n.includes('_'))).toEqual([]);
  });

  it('a sibling street\'s admin cannot see or touch them: 404 for the person, the unit and the grant', async () => {
    const list = await get(`/api/admin/people?q=${run}&limit=200`, siblingAdmin);
    expect(list.body.items.map((p: { username: string }) => p.username)).not.toContain(target.username);
    expect((await get(`/api/admin/people?unitId=${DEMO.street}`, siblingAdmin)).status).toBe(404);
    const grant = await h.deps.prisma.roleAssignment.findFirstOrThrow({ where: { personId: target.id } });
    const answers = await Promise.all([
      post(`/api/admin/people/${target.id}/grants`, siblingAdmin, { role: 'resident_rep', unitId: DEMO.siblingStreet }),
      request(h.app).delete(`/api/admin/people/${target.id}/grants/${grant.id}`).set('Authorization', siblingAdmin),
      post(`/api/admin/people/${target.id}/deactivate`, siblingAdmin),
      post(`/api/admin/people/${target.id}/reactivate`, siblingAdmin),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    // Nor may our admin give our person a role in the sibling street.
    const foreignUnit = await post(`/api/admin/people/${target.id}/grants`, streetAdmin, { role: 'grid_worker', unitId: DEMO.siblingStreet });
    expect(foreignUnit.status).toBe(404);
    expect(await h.deps.prisma.roleAssignment.count({ where: { personId: target.id } })).toBe(1);
    expect((await h.deps.prisma.person.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(true);
  });

  it('grants and removes a role in scope, each audited; a duplicate grant is 409', async () => {
    const added = await post(`/api/admin/people/${target.id}/grants`, streetAdmin, { role: 'resident_rep', unitId: DEMO.community });
    expect(added.status).toBe(201);
    expect(added.body.person.grants.map((g: { role: string }) => g.role).sort()).toEqual(['grid_worker', 'resident_rep']);
    expect((await post(`/api/admin/people/${target.id}/grants`, streetAdmin, { role: 'resident_rep', unitId: DEMO.community })).status).toBe(409);
    // The new role works at the person's next request.
    const me = await get('/api/me', await h.login(target.username));
    expect(me.body.grants.map((g: { role: string }) => g.role)).toContain('resident_rep');

    const removed = await request(h.app).delete(`/api/admin/people/${target.id}/grants/${added.body.grantId}`).set('Authorization', streetAdmin);
    expect(removed.status).toBe(200);
    expect(removed.body.grants.map((g: { role: string }) => g.role)).toEqual(['grid_worker']);
    expect(await audits('grantRole', target.id)).toEqual([expect.objectContaining({ unitId: DEMO.community, data: { role: 'resident_rep', unitId: DEMO.community } })]);
    expect(await audits('revokeRole', target.id)).toHaveLength(1);
  });

  it('deactivation revokes the refresh token and stops the access token at its next request; reactivation lets the person log in again', async () => {
    const login = await request(h.app).post('/api/auth/login').send({ username: target.username, password: demoPassword() });
    expect(login.status).toBe(200);
    const bearer = `Bearer ${login.body.accessToken}`;
    expect((await get('/api/me', bearer)).status).toBe(200);

    const off = await post(`/api/admin/people/${target.id}/deactivate`, streetAdmin);
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await get('/api/me', bearer)).status).toBe(401);
    expect((await request(h.app).post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(401);
    expect((await request(h.app).post('/api/auth/login').send({ username: target.username, password: demoPassword() })).status).toBe(401);
    const sessions = await h.deps.prisma.authSession.findMany({ where: { personId: target.id } });
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.revokedAt !== null)).toBe(true);
    expect(sessions.find((s) => s.id === JSON.parse(Buffer.from(login.body.accessToken.split('.')[1], 'base64url').toString()).sid)?.revokedReason).toBe('deactivated');
    expect(await audits('deactivatePerson', target.id)).toHaveLength(1);
    expect((await post(`/api/admin/people/${target.id}/deactivate`, streetAdmin)).status).toBe(409);

    const on = await post(`/api/admin/people/${target.id}/reactivate`, streetAdmin);
    expect(on.status).toBe(200);
    expect(on.body.active).toBe(true);
    expect(await audits('reactivatePerson', target.id)).toHaveLength(1);
    // The old session stays ended; a new login works.
    expect((await request(h.app).post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(401);
    expect((await request(h.app).post('/api/auth/login').send({ username: target.username, password: demoPassword() })).status).toBe(200);
  });

  it('an account with roles outside the admin\'s scope is only deactivated by an admin covering all of them', async () => {
    const res = await post(`/api/admin/people/${straddler.id}/deactivate`, streetAdmin);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN_SCOPE');
    expect((await post(`/api/admin/people/${straddler.id}/deactivate`, districtAdmin)).status).toBe(200);
    expect((await post(`/api/admin/people/${straddler.id}/reactivate`, districtAdmin)).status).toBe(200);
  });
});

describe('calendar years', () => {
  it('shows the shipped years; a district admin loads a new year (audited); a street admin may not; bad data is 400', async () => {
    const list = await get('/api/admin/calendar-years', streetAdmin);
    expect(list.status).toBe(200);
    expect(list.body.years.map((y: { year: number }) => y.year)).toEqual(expect.arrayContaining([2024, 2025, 2026]));

    // Which years are due and missing follows business time: in November of the year before, that year and the next.
    const inNovember = h.appWith({ deps: { now: () => new Date(`${CAL_YEAR - 1}-11-15T09:00:00+08:00`), authNow: () => new Date() } });
    const inOctober = h.appWith({ deps: { now: () => new Date(`${CAL_YEAR}-10-31T23:00:00+08:00`), authNow: () => new Date() } });
    const toLoad = async (app: typeof inNovember) => (await request(app).get('/api/admin/calendar-years').set('Authorization', districtAdmin)).body.toLoad;
    expect(await toLoad(inNovember)).toEqual([{ year: CAL_YEAR - 1, current: true }, { year: CAL_YEAR, current: false }]);
    expect(await toLoad(inOctober)).toEqual([{ year: CAL_YEAR, current: true }]);

    const body = { holidays: [`${CAL_YEAR}-01-01`, `${CAL_YEAR}-10-01`], workdays: [`${CAL_YEAR}-09-29`], source: '测试通知' };
    const refused = await request(h.app).put(`/api/admin/calendar-years/${CAL_YEAR}`).set('Authorization', streetAdmin).send(body);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN_SCOPE');

    // 2091-09-29 is a Saturday: a valid make-up working day.
    const saved = await request(h.app).put(`/api/admin/calendar-years/${CAL_YEAR}`).set('Authorization', districtAdmin).send(body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ year: CAL_YEAR, origin: 'loaded', workdays: [`${CAL_YEAR}-09-29`] });
    const after = await get('/api/admin/calendar-years', districtAdmin);
    expect(after.body.years.find((y: { year: number }) => y.year === CAL_YEAR)).toMatchObject({ origin: 'loaded', source: '测试通知' });
    expect(await audits('saveCalendarYear', String(CAL_YEAR))).toHaveLength(1);
    // Loaded, the year is no longer asked for.
    expect(await toLoad(inNovember)).toEqual([{ year: CAL_YEAR - 1, current: true }]);
    expect(await toLoad(inOctober)).toEqual([]);

    const weekday = await request(h.app)
      .put(`/api/admin/calendar-years/${CAL_YEAR}`)
      .set('Authorization', districtAdmin)
      .send({ ...body, workdays: [`${CAL_YEAR}-10-02`] });
    expect(weekday.status).toBe(400);
    expect(weekday.body.code).toBe('VALIDATION_FAILED');
    expect((await request(h.app).put('/api/admin/calendar-years/1999').set('Authorization', districtAdmin).send(body)).status).toBe(400);
  });
});
