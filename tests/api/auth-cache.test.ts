// AUTH_CACHE_MS (api/auth/auth-cache.ts): an API process answers reads with
// a session and grants it loaded a moment ago. What must hold whatever it
// remembers: a write always sees the current grants; the process that
// removes a grant, deactivates a person or ends a session forgets at once;
// another process serves a read with the old grants for AUTH_CACHE_MS at
// most, then refuses it too.
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAuthCache } from '../../api/auth/auth-cache';
import type { SessionActor } from '../../api/auth/resolve-actor';
import { issueToken, verifyToken } from '../../api/auth/tokens';
import { hashPassword } from '../../db/passwords';
import type { RoleName } from '../../domain/roles';
import { DEMO, demoPassword, usernameFor } from '../../seeds/demo-org';
import { startApiHarness, type ApiHarness } from './harness';

let h: ApiHarness;
const run = `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const created: string[] = [];
/** The other API process's cache, short so the test need not wait long. */
const OTHER_TTL_MS = 1500;

async function makePerson(name: string, grants: Array<[RoleName, string]>) {
  const username = `${name}.${run}`;
  const person = await h.deps.prisma.person.create({
    data: { username, displayName: `缓存${name}`, passwordHash: await hashPassword(demoPassword()), roles: { create: grants.map(([role, unitId]) => ({ role, unitId })) } },
    select: { id: true, roles: { select: { id: true, role: true } } },
  });
  created.push(person.id);
  return { id: person.id, username, grantIds: Object.fromEntries(person.roles.map((r) => [r.role, r.id])) as Record<string, string> };
}

async function login(username: string): Promise<string> {
  const res = await request(h.app).post('/api/auth/login').send({ username, password: demoPassword() });
  expect(res.status).toBe(200);
  return `Bearer ${res.body.accessToken}`;
}

let districtAdmin: string;
beforeAll(async () => {
  h = await startApiHarness();
  districtAdmin = await h.login(usernameFor('admin', DEMO.district));
});
afterAll(async () => {
  if (h) {
    await h.deps.prisma.person.deleteMany({ where: { id: { in: created } } });
    await h.close();
  }
});

it('a removed grant: refused at once by the process that removed it and by every write; another process\'s reads within AUTH_CACHE_MS', async () => {
  const other = h.appWith({ env: { AUTH_CACHE_MS: String(OTHER_TTL_MS) } });
  const admin = await makePerson('admin', [['admin', DEMO.street], ['community', DEMO.community]]);
  const target = await makePerson('worker', [['grid_worker', DEMO.grid]]);
  const token = await login(admin.username);
  const list = (app: typeof h.app) => request(app).get(`/api/admin/people?q=${run}`).set('Authorization', token);
  // Both processes have read with the admin grant (and remember it).
  expect((await list(h.app)).status).toBe(200);
  expect((await list(other)).status).toBe(200);

  const revoked = await request(h.app).delete(`/api/admin/people/${admin.id}/grants/${admin.grantIds.admin}`).set('Authorization', districtAdmin);
  expect(revoked.status).toBe(200);
  const removedAt = performance.now();

  // This process changed it: its next read is refused.
  expect((await list(h.app)).body.code).toBe('FORBIDDEN_ROLE');
  // The other process: a write reads the grants afresh and is refused …
  const write = await request(other).post(`/api/admin/people/${target.id}/grants`).set('Authorization', token).send({ role: 'community', unitId: DEMO.community });
  expect(write.status).toBe(403);
  expect(write.body.code).toBe('FORBIDDEN_ROLE');
  // … and within AUTH_CACHE_MS of its last load a read may still pass; after it, never.
  const stale = await list(other);
  if (performance.now() - removedAt < OTHER_TTL_MS) expect([200, 403]).toContain(stale.status);
  await new Promise((r) => setTimeout(r, OTHER_TTL_MS + 50));
  const later = await list(other);
  expect(later.status).toBe(403);
  expect(later.body.code).toBe('FORBIDDEN_ROLE');
  expect(await h.deps.prisma.roleAssignment.count({ where: { personId: target.id, role: 'community' } })).toBe(0);
});

it('a write loads the grants afresh and reads are served with those from then on', async () => {
  const person = await makePerson('clerk', [['admin', DEMO.street], ['community', DEMO.community]]);
  const token = await login(person.username);
  const list = () => request(h.app).get(`/api/admin/people?q=${run}`).set('Authorization', token);
  expect((await list()).status).toBe(200);
  // Removed behind this process's back (another API process, or a script).
  await h.deps.prisma.roleAssignment.delete({ where: { id: person.grantIds.admin } });
  const write = await request(h.app).post('/api/notifications/read-all').set('Authorization', token);
  expect(write.status).toBeLessThan(300);
  expect((await list()).body.code).toBe('FORBIDDEN_ROLE');
});

it('logout and deactivation through this process end reads at once', async () => {
  const person = await makePerson('resident', [['resident_rep', DEMO.community]]);
  const first = await login(person.username);
  expect((await request(h.app).get('/api/me').set('Authorization', first)).status).toBe(200);
  expect((await request(h.app).post('/api/auth/logout').set('Authorization', first)).status).toBe(204);
  expect((await request(h.app).get('/api/me').set('Authorization', first)).status).toBe(401);

  const second = await login(person.username);
  expect((await request(h.app).get('/api/me').set('Authorization', second)).status).toBe(200);
  const res = await request(h.app).post(`/api/admin/people/${person.id}/deactivate`).set('Authorization', districtAdmin);
  expect(res.status).toBe(200);
  expect((await request(h.app).get('/api/me').set('Authorization', second)).status).toBe(401);
});

it('AUTH_CACHE_MS=0: every read loads the session, so a change anywhere holds at the next request', async () => {
  const uncached = h.appWith({ env: { AUTH_CACHE_MS: '0' } });
  const person = await makePerson('rep', [['resident_rep', DEMO.community]]);
  const token = await login(person.username);
  expect((await request(uncached).get('/api/me').set('Authorization', token)).status).toBe(200);
  await h.deps.prisma.person.update({ where: { id: person.id }, data: { active: false } });
  expect((await request(uncached).get('/api/me').set('Authorization', token)).status).toBe(401);
});

it('the cache alone: a load that began before the sessions were forgotten is not kept; entries age out; a token is known to its own secret only', async () => {
  const cache = createAuthCache({ ttlMs: 40 });
  const loaded = (personId: string): SessionActor => ({
    session: { personId, revokedAt: null, expiresAt: new Date(Date.now() + 60_000) },
    actor: { personId, displayName: personId, grants: [{ role: 'community', unitId: DEMO.community, unitPath: 'x/' }] },
  });
  const before = cache.epoch();
  cache.forgetSessions(); // a revocation committed while the load was in flight
  cache.rememberSession('s1', loaded('p1'), before);
  expect(cache.session('s1')).toBeUndefined();
  cache.rememberSession('s1', loaded('p1'), cache.epoch());
  expect(cache.session('s1')?.actor?.personId).toBe('p1');
  expect(Object.isFrozen(cache.session('s1')?.actor?.grants)).toBe(true);
  await new Promise((r) => setTimeout(r, 60));
  expect(cache.session('s1')).toBeUndefined();

  const verifier = { secret: 'a'.repeat(40), maxTtlSeconds: 900, cache };
  const { accessToken } = await issueToken('p1', { secret: verifier.secret, ttlSeconds: 900, sessionId: 's1' });
  expect(await verifyToken(accessToken, verifier)).toEqual({ personId: 'p1', sessionId: 's1' });
  expect(cache.token(accessToken)?.personId).toBe('p1');
  await expect(verifyToken(accessToken, { ...verifier, secret: 'b'.repeat(40) })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  await expect(verifyToken(accessToken, { ...verifier, now: new Date(Date.now() + 901_000) })).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
});
