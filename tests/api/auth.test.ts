import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../api';
import { DEMO, demoPassword, usernameFor } from '../../seeds/demo-org';
import { startApiHarness, type ApiHarness } from './harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => {
  await h?.close();
});

const officer = usernameFor('street_office', DEMO.street);

describe('POST /api/auth/login', () => {
  it('issues a short-lived token for the right password, usable on /api/me', async () => {
    const res = await request(h.app).post('/api/auth/login').send({ username: officer, password: demoPassword() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, person: { username: officer } });
    expect(res.headers['cache-control']).toBe('no-store');
    const me = await request(h.app).get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.person.username).toBe(officer);
    expect(me.body.grants).toEqual([
      expect.objectContaining({ role: 'street_office', unitId: DEMO.street, unitLevel: 'street', unitPath: `${DEMO.district}/${DEMO.street}/` }),
    ]);
  });

  it('answers a wrong password and an unknown user with the same 401 INVALID_CREDENTIALS', async () => {
    const wrong = await request(h.app).post('/api/auth/login').send({ username: officer, password: 'not-the-password' });
    const unknown = await request(h.app).post('/api/auth/login').send({ username: 'nobody.here', password: demoPassword() });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401, detail: '用户名或密码错误。' });
    }
    expect({ ...wrong.body, requestId: undefined }).toEqual({ ...unknown.body, requestId: undefined });
  });

  it('rejects a missing username and password with per-field VALIDATION_FAILED', async () => {
    const res = await request(h.app).post('/api/auth/login').send({});
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { in: string; field: string }) => `${e.in}.${e.field}`).sort()).toEqual(['body.password', 'body.username']);
  });

  it('limits repeated failures per username and address with 429 RATE_LIMITED', async () => {
    const app = h.appWith({ env: { LOGIN_MAX_FAILURES: '2' } });
    const username = usernameFor('auditor', DEMO.street);
    for (let i = 0; i < 2; i++) {
      expect((await request(app).post('/api/auth/login').send({ username, password: 'wrong-password' })).status).toBe(401);
    }
    const limited = await request(app).post('/api/auth/login').send({ username, password: demoPassword() });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another username from the same address is unaffected.
    const other = await request(app).post('/api/auth/login').send({ username: officer, password: demoPassword() });
    expect(other.status).toBe(200);
  });
});

describe('bearer tokens', () => {
  it('401 UNAUTHENTICATED without a token, with a garbage token and with a token signed by another secret', async () => {
    const person = await h.deps.prisma.person.findUniqueOrThrow({ where: { username: officer } });
    const forged = await issueToken(person.id, { secret: 'x'.repeat(40), ttlSeconds: 900, sessionId: 'no-such-session' });
    for (const auth of [undefined, 'Bearer not.a.jwt', `Bearer ${forged.accessToken}`, 'Basic abc']) {
      const req = request(h.app).get('/api/me');
      const res = await (auth ? req.set('Authorization', auth) : req);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('401 TOKEN_EXPIRED once the token has outlived TOKEN_TTL_SECONDS', async () => {
    const person = await h.deps.prisma.person.findUniqueOrThrow({ where: { username: officer } });
    const config = h.deps.config;
    const issued = await issueToken(person.id, {
      secret: config.auth.jwtSecret,
      sessionId: 'expired-anyway',
      ttlSeconds: config.auth.tokenTtlSeconds,
      now: new Date(Date.now() - (config.auth.tokenTtlSeconds + 60) * 1000),
    });
    const res = await request(h.app).get('/api/me').set('Authorization', `Bearer ${issued.accessToken}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_EXPIRED');
  });

  it('refuses a valid token of a deactivated person', async () => {
    const username = usernameFor('resident_rep', DEMO.siblingCommunity, 7);
    const token = await h.login(username);
    await h.deps.prisma.person.update({ where: { username }, data: { active: false } });
    try {
      const res = await request(h.app).get('/api/me').set('Authorization', token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    } finally {
      await h.deps.prisma.person.update({ where: { username }, data: { active: true } });
    }
  });
});
