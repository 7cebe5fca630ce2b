// Access tokens with a bounded lifetime, refresh-token rotation with reuse
// detection, logout — through the API over the real database.
import { SignJWT } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, demoPassword, usernameFor } from '../../seeds/demo-org';
import { startApiHarness, type ApiHarness } from './harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => {
  await h?.close();
});

const username = usernameFor('street_office', DEMO.street);

async function login(extra: Record<string, unknown> = {}) {
  const res = await request(h.app).post('/api/auth/login').send({ username, password: demoPassword(), ...extra });
  expect(res.status).toBe(200);
  return res;
}

function claims(accessToken: string): { sub: string; sid: string; iat: number; exp: number } {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8'));
}

const me = (accessToken: string) => request(h.app).get('/api/me').set('Authorization', `Bearer ${accessToken}`);
const refresh = (refreshToken: string) => request(h.app).post('/api/auth/refresh').send({ refreshToken });

describe('access token lifetime', () => {
  async function signed(payload: Record<string, unknown>, times: { iat?: number; exp?: number }) {
    let jwt = new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setIssuer('community-governance').setAudience('community-governance-api');
    if (times.iat !== undefined) jwt = jwt.setIssuedAt(times.iat);
    if (times.exp !== undefined) jwt = jwt.setExpirationTime(times.exp);
    return jwt.sign(new TextEncoder().encode(h.deps.config.auth.jwtSecret));
  }

  it('refuses a correctly signed token of a live session when it has no exp, or a lifetime above TOKEN_TTL_SECONDS', async () => {
    const { body } = await login();
    const { sub, sid } = claims(body.accessToken);
    expect((await me(body.accessToken)).status).toBe(200);
    const now = Math.floor(Date.now() / 1000);
    const ttl = h.deps.config.auth.tokenTtlSeconds;
    const noExp = await signed({ sub, sid }, { iat: now });
    const tooLong = await signed({ sub, sid }, { iat: now, exp: now + ttl + 1 });
    const noIat = await signed({ sub, sid }, { exp: now + 60 });
    const fine = await signed({ sub, sid }, { iat: now, exp: now + ttl });
    for (const token of [noExp, tooLong, noIat]) {
      const res = await me(token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
    expect((await me(fine)).status).toBe(200);
  });

  it('login answers with the access token, its lifetime and a refresh token, and no-store', async () => {
    const res = await login();
    const c = claims(res.body.accessToken);
    expect(c.exp - c.iat).toBe(h.deps.config.auth.tokenTtlSeconds);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshToken: expect.stringMatching(/^rt_[\w-]{43}$/) });
    expect(new Date(res.body.sessionExpiresAt).getTime()).toBeGreaterThan(new Date(res.body.refreshExpiresAt).getTime() - 1);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    // Only the hash is stored.
    expect(await h.deps.prisma.refreshToken.count({ where: { tokenHash: res.body.refreshToken } })).toBe(0);
  });
});

