// The bell's API: a person lists, counts and marks read their own in-app
// notifications and never sees or touches another person's.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// Two people no other test file notifies: their counts are this file's alone.
const ME = usernameFor('resident_rep', `${DEMO.siblingStreet}-xinghuo`, 6);
const OTHER = usernameFor('resident_rep', `${DEMO.siblingStreet}-xinghuo`, 5);

async function notify(username: string, title: string, minutesAgo: number) {
  const person = await h.deps.prisma.person.findUniqueOrThrow({ where: { username } });
  return h.deps.prisma.notification.create({
    data: { recipientId: person.id, kind: 'task.opened', title, body: '请及时办理。', link: '/api/projects/x', idempotencyKey: `test-${uniqueSuffix()}`, createdAt: new Date(Date.now() - minutesAgo * 60_000) },
  });
}

const as = async (username: string) => ({ Authorization: await h.login(username) });

describe('notifications', () => {
  it('lists only my notifications, newest first, paged, with the unread count', async () => {
    await notify(ME, '待办:审核立项', 3);
    await notify(ME, '待办:核验节点', 2);
    await notify(ME, '待办:拨付资金', 1);
    await notify(OTHER, '别人的待办', 0);
    const first = await request(h.app).get('/api/notifications').query({ limit: 2 }).set(await as(ME));
    expect(first.status).toBe(200);
    expect(first.body.items.map((n: { title: string }) => n.title)).toEqual(['待办:拨付资金', '待办:核验节点']);
    expect(first.body.unreadCount).toBe(3);
    const second = await request(h.app).get('/api/notifications').query({ limit: 2, cursor: first.body.nextCursor }).set(await as(ME));
    expect(second.body.items.map((n: { title: string }) => n.title)).toEqual(['待办:审核立项']);
    expect(second.body.nextCursor).toBeNull();
    const count = await request(h.app).get('/api/notifications/unread-count').set(await as(ME));
    expect(count.body).toEqual({ unreadCount: 3 });
  });

  it("marks one read, refuses another person's with 404 and changes nothing, then marks all read", async () => {
    const mine = await request(h.app).get('/api/notifications').query({ unread: 'true' }).set(await as(ME));
    const target = mine.body.items[0];
    const before = mine.body.unreadCount as number;
    const read = await request(h.app).post(`/api/notifications/${target.id}/read`).set(await as(ME)).send({});
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await request(h.app).get('/api/notifications/unread-count').set(await as(ME))).body.unreadCount).toBe(before - 1);
    expect((await request(h.app).get('/api/notifications').query({ unread: 'false' }).set(await as(ME))).body.items.map((n: { id: string }) => n.id)).toContain(target.id);

    const theirs = await h.deps.prisma.notification.findFirstOrThrow({ where: { recipient: { username: OTHER } } });
    const refused = await request(h.app).post(`/api/notifications/${theirs.id}/read`).set(await as(ME)).send({});
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('NOT_FOUND');
    expect((await h.deps.prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    // Their notification is not a cursor into my list either.
    const viaTheirs = await request(h.app).get('/api/notifications').query({ cursor: theirs.id }).set(await as(ME));
    expect(viaTheirs.body.items.map((n: { title: string }) => n.title)).not.toContain('别人的待办');

    const all = await request(h.app).post('/api/notifications/read-all').set(await as(ME)).send({});
    expect(all.status).toBe(200);
    expect(all.body.marked).toBe(before - 1);
    expect((await request(h.app).get('/api/notifications/unread-count').set(await as(ME))).body.unreadCount).toBe(0);
    expect((await request(h.app).get('/api/notifications/unread-count').set(await as(OTHER))).body.unreadCount).toBe(1);
  });

  it('refuses an anonymous caller', async () => {
    expect((await request(h.app).get('/api/notifications')).status).toBe(401);
  });
});
