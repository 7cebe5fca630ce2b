import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('health and readiness', () => {
  it('GET /api/health answers without touching dependencies', async () => {
    const res = await request(h.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', version: expect.any(String) });
  });

  it('GET /api/ready is 200 with real PostgreSQL, Redis and the engine', async () => {
    const res = await request(h.app).get('/api/ready');
    expect(res.body).toMatchObject({ ready: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ready: true,
      checks: { postgres: { ok: true }, redis: { ok: true }, temporal: { ok: true } },
    });
  });

  it('GET /api/ready is 503 naming each dependency that does not answer', async () => {
    // Port 1 on loopback refuses connections; Redis is left unconfigured.
    // No retry interceptor: the client's default one keeps retrying on a
    // timer after the probe gave up, and would fire on the closed channel.
    const connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [] });
    const temporal = new Client({ connection });
    const app = h.appWith({ env: { READY_TIMEOUT_MS: '1500' }, deps: { temporal, redis: undefined } });
    try {
      const res = await request(app).get('/api/ready');
      expect(res.status).toBe(503);
      expect(res.body.ready).toBe(false);
      expect(res.body.checks.postgres.ok).toBe(true);
      expect(res.body.checks.redis).toMatchObject({ ok: false, error: 'not configured' });
      expect(res.body.checks.temporal).toMatchObject({ ok: false, error: expect.any(String) });
    } finally {
      await connection.close().catch(() => undefined);
    }
  });
});