describe('POST /api/auth/refresh', () => {
  it('rotates: a new access and refresh token in the same session; an old refresh token presented after its successor was used ends the session', async () => {
    const first = (await login()).body;
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).toMatch(/^rt_/);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(claims(second.body.accessToken).sid).toBe(claims(first.accessToken).sid);
    expect((await me(second.body.accessToken)).status).toBe(200);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);

    // The first token again, though the holder has moved on twice: a copy is in someone else's hands.
    const replay = await refresh(first.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('UNAUTHENTICATED');
    // The whole family is dead: the newest refresh token and every access token of the session.
    expect((await refresh(third.body.refreshToken)).status).toBe(401);
    expect((await me(third.body.accessToken)).status).toBe(401);
    expect((await me(first.accessToken)).status).toBe(401);

    const sid = claims(first.accessToken).sid;
    const session = await h.deps.prisma.authSession.findUniqueOrThrow({ where: { id: sid } });
    expect(session.revokedReason).toBe('refresh_reuse');
    const audit = await h.deps.prisma.auditLog.findMany({ where: { action: 'revokeSession', subjectId: session.personId } });
    expect(audit.some((a) => (a.data as { sessionId?: string }).sessionId === sid)).toBe(true);

    // Other sessions of the same person are untouched.
    const other = (await login()).body;
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it('a refresh whose answer was lost (the tab reloaded mid-refresh): the old token again within the grace carries the session on, once', async () => {
    const first = (await login()).body;
    const lost = await refresh(first.refreshToken);
    expect(lost.status).toBe(200);
    // The client never saw `lost` and presents its old token again.
    const again = await refresh(first.refreshToken);
    expect(again.status).toBe(200);
    expect(again.body.refreshToken).not.toBe(lost.body.refreshToken);
    expect((await me(again.body.accessToken)).status).toBe(200);
    const next = await refresh(again.body.refreshToken);
    expect(next.status).toBe(200);
    // The same old token a third time: what it was exchanged for is used now, so this is a copy.
    expect((await refresh(first.refreshToken)).status).toBe(401);
    expect((await me(next.body.accessToken)).status).toBe(401);
    const session = await h.deps.prisma.authSession.findUniqueOrThrow({ where: { id: claims(first.accessToken).sid } });
    expect(session.revokedReason).toBe('refresh_reuse');
  });

  it('an old refresh token presented after REFRESH_REUSE_GRACE_SECONDS ends the session even if its successor is unused', async () => {
    const first = (await login()).body;
    expect((await refresh(first.refreshToken)).status).toBe(200);
    const grace = h.deps.config.auth.refreshReuseGraceSeconds;
    expect(grace).toBe(30);
    const later = h.appWith({ deps: { authNow: () => new Date(Date.now() + (grace + 1) * 1000) } });
    expect((await request(later).post('/api/auth/refresh').send({ refreshToken: first.refreshToken })).status).toBe(401);
    const session = await h.deps.prisma.authSession.findUniqueOrThrow({ where: { id: claims(first.accessToken).sid } });
    expect(session.revokedReason).toBe('refresh_reuse');
  });

  it('keeps a person working: several refreshes in a row each give a working access token', async () => {
    let tokens = (await login()).body;
    for (let i = 0; i < 3; i++) {
      const res = await refresh(tokens.refreshToken);
      expect(res.status).toBe(200);
      expect((await me(res.body.accessToken)).status).toBe(200);
      tokens = res.body;
    }
  });

  it('refuses unknown, missing and malformed refresh tokens with 401 or 400', async () => {
    expect((await refresh('rt_unknownunknownunknownunknownunknownunknown00')).status).toBe(401);
    expect((await request(h.app).post('/api/auth/refresh').send({})).status).toBe(401);
    expect((await request(h.app).post('/api/auth/refresh').send({ refreshToken: 7 })).status).toBe(400);
  });

  it('refuses an expired refresh token', async () => {
    const { body } = await login();
    await h.deps.prisma.refreshToken.updateMany({ where: { session: { id: claims(body.accessToken).sid } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await refresh(body.refreshToken)).status).toBe(401);
  });

  it('with refreshTokenIn=cookie: an HttpOnly SameSite=Strict cookie on /api/auth, never in the body; rotated through the cookie', async () => {
    const res = await login({ refreshTokenIn: 'cookie' });
    expect(res.body.refreshToken).toBeUndefined();
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('cg_refresh='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    const value = cookie.split(';')[0];

    const renewed = await request(h.app).post('/api/auth/refresh').set('Cookie', value);
    expect(renewed.status).toBe(200);
    expect(renewed.body.refreshToken).toBeUndefined();
    const next = (renewed.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('cg_refresh='))!.split(';')[0];
    expect(next).not.toBe(value);
    expect((await me(renewed.body.accessToken)).status).toBe(200);
    const later = await request(h.app).post('/api/auth/refresh').set('Cookie', next);
    expect(later.status).toBe(200);
    const latest = (later.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('cg_refresh='))!.split(';')[0];

    // The first cookie again after its successor was used: refused, the cookie cleared, the session ended.
    const replay = await request(h.app).post('/api/auth/refresh').set('Cookie', value);
    expect(replay.status).toBe(401);
    expect((replay.headers['set-cookie'] as unknown as string[]).some((c) => /^cg_refresh=;/.test(c))).toBe(true);
    expect((await request(h.app).post('/api/auth/refresh').set('Cookie', latest)).status).toBe(401);
  });
});

describe('POST /api/auth/logout', () => {
  it('with the refresh token: 204, then the refresh token and the access tokens of that session are refused', async () => {
    const { body } = await login();
    const out = await request(h.app).post('/api/auth/logout').send({ refreshToken: body.refreshToken });
    expect(out.status).toBe(204);
    expect((await refresh(body.refreshToken)).status).toBe(401);
    const res = await me(body.accessToken);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    // Logging out twice is still logged out.
    expect((await request(h.app).post('/api/auth/logout').send({ refreshToken: body.refreshToken })).status).toBe(204);
  });

  it('with only the bearer token, or the cookie, ends that session', async () => {
    const a = (await login()).body;
    expect((await request(h.app).post('/api/auth/logout').set('Authorization', `Bearer ${a.accessToken}`)).status).toBe(204);
    expect((await refresh(a.refreshToken)).status).toBe(401);

    const b = await login({ refreshTokenIn: 'cookie' });
    const cookie = (b.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const out = await request(h.app).post('/api/auth/logout').set('Cookie', cookie);
    expect(out.status).toBe(204);
    expect((out.headers['set-cookie'] as unknown as string[]).some((c) => /^cg_refresh=;/.test(c))).toBe(true);
    expect((await me(b.body.accessToken)).status).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('documents refresh and logout beside login', async () => {
    const doc = (await request(h.app).get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/auth/refresh', '/api/auth/logout']));
    expect(doc.paths['/api/auth/logout'].post.responses['204']).toBeDefined();
  });
});
