// Idempotency-Key over a test-only route that counts how often it really runs.
import { spawn } from 'node:child_process';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, holdInstanceLease, reply, ROUTE_MODULES, type RouteModule } from '../../api';
import { requestHash } from '../../api/http/idempotency';
import { AppError } from '../../domain/errors';
import { DEMO, usernameFor } from '../../seeds/demo-org';
import { testDatabaseUrl, uniqueSuffix } from '../helpers/db';
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

  it('takes over at once a key whose API process was killed, and waits while that process lives', { timeout: 60_000 }, async () => {
    // This app's process holds a lease, as every API process of `npm start` does.
    const lease = await holdInstanceLease({ databaseUrl: testDatabaseUrl(), logger: h.deps.logger });
    const leased = h.appWith({ modules: [...ROUTE_MODULES, testModule], deps: { instanceLease: lease } });
    // Another API process, in a process of its own, claimed keys and was then killed (SIGKILL) mid-request.
    const other = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', OTHER_PROCESS], {
      env: { ...process.env, DATABASE_URL: testDatabaseUrl() },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const otherKey = Number(await new Promise<string>((resolve, reject) => {
        other.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()));
        other.once('exit', (code) => reject(new Error(`the other process exited (${code})`)));
      }));
      expect(otherKey).toBeGreaterThan(0);
      const person = await h.deps.prisma.person.findUniqueOrThrow({ where: { username: usernameFor('street_office', DEMO.street) } });
      const name = `k-${uniqueSuffix()}`;
      const body = { name, delayMs: 0, fail: false };
      // What a request under each key leaves while it runs: a pending row naming its process.
      const pending = async (key: string, owner: number | null) =>
        h.deps.prisma.idempotencyRecord.create({
          data: { personId: person.id, key, method: 'POST', path: '/api/test/things', requestHash: requestHash('POST', '/api/test/things', body), statusCode: 0, responseBody: {}, owner },
        });
      const send = async (key: string) =>
        request(leased).post('/api/test/things').set('Authorization', await h.login(usernameFor('street_office', DEMO.street))).set('Idempotency-Key', key).send(body);
      const [claimed, unknown] = [`killed-${uniqueSuffix()}`, `unknown-${uniqueSuffix()}`];
      await pending(claimed, otherKey);
      await pending(unknown, null);

      // While the other process lives, its request may still be running: the resend waits.
      const early = await send(claimed);
      expect([early.status, early.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_IN_PROGRESS']);
      other.kill('SIGKILL');
      await new Promise((r) => other.once('exit', r));
      // Killed: the database dropped its lease with its connection, and the resend runs at once.
      let resent = await send(claimed);
      for (const giveUp = Date.now() + 10_000; resent.status === 409 && Date.now() < giveUp; resent = await send(claimed)) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(resent.status, JSON.stringify(resent.body)).toBe(201);
      expect(resent.body.name).toBe(name);
      expect(executions.filter((n) => n === name)).toHaveLength(1);
      expect((await h.deps.prisma.idempotencyRecord.findUniqueOrThrow({ where: { personId_key: { personId: person.id, key: claimed } } })).statusCode).toBe(201);
      // A pending row that names no process (written before leases) still waits out its minute.
      expect((await send(unknown)).status).toBe(409);
    } finally {
      other.kill('SIGKILL');
      await lease.close();
    }
  });
});

/** A second API process's lease: prints its key, then lives until killed. */
const OTHER_PROCESS = `
import { holdInstanceLease } from ${JSON.stringify(new URL('../../api/http/instance-lease.ts', import.meta.url).pathname)};
const lease = await holdInstanceLease({ databaseUrl: process.env.DATABASE_URL, logger: console });
process.stdout.write(lease.key + '\\n');
setInterval(() => {}, 1000);
`;
