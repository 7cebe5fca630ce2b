// Cross-cutting HTTP behaviour: request ids, problem documents, the OpenAPI
// document and the docs page.
import { ApplicationFailure } from '@temporalio/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, ROUTE_MODULES, type RouteModule } from '../../api';
import { DEMO, usernameFor } from '../../seeds/demo-org';
import { startApiHarness, type ApiHarness } from './harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('request ids and problem documents', () => {
  it('echoes a plain incoming X-Request-Id and mints one otherwise', async () => {
    const kept = await request(h.app).get('/api/health').set('X-Request-Id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await request(h.app).get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with 404 problem+json carrying the request id', async () => {
    const res = await request(h.app).get('/api/nope').set('X-Request-Id', 'req-404');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: '/api/docs#error-NOT_FOUND',
      title: expect.any(String),
      status: 404,
      code: 'NOT_FOUND',
      detail: '没有这个接口:GET /api/nope',
      requestId: 'req-404',
    });
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED and an oversized body with 413', async () => {
    const bad = await request(h.app).post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const app = h.appWith({ env: { HTTP_BODY_LIMIT: '1kb' } });
    const big = await request(app).post('/api/auth/login').send({ username: 'x', password: 'y'.repeat(5000) });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('hides the internals of unexpected errors and maps workflow refusals by their code', async () => {
    const failing: RouteModule = {
      name: 'failing',
      tag: 'test',
      routes: [
        defineRoute({
          method: 'get',
          path: '/api/test/boom',
          summary: 'throws',
          roles: 'public',
          response: { schema: z.object({}) },
          handler: () => {
            throw new Error('secret connection string postgres://u:pw@db');
          },
        }),
        defineRoute({
          method: 'get',
          path: '/api/test/refused',
          summary: 'throws like a rejected workflow update',
          roles: 'public',
          response: { schema: z.object({}) },
          handler: () => {
            const failure = ApplicationFailure.nonRetryable('项目不在审核阶段', 'WRONG_STAGE');
            throw Object.assign(new Error('Workflow Update failed'), { name: 'WorkflowUpdateFailedError', cause: failure });
          },
        }),
      ],
    };
    const app = h.appWith({ modules: [failing] });
    const boom = await request(app).get('/api/test/boom');
    expect(boom.status).toBe(500);
    expect(boom.body).toMatchObject({ code: 'INTERNAL', requestId: expect.any(String) });
    expect(JSON.stringify(boom.body)).not.toContain('secret');
    const refused = await request(app).get('/api/test/refused');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'WRONG_STAGE', detail: '项目不在审核阶段' });
  });

  it('sets helmet security headers', async () => {
    const res = await request(h.app).get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('lets no browser or proxy keep an API answer: no-store, and no ETag to revalidate with', async () => {
    const auth = await h.login(usernameFor('street_office', DEMO.street));
    const list = await request(h.app).get('/api/projects').set('Authorization', auth);
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.headers.etag).toBeUndefined();
    // Asked again as a browser would revalidate an answer it kept from before: the whole answer, not 304.
    const again = await request(h.app).get('/api/projects').set('Authorization', auth).set('If-None-Match', 'W/"5e-k7LBCaVQJ4UmB1YE3lMZWL7Gl1w"');
    expect(again.status).toBe(200);
    expect(again.body.total).toBe(list.body.total);
    // Refusals too, and the public routes.
    expect((await request(h.app).get('/api/projects')).headers['cache-control']).toBe('no-store');
    expect((await request(h.app).get('/api/health')).headers['cache-control']).toBe('no-store');
  });
});

describe('OpenAPI', () => {
  it('lists every mounted route with its roles, schemas and problem responses', async () => {
    const res = await request(h.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const operations = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const declared = ROUTE_MODULES.flatMap((m) => m.routes.map((r) => `${r.method.toUpperCase()} ${r.openapiPath}`));
    expect(operations.sort()).toEqual(declared.sort());
    for (const op of ['GET /api/tasks', 'POST /api/tasks/{id}/claim', 'POST /api/auth/login', 'GET /api/ready', 'GET /api/org', 'GET /api/me']) {
      expect(operations).toContain(op);
    }
    const claim = res.body.paths['/api/tasks/{id}/claim'].post;
    expect(claim.security).toEqual([{ bearerAuth: [] }]);
    expect(claim.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(['path:id', 'header:idempotency-key']));
    expect(claim.responses['409'].description).toContain('TASK_ALREADY_CLAIMED');
    expect(claim.responses['409'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    const list = res.body.paths['/api/tasks'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['process', 'unitId', 'overdue', 'status', 'limit', 'cursor']));
    expect(res.body.components.schemas).toHaveProperty('TaskPage');
    expect(res.body.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('renders an offline docs page listing the operations and error codes', async () => {
    const res = await request(h.app).get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('/api/tasks/{id}/claim');
    expect(res.text).toContain('id="error-TASK_ALREADY_CLAIMED"');
    expect(res.text).not.toMatch(/<script|https?:\/\/(?!localhost)/);
  });
});
