// The inbox and its scope: tasks are inserted directly (no workflow needed),
// each test under its own `process` name so tests never see each other's rows.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleName } from '../../domain/roles';
import { DEMO, usernameFor } from '../../seeds/demo-org';
import { uniqueSuffix } from '../helpers/db';
import { startApiHarness, type ApiHarness } from './harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => {
  await h?.close();
});

const DAY = 86_400_000;

async function insertTask(
  process: string,
  fields: { role: RoleName; unitId: string; title?: string; dueInDays?: number | null; assignee?: string; status?: 'open' | 'done'; doneDaysAgo?: number },
) {
  const assignee = fields.assignee ? await h.deps.prisma.person.findUniqueOrThrow({ where: { username: fields.assignee } }) : null;
  const key = uniqueSuffix();
  return h.deps.prisma.humanTask.create({
    data: {
      process,
      workflowId: `wf-${process}`,
      subjectId: `subject-${process}`,
      key,
      action: 'reviewApplication',
      title: fields.title ?? `task ${key}`,
      role: fields.role,
      unitId: fields.unitId,
      assigneeId: assignee?.id ?? null,
      dueAt: fields.dueInDays === null || fields.dueInDays === undefined ? null : new Date(Date.now() + fields.dueInDays * DAY),
      status: fields.status ?? 'open',
      completedAt: fields.doneDaysAgo === undefined ? null : new Date(Date.now() - fields.doneDaysAgo * DAY),
    },
  });
}

async function listTitles(username: string, query: Record<string, string>) {
  const res = await request(h.app).get('/api/tasks').query(query).set('Authorization', await h.login(username));
  expect(res.status).toBe(200);
  return res.body.items.map((t: { title: string }) => t.title) as string[];
}

