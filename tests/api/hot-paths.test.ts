// The API's hot paths do little work per request (issue 11 point 6): a list
// is the authentication query plus one query, whatever the caller's grants
// (the list alone when the session was loaded within AUTH_CACHE_MS);
// the lists still show exactly what they showed before (scope, paging,
// totals), and the request log holds one summary line per request with no
// query string, header or body in it.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import supertest from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp, defineRoute, type RouteModule } from '../../api';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { applicationBody, U } from '../project/fixtures';
import type { ProjectPlatform } from '../project/support';

let p: TestPlatform;
let queries = 0;
let app: ReturnType<typeof createApp>;
let cachedApp: ReturnType<typeof createApp>;
const logLines: string[] = [];

beforeAll(async () => {
  p = await startTestPlatform();
  // Every operation the API sends to the database, raw ones included.
  const counted = p.prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        queries++;
        return query(args);
      },
    },
  }) as unknown as typeof p.prisma;
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  // The worst case, every request loading its session (AUTH_CACHE_MS=0); cachedApp as configured.
  app = createApp({ prisma: counted, temporal: p.client, config: { ...p.config, auth: { ...p.config.auth, cacheMs: 0 } }, logger, now: () => p.now() });
  cachedApp = createApp({ prisma: counted, temporal: p.client, config: p.config, logger: pino({ level: 'silent' }), now: () => p.now() });
  const clock = { now: () => p.now() } as unknown as ProjectPlatform;
  for (const [who, title] of [
    [U.community, '热路径一'],
    [U.community, '热路径二'],
    [U.siblingCommunity, '热路径邻社区'],
  ] as const) {
    const res = await (await p.as(who)).post('/api/projects').send(applicationBody(clock, { title }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  await p.waitFor(async () => (await p.prisma.humanTask.count({ where: { action: 'reviewApplication', status: 'open', title: { contains: '热路径' } } })) >= 3);
});
afterAll(() => p?.close());

async function counting(who: string, path: string) {
  const token = await p.login(who);
  const before = queries;
  const res = await supertest(app).get(path).set('Authorization', `Bearer ${token}`);
  return { res, queries: queries - before };
}

it('GET /api/tasks: two database round trips, the caller\'s scope only', async () => {
  const street = await counting(U.street, '/api/tasks?limit=100');
  expect(street.res.status).toBe(200);
  expect(street.queries).toBe(2);
  const titles = street.res.body.items.map((t: { title: string }) => t.title).join(' ');
  expect(titles).toContain('热路径一');
  const unit = street.res.body.items.find((t: { title: string }) => t.title.includes('热路径一'));
  expect(unit).toMatchObject({ unitName: expect.any(String), unitPath: expect.stringContaining('/'), claimable: true });

  // A community clerk sees no street review task, neither its own nor a sibling's.
  const community = await counting(U.community, '/api/tasks');
  expect(community.queries).toBe(2);
  // (Its own: other test files running on the same database may open community tasks.)
  expect(community.res.body.items.some((t: { action: string; title: string }) => t.action === 'reviewApplication' && t.title.includes('热路径'))).toBe(false);
  // An unknown unit filter lists nothing (and is no error).
  const unknown = await counting(U.street, '/api/tasks?unitId=no-such-unit');
  expect(unknown.res.body.items).toEqual([]);
});

it('GET /api/projects: two database round trips, with the total; a sibling community\'s projects stay out', async () => {
  const own = await counting(U.community, '/api/projects?limit=200');
  expect(own.res.status).toBe(200);
  expect(own.queries).toBe(2);
  const titles = own.res.body.items.map((i: { title: string }) => i.title);
  expect(titles).toEqual(expect.arrayContaining(['热路径一', '热路径二']));
  expect(titles).not.toContain('热路径邻社区');
  expect(own.res.body.total).toBe(own.res.body.items.length);
  expect(own.res.body.items[0]).not.toHaveProperty('snapshot');

  const paged = await counting(U.street, '/api/projects?limit=1');
  expect(paged.res.body.items).toHaveLength(1);
  expect(paged.res.body.total).toBeGreaterThanOrEqual(3);
  const past = await counting(U.street, `/api/projects?limit=1&offset=${paged.res.body.total + 5}`);
  expect(past.res.body).toEqual({ items: [], total: paged.res.body.total });
});

it('a second read with the same session within AUTH_CACHE_MS: one round trip (the list); a write loads the session again', async () => {
  const token = await p.login(U.street);
  const read = async () => {
    const before = queries;
    const res = await supertest(cachedApp).get('/api/tasks').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return queries - before;
  };
  expect(await read()).toBe(2);
  expect(await read()).toBe(1);
  // A write's authentication is never remembered data: read-all is the session query plus its update.
  const before = queries;
  expect((await supertest(cachedApp).post('/api/notifications/read-all').set('Authorization', `Bearer ${token}`)).status).toBeLessThan(300);
  expect(queries - before).toBeGreaterThanOrEqual(2);
});

it('an action asks the database only what it must before and after its update: the session, the key, the record, its open tasks beside the 代理 arrangements, the answer', async () => {
  const project = await p.prisma.project.findFirstOrThrow({ where: { title: '热路径二' }, select: { id: true } });
  const token = await p.login(U.street);
  const before = queries;
  const res = await supertest(app)
    .post(`/api/projects/${project.id}/actions/reviewApplication`)
    .set('Authorization', `Bearer ${token}`)
    .set('Idempotency-Key', `hot-path-${project.id}`)
    .send({ decision: 'approve' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(queries - before).toBe(6);
});

it('logs one summary line per request: method, path, status, time, person; never the query string, headers or body', async () => {
  logLines.length = 0;
  const token = await p.login(U.street);
  await supertest(app).get('/api/tasks?process=project&secret=s3cr3t').set('Authorization', `Bearer ${token}`);
  expect(logLines, logLines.join('')).toHaveLength(1);
  const line = JSON.parse(logLines[0]!);
  expect(line).toMatchObject({ req: { method: 'GET', path: '/api/tasks' }, res: { status: 200 }, responseTime: expect.any(Number), personId: expect.any(String) });
  expect(logLines[0]).not.toMatch(/s3cr3t|Bearer|authorization|user-agent/i);
  expect(logLines[0]!.length).toBeLessThan(400);
});

it('a refused request logs why, and its summary line, under the same request id and person', async () => {
  logLines.length = 0;
  const token = await p.login(U.street);
  const res = await supertest(app).get('/api/projects/00000000-0000-4000-8000-000000000000?token=s3cr3t').set('Authorization', `Bearer ${token}`).set('X-Request-Id', 'req-refused-1');
  expect(res.status).toBe(404);
  const lines = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines, logLines.join('')).toHaveLength(2);
  const personId = lines[1]!.personId;
  expect(personId).toEqual(expect.any(String));
  expect(lines[0]).toMatchObject({ msg: 'request refused', reqId: 'req-refused-1', personId, code: 'NOT_FOUND' });
  expect(lines[1]).toMatchObject({ msg: 'request completed', reqId: 'req-refused-1', level: 40, req: { method: 'GET', path: '/api/projects/00000000-0000-4000-8000-000000000000' }, res: { status: 404 } });
  expect(logLines.join('')).not.toMatch(/s3cr3t|Bearer|authorization/i);
});

it('an unexpected error logs its stack with the summary line at error level; a client that goes away is logged as aborted', async () => {
  let handlerDone!: () => void;
  const handled = new Promise<void>((resolve) => (handlerDone = resolve));
  const module: RouteModule = {
    name: 'request-log',
    tag: 'test',
    routes: [
      defineRoute({
        method: 'get',
        path: '/api/test/boom',
        summary: 'throws',
        roles: 'public',
        response: { schema: z.object({}) },
        handler: () => {
          throw new Error('boom in handler');
        },
      }),
      defineRoute({
        method: 'get',
        path: '/api/test/slow',
        summary: 'answers late',
        roles: 'public',
        response: { schema: z.object({}) },
        handler: async () => {
          await new Promise((r) => setTimeout(r, 300));
          handlerDone();
          return {};
        },
      }),
    ],
  };
  const lines: string[] = [];
  const logged = createApp({ prisma: p.prisma, temporal: p.client, config: p.config, logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }) }, { modules: [module] });
  const boom = await supertest(logged).get('/api/test/boom').set('X-Request-Id', 'req-boom-1');
  expect(boom.status).toBe(500);
  const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(parsed.map((l) => l.msg)).toEqual(['request failed', 'request errored']);
  expect(parsed[1]).toMatchObject({ reqId: 'req-boom-1', level: 50, res: { status: 500 }, req: { method: 'GET', path: '/api/test/boom' }, err: { message: 'boom in handler' } });
  expect(String((parsed[1]!.err as { stack: string }).stack)).toContain('hot-paths.test.ts');

  lines.length = 0;
  const server = logged.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const req = http.get({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', path: '/api/test/slow', headers: { 'X-Request-Id': 'req-gone-1' } });
    req.on('error', () => {});
    setTimeout(() => req.destroy(), 50);
    await handled;
    await new Promise((r) => setTimeout(r, 50));
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([expect.objectContaining({ msg: 'request aborted', reqId: 'req-gone-1', level: 40, req: { method: 'GET', path: '/api/test/slow' } })]);
  } finally {
    server.close();
  }
});
