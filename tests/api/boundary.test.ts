// Text, ids, dates and headers at the boundary (issue 13): whatever a client
// sends, a bad value is a 400 naming the field, in Chinese, before any use
// case, database write or workflow sees it — never a 500 or a wedged process.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleClientErrors, ROUTE_MODULES } from '../../api';
import { STAGE_LABELS } from '../../domain/project/state';
import { actionRefusal } from '../../domain/project/actions';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { uniqueSuffix } from '../helpers/db';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform();
});
afterAll(() => p?.close());

const COMMUNITY = 'community.qindu-renmin-furong';
const THIS_YEAR = () => new Date(p.now().getTime() + 8 * 3600_000).getUTCFullYear();

function application(title: string, milestone: Record<string, unknown> = {}) {
  return {
    title,
    category: 'community_service',
    goals: '第一行目标\n第二行目标\t(多行文本可以换行)',
    budgetFen: 1_500_000,
    finalPaymentFen: 500_000,
    milestones: [{ title: '第1阶段', amountFen: 1_000_000, dueDate: `${THIS_YEAR()}-12-28`, ...milestone }],
  };
}

function expectProblem(res: { status: number; headers: Record<string, string>; body: { title?: string; code?: string } }, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.title).toMatch(/[\u4e00-\u9fff]/);
}

describe('text at the boundary', () => {
  it('refuses a milestone title with a lone surrogate: 400 naming the field, no project created', async () => {
    const marker = `代理项-${uniqueSuffix()}`;
    const agent = await p.as(COMMUNITY);
    const res = await agent.post('/api/projects').send(application(marker, { title: 'a\ud800b' }));
    expectProblem(res, 400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', title: '请求内容不符合要求' });
    expect(res.body.errors).toEqual([expect.objectContaining({ in: 'body', field: 'milestones.0.title', code: 'malformed_unicode' })]);
    expect(res.body.detail).toContain('milestones.0.title');
    expect(await p.prisma.project.count({ where: { title: marker } })).toBe(0);
  });

  it('refuses NUL and other controls, and line breaks in one-line fields, but keeps multi-line text', async () => {
    const agent = await p.as(COMMUNITY);
    const marker = `控制字符-${uniqueSuffix()}`;
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...application(marker), title: `${marker}\u0000` }, 'title', 'control_character'],
      [{ ...application(marker), title: `${marker}\n第二行` }, 'title', 'line_break'],
      [{ ...application(marker), goals: '目标\u0007' }, 'goals', 'control_character'],
      [{ ...application(marker), goals: 'x'.repeat(5001) }, 'goals', 'too_big'],
      [{ ...application(marker), communityId: 'qindu\u0000' }, 'communityId', 'control_character'],
    ];
    for (const [body, field, code] of cases) {
      const res = await agent.post('/api/projects').send(body);
      expectProblem(res, 400);
      expect(res.body.errors, field).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect(await p.prisma.project.count({ where: { title: { startsWith: marker } } })).toBe(0);
  });

  it('answers NUL in list filters, ids, body ids and the login username with 400', async () => {
    const admin = await p.as('admin.qindu');
    for (const path of [
      '/api/tasks?unitId=%00',
      '/api/projects?streetId=qindu%00',
      '/api/mediation-cases?unitId=%00&q=%00',
      '/api/reporting/reports?cycleId=%00',
      '/api/projects/%00',
      '/api/tasks/%00/claim',
      '/api/mediation-cases/%00',
      '/api/reporting/reporting-%00',
    ]) {
      const res = path.endsWith('/claim') ? await admin.post(path).send({}) : await admin.get(path);
      expectProblem(res, 400);
    }
    const mediator = await p.as('mediator.qindu-renmin');
    const assign = await mediator.post(`/api/mediation-cases/${crypto.randomUUID()}/actions/assignMediator`).send({ mediatorId: 'm\u0000' });
    expectProblem(assign, 400);
    expect(assign.body.errors[0]).toMatchObject({ field: 'mediatorId' });
    const deep = await (await p.as('district_org.qindu')).post('/api/reporting/schedules').set('Content-Type', 'application/json').send(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expectProblem(deep, 400);
    expect(deep.body.errors[0]).toMatchObject({ in: 'body', code: 'too_deep' });
    const login = await p.request.post('/api/auth/login').send({ username: 'admin\u0000', password: 'x' });
    expectProblem(login, 400);
    expect(login.body.errors[0]).toMatchObject({ in: 'body', field: 'username' });
  });

  it('answers path ids that do not decode with 400 on every route with an id', async () => {
    const admin = await p.as('admin.qindu');
    const routes = ROUTE_MODULES.flatMap((m) => m.routes).filter((r) => r.path.includes(':'));
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      for (const bad of ['%', '%ED%A0%80', '%E4%B8']) {
        const path = route.path.replace(/:([A-Za-z_]+)/g, (_m, name: string) => (name === 'action' ? 'x' : bad));
        const res = route.method === 'get' ? await admin.get(path) : await admin[route.method](path).send({});
        expect(res.status, `${route.method} ${path}`).toBe(400);
        expect(res.body.errors?.[0]).toMatchObject({ in: 'params', code: 'invalid_encoding' });
      }
    }
  });
});

