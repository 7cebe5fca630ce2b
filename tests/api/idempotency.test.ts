// Idempotency-Key over a test-only route that counts how often it really runs.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, reply, ROUTE_MODULES, type RouteModule } from '../../api';
import { AppError } from '../../domain/errors';
import { DEMO, usernameFor } from '../../seeds/demo-org';
import { uniqueSuffix } from '../helpers/db';
import { startApiHarness, type ApiHarness } from './harness';

let h: ApiHarness;
let app: ApiHarness['app'];
const executions: string[] = [];

const testModule: RouteModule = {
  name: 'test',
  tag: 'test',
  routes: [
    defineRoute({
      method: 'post',
      path: '/api/test/things',
      summary: 'Counts executions',
      roles: ['street_office'],
      request: { body: z.object({ name: z.string(), delayMs: z.number().int().max(2000).default(0), fail: z.boolean().default(false) }) },
      response: { status: 201, schema: z.object({ id: z.string(), name: z.string(), n: z.number() }) },
      async handler({ body, res }) {
        await new Promise((r) => setTimeout(r, body.delayMs));
        if (body.fail) throw new AppError('BUSINESS_RULE', 'told to fail');
        executions.push(body.name);
        res.set('X-Executed', 'yes');
        return reply(201, { id: uniqueSuffix(), name: body.name, n: executions.length }, { Location: `/api/test/things/${body.name}` });
      },
    }),
  ],
};

beforeAll(async () => {
  h = await startApiHarness();
  app = h.appWith({ modules: [...ROUTE_MODULES, testModule] });
});
afterAll(async () => {
  await h?.close();
});

async function post(key: string | undefined, body: object) {
  const req = request(app).post('/api/test/things').set('Authorization', await h.login(usernameFor('street_office', DEMO.street)));
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
}

describe('Idempotency-Key', () => {
  it('replays the stored response for the same key and body, running the handler once', async () => {
    const key = `key-${uniqueSuffix()}`;
    const name = `a-${uniqueSuffix()}`;
    const first = await post(key, { name });
    const second = await post(key, { name });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers.location).toBe(`/api/test/things/${name}`);
    expect(executions.filter((n) => n === name)).toHaveLength(1);
  });

  it('keys are per person: another person with the same key runs on its own', async () => {
    const key = `key-${uniqueSuffix()}`;
    const name = `p-${uniqueSuffix()}`;
    await post(key, { name });
    const other = await request(app)
      .post('/api/test/things')
      .set('Authorization', await h.login(usernameFor('street_office', DEMO.siblingStreet)))
      .set('Idempotency-Key', key)
      .send({ name });
    expect(other.status).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(executions.filter((n) => n === name)).toHaveLength(2);
  });

  it('422 IDEMPOTENCY_KEY_REUSED when the same key comes with a different body', async () => {
    const key = `key-${uniqueSuffix()}`;
    await post(key, { name: `b-${uniqueSuffix()}` });
    const res = await post(key, { name: 'something else' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('runs concurrent duplicates once: the second is refused while the first is in progress', async () => {
    const key = `key-${uniqueSuffix()}`;
    const name = `c-${uniqueSuffix()}`;
    const [a, b] = await Promise.all([post(key, { name, delayMs: 400 }), post(key, { name, delayMs: 400 })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((a.status === 409 ? a : b).body.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
    expect(executions.filter((n) => n === name)).toHaveLength(1);
    const later = await post(key, { name, delayMs: 400 });
    expect(later.status).toBe(201);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(executions.filter((n) => n === name)).toHaveLength(1);
  });

  it('frees the key when the handler fails, so a retry runs', async () => {
    const key = `key-${uniqueSuffix()}`;
    const name = `f-${uniqueSuffix()}`;
    const failed = await post(key, { name, fail: true });
    expect(failed.status).toBe(422);
    expect(failed.body.code).toBe('BUSINESS_RULE');
    const retried = await post(key, { name, fail: false });
    expect(retried.status).toBe(201);
  });

  it('without a key every request runs; a malformed key is a validation error', async () => {
    const name = `n-${uniqueSuffix()}`;
    await post(undefined, { name });
    await post(undefined, { name });
    expect(executions.filter((n) => n === name)).toHaveLength(2);
    const bad = await post('short', { name });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ in: 'headers', field: 'Idempotency-Key' });
  });
});