describe('GET /api/tasks scope', () => {
  it("shows a street officer their street's tasks and subtree, never a sibling street's", async () => {
    const p = `scope-${uniqueSuffix()}`;
    await insertTask(p, { role: 'street_office', unitId: DEMO.street, title: 'own street' });
    await insertTask(p, { role: 'street_office', unitId: DEMO.community, title: 'own community' });
    await insertTask(p, { role: 'street_office', unitId: DEMO.siblingStreet, title: 'sibling street' });
    await insertTask(p, { role: 'street_office', unitId: `${DEMO.siblingStreet}-huafu`, title: 'sibling community' });
    await insertTask(p, { role: 'community', unitId: DEMO.community, title: 'other role' });
    await insertTask(p, { role: 'street_office', unitId: DEMO.siblingStreet, title: 'assigned to me', assignee: usernameFor('street_office', DEMO.street) });
    await insertTask(p, { role: 'street_office', unitId: DEMO.street, title: 'claimed by someone else', assignee: usernameFor('auditor', DEMO.street) });

    const officer = usernameFor('street_office', DEMO.street);
    expect((await listTitles(officer, { process: p })).sort()).toEqual(['assigned to me', 'own community', 'own street']);
    expect((await listTitles(usernameFor('street_office', DEMO.siblingStreet), { process: p })).sort()).toEqual([
      'sibling community',
      'sibling street',
    ]);
    expect(await listTitles(usernameFor('community', DEMO.community), { process: p })).toEqual(['other role']);
    expect(await listTitles(usernameFor('community', DEMO.siblingCommunity), { process: p })).toEqual([]);
    expect(await listTitles(officer, { process: p, assignment: 'mine' })).toEqual(['assigned to me']);
    expect((await listTitles(officer, { process: p, assignment: 'claimable' })).sort()).toEqual(['own community', 'own street']);
  });

  it('filters by unit subtree, action, overdue and status, sorted by due date with no due date last', async () => {
    const p = `filter-${uniqueSuffix()}`;
    const officer = usernameFor('street_office', DEMO.street);
    await insertTask(p, { role: 'street_office', unitId: DEMO.street, title: 'no due', dueInDays: null });
    await insertTask(p, { role: 'street_office', unitId: DEMO.street, title: 'in 3 days', dueInDays: 3 });
    await insertTask(p, { role: 'street_office', unitId: DEMO.grid, title: 'overdue grid', dueInDays: -2 });
    await insertTask(p, { role: 'street_office', unitId: DEMO.community, title: 'tomorrow', dueInDays: 1 });
    await insertTask(p, { role: 'street_office', unitId: DEMO.street, title: 'done', dueInDays: 1, status: 'done' });

    expect(await listTitles(officer, { process: p })).toEqual(['overdue grid', 'tomorrow', 'in 3 days', 'no due']);
    expect(await listTitles(officer, { process: p, overdue: 'true' })).toEqual(['overdue grid']);
    expect(await listTitles(officer, { process: p, overdue: 'false' })).toEqual(['tomorrow', 'in 3 days', 'no due']);
    expect(await listTitles(officer, { process: p, unitId: DEMO.community })).toEqual(['overdue grid', 'tomorrow']);
    expect(await listTitles(officer, { process: p, action: 'somethingElse' })).toEqual([]);
    expect(await listTitles(officer, { process: p, status: 'done' })).toEqual(['done']);

    const res = await request(h.app).get('/api/tasks').query({ process: p, overdue: 'true' }).set('Authorization', await h.login(officer));
    expect(res.body.items[0]).toMatchObject({ overdue: true, claimable: true, unitId: DEMO.grid, unitPath: expect.stringMatching(/\/$/) });
  });

  it('pages with limit and an opaque cursor without repeating or skipping', async () => {
    const p = `page-${uniqueSuffix()}`;
    const officer = usernameFor('street_office', DEMO.street);
    for (const due of [5, null, 1, 3, null, 2, 4]) await insertTask(p, { role: 'street_office', unitId: DEMO.street, title: `due ${due}`, dueInDays: due });
    const auth = await h.login(officer);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await request(h.app)
        .get('/api/tasks')
        .query({ process: p, limit: '3', ...(cursor ? { cursor } : {}) })
        .set('Authorization', auth);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((t: { title: string }) => t.title));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.slice(0, 5)).toEqual(['due 1', 'due 2', 'due 3', 'due 4', 'due 5']);
    expect(seen.slice(5)).toEqual(['due null', 'due null']);
  });

  it('lists done tasks the latest done first, and pages them so', async () => {
    const p = `done-${uniqueSuffix()}`;
    const officer = usernameFor('street_office', DEMO.street);
    // Done in another order than they were due: 已办 follows when they were done.
    for (const [due, ago] of [[1, 40], [9, 2], [3, 300], [2, 0], [8, 90]] as const) {
      await insertTask(p, { role: 'street_office', unitId: DEMO.street, title: `done ${ago} days ago`, dueInDays: -due - ago, status: 'done', doneDaysAgo: ago });
    }
    expect(await listTitles(officer, { process: p, status: 'done' })).toEqual(['done 0 days ago', 'done 2 days ago', 'done 40 days ago', 'done 90 days ago', 'done 300 days ago']);
    const auth = await h.login(officer);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(h.app).get('/api/tasks').query({ process: p, status: 'done', limit: '2', ...(cursor ? { cursor } : {}) }).set('Authorization', auth);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((t: { title: string }) => t.title));
      cursor = res.body.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(['done 0 days ago', 'done 2 days ago', 'done 40 days ago', 'done 90 days ago', 'done 300 days ago']);
  });

  it('answers bad query values with 400 VALIDATION_FAILED naming each field', async () => {
    const auth = await h.login(usernameFor('street_office', DEMO.street));
    const res = await request(h.app).get('/api/tasks').query({ limit: 'abc', status: 'bogus', overdue: 'maybe' }).set('Authorization', auth);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: '/api/docs#error-VALIDATION_FAILED', code: 'VALIDATION_FAILED', status: 400, requestId: expect.any(String) });
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'overdue', 'status']);
    expect(res.body.errors.every((e: { in: string }) => e.in === 'query')).toBe(true);

    const badCursor = await request(h.app).get('/api/tasks').query({ cursor: 'garbage' }).set('Authorization', auth);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0]).toMatchObject({ in: 'query', field: 'cursor' });
  });
});