describe('dates', () => {
  it('refuses impossible calendar dates in filters and bodies', async () => {
    const auditor = await p.as('auditor.qindu');
    for (const bad of ['2026-13-45', '0000-00-00', '2025-02-29']) {
      const list = await auditor.get(`/api/mediation-cases?from=${bad}`);
      expectProblem(list, 400);
      expect(list.body.errors[0]).toMatchObject({ in: 'query', field: 'from', code: 'invalid_date' });
      const stats = await auditor.get(`/api/mediation-cases/statistics?unitId=qindu&from=2026-01-01&to=${bad}`);
      expectProblem(stats, 400);
      expect(stats.body.errors[0]).toMatchObject({ field: 'to' });
    }
    const agent = await p.as(COMMUNITY);
    const marker = `日期-${uniqueSuffix()}`;
    const res = await agent.post('/api/projects').send(application(marker, { dueDate: `${THIS_YEAR()}-02-30` }));
    expectProblem(res, 400);
    expect(res.body.errors[0]).toMatchObject({ field: 'milestones.0.dueDate', code: 'invalid_date' });
  });

  it('refuses a reversed period in the lists, as in the statistics, instead of an empty page', async () => {
    const auditor = await p.as('auditor.qindu');
    for (const list of ['/api/mediation-cases', '/api/grid-incidents']) {
      const reversed = await auditor.get(`${list}?from=2026-12-31&to=2026-01-01`);
      expectProblem(reversed, 400);
      expect(reversed.body.errors[0]).toMatchObject({ in: 'query', field: 'from', code: 'date_order' });
      expect(reversed.body.detail).toBe('起始日期不能晚于截止日期。');
      // One day (from = to) is a period, not a reversed one.
      expect((await auditor.get(`${list}?from=2026-06-01&to=2026-06-01`)).status).toBe(200);
    }
  });

  it('refuses a milestone due before the project\'s year', async () => {
    const agent = await p.as(COMMUNITY);
    const marker = `往年节点-${uniqueSuffix()}`;
    const res = await agent.post('/api/projects').send(application(marker, { dueDate: '1999-06-30' }));
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'milestones.0.dueDate', code: 'before_project_year' })]);
    expect(res.body.detail).toContain(String(THIS_YEAR()));
    expect(await p.prisma.project.count({ where: { title: marker } })).toBe(0);
  });
});

describe('messages in Chinese', () => {
  it('translates validation messages per field: no raw library English', async () => {
    const admin = await p.as('admin.qindu');
    const res = await admin.get('/api/tasks?limit=abc&overdue=maybe');
    expectProblem(res, 400);
    expect(res.body.detail).toMatch(/^请求有 2 处不符合要求/);
    for (const e of res.body.errors) expect(e.message).not.toMatch(/expected|received|Invalid/i);
    expect(res.body.errors.find((e: { field: string }) => e.field === 'limit').message).toBe('应为数字,收到的是非数字(NaN)');
    const denied = await (await p.as(COMMUNITY)).get('/api/reporting/schedules');
    expect(denied.status).toBe(403);
    expect(denied.body.title).toBe('没有相应的角色');
    expect(denied.body.detail).toMatch(/^需要以下角色之一:/);
    expect(denied.body.detail).not.toMatch(/[a-z]_[a-z]/);
  });

  it('names stages and roles by their Chinese labels in refusals', () => {
    const state = { stage: 'implementation', busy: null, suspended: null, community: { id: 'c', name: '芙蓉社区', path: 'qindu/qindu-renmin/c/' }, objections: [] };
    const actor = { personId: 'x', displayName: 'x', grants: [{ role: 'street_office' as const, unitId: 'qindu-renmin', unitPath: 'qindu/qindu-renmin/' }] };
    const refusal = actionRefusal(state as never, 'answerObjection', actor, { objectionId: 'o1', answer: 'a', upheld: false } as never);
    expect(refusal?.message).toContain(`当前阶段(${STAGE_LABELS.implementation})`);
    expect(refusal?.message).not.toMatch(/implementation/);
    const wrongRole = actionRefusal(state as never, 'confirmReward', actor, {} as never);
    expect(wrongRole?.code).toBe('FORBIDDEN_ROLE');
    expect(wrongRole?.message).not.toMatch(/district_org|street_office/);
  });
});

describe('headers too large', () => {
  let server: Server;
  beforeAll(async () => {
    server = handleClientErrors(createServer(p.app));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('answers 431 with a problem+json body', async () => {
    const { port } = server.address() as AddressInfo;
    const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/health', headers: { 'x-padding': 'x'.repeat(64 * 1024) } }, (r) => {
        let body = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (body += c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, type: String(r.headers['content-type']), body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(431);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ status: 431, code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', title: '请求头过大' });
  });
});