describe('POST /api/tasks/:id/claim', () => {
  it('lets one role holder claim; another gets 409 TASK_ALREADY_CLAIMED; whoever cannot see the task (sibling unit, other role) gets 404', async () => {
    const p = `claim-${uniqueSuffix()}`;
    const task = await insertTask(p, { role: 'resident_rep', unitId: DEMO.community });
    const first = usernameFor('resident_rep', DEMO.community, 1);
    const second = usernameFor('resident_rep', DEMO.community, 2);

    const sibling = await request(h.app).post(`/api/tasks/${task.id}/claim`).set('Authorization', await h.login(usernameFor('resident_rep', DEMO.siblingCommunity)));
    expect(sibling.status).toBe(404);
    expect(sibling.body.code).toBe('NOT_FOUND');

    const wrongRole = await request(h.app).post(`/api/tasks/${task.id}/claim`).set('Authorization', await h.login(usernameFor('community', DEMO.community)));
    expect(wrongRole.status).toBe(404);
    expect(wrongRole.body.code).toBe('NOT_FOUND');

    const [a, b] = await Promise.all([
      request(h.app).post(`/api/tasks/${task.id}/claim`).set('Authorization', await h.login(first)),
      request(h.app).post(`/api/tasks/${task.id}/claim`).set('Authorization', await h.login(second)),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    expect(loser.body.code).toBe('TASK_ALREADY_CLAIMED');
    expect(winner.body).toMatchObject({ id: task.id, claimable: false, assigneeId: expect.any(String) });

    const audit = await h.deps.prisma.auditLog.findMany({ where: { subjectType: 'HumanTask', subjectId: task.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'task.claimed', actorId: winner.body.assigneeId });

    // Claiming one's own task again is harmless.
    const winnerName = a.status === 200 ? first : second;
    const again = await request(h.app).post(`/api/tasks/${task.id}/claim`).set('Authorization', await h.login(winnerName));
    expect(again.status).toBe(200);
  });

  it('404 NOT_FOUND for an unknown task, 409 ALREADY_DONE for a finished one', async () => {
    const auth = await h.login(usernameFor('street_office', DEMO.street));
    const missing = await request(h.app).post('/api/tasks/00000000-0000-0000-0000-000000000000/claim').set('Authorization', auth);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const done = await insertTask(`done-${uniqueSuffix()}`, { role: 'street_office', unitId: DEMO.street, status: 'done' });
    const res = await request(h.app).post(`/api/tasks/${done.id}/claim`).set('Authorization', auth);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ALREADY_DONE');
  });
});

describe('GET /api/org', () => {
  it("shows a street officer their street's subtree only, and the district org the whole district", async () => {
    const res = await request(h.app).get('/api/org').set('Authorization', await h.login(usernameFor('street_office', DEMO.street)));
    expect(res.status).toBe(200);
    expect(res.body.roots.map((u: { id: string }) => u.id)).toEqual([DEMO.street]);
    const ids = JSON.stringify(res.body);
    expect(ids).toContain(DEMO.grid);
    expect(ids).not.toContain(DEMO.siblingStreet);

    const district = await request(h.app).get('/api/org').query({ maxDepth: '1' }).set('Authorization', await h.login(usernameFor('auditor', DEMO.district)));
    expect(district.body.roots).toHaveLength(1);
    expect(district.body.roots[0]).toMatchObject({ id: DEMO.district, level: 'district' });
    expect(district.body.roots[0].children.map((c: { level: string }) => c.level)).toContain('street');
    expect(district.body.roots[0].children.every((c: { children: unknown[] }) => c.children.length === 0)).toBe(true);
  });
});
