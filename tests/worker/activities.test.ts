// The shared activities against the run's database (seeded demo district) and
// a recording queue: called directly, as the worker would call them.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createActivities, type Clock } from '../../activities';
import { ancestorPaths } from '../../domain/access';
import { writeNotices } from '../../activities/notify';
import { rawDb } from '../../db/raw-sql';
import type { TNotificationJob } from '../../queue';
import { testPrisma } from '../helpers/db';

const prisma = testPrisma();
const fixedNow = new Date('2025-03-03T08:00:00Z');
const clock: Clock = { now: () => fixedNow };

function recordingQueue() {
  const jobs: TNotificationJob[] = [];
  return {
    jobs,
    async enqueueNotification(job: TNotificationJob) {
      jobs.push(job);
    },
    async enqueueNotifications(batch: TNotificationJob[]) {
      jobs.push(...batch);
    },
  };
}

function setup() {
  const queue = recordingQueue();
  return { queue, activities: createActivities({ prisma, queue, clock }), workflowId: `wf-${randomUUID()}` };
}

const task = (workflowId: string, key: string) => ({
  workflowId,
  process: 'project',
  subjectId: workflowId,
  key,
  action: 'reviewApplication',
  title: '审核项目申请',
  role: 'street_office' as const,
  unitId: 'qindu-renmin',
  dueAt: '2025-03-10T10:00:00.000Z',
});

describe('inbox activities', () => {
  it('openHumanTask is idempotent on workflowId + key', async () => {
    const { activities, workflowId } = setup();
    const first = await activities.openHumanTask(task(workflowId, 'review-1'));
    const again = await activities.openHumanTask({ ...task(workflowId, 'review-1'), title: 'changed' });
    expect(again).toBe(first);
    const rows = await prisma.humanTask.findMany({ where: { workflowId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'open', title: '审核项目申请', dueAt: new Date('2025-03-10T10:00:00Z'), createdAt: fixedNow });
  });

  it('closeHumanTasks closes the given keys, or every open task, once', async () => {
    const { activities, workflowId } = setup();
    await activities.openHumanTask(task(workflowId, 'a'));
    await activities.openHumanTask(task(workflowId, 'b'));
    await activities.openHumanTask(task(workflowId, 'c'));
    const other = `wf-${randomUUID()}`;
    await activities.openHumanTask(task(other, 'a'));

    expect(await activities.closeHumanTasks({ workflowId, keys: ['a'], completedById: null })).toBe(1);
    expect(await activities.closeHumanTasks({ workflowId, keys: ['a'] })).toBe(0);
    expect(await activities.closeHumanTasks({ workflowId, status: 'cancelled' })).toBe(2);
    expect(await activities.closeHumanTasks({ workflowId })).toBe(0);

    const rows = await prisma.humanTask.findMany({ where: { workflowId }, orderBy: { key: 'asc' } });
    expect(rows.map((r) => [r.key, r.status])).toEqual([['a', 'done'], ['b', 'cancelled'], ['c', 'cancelled']]);
    expect(rows[0].completedAt).toEqual(fixedNow);
    expect(await prisma.humanTask.count({ where: { workflowId: other, status: 'open' } })).toBe(1);
  });

  it('refuses to guess the workflow outside an activity context', async () => {
    const { activities } = setup();
    await expect(activities.closeHumanTasks({})).rejects.toThrow(/workflowId is required/);
  });
});

describe('notify', () => {
  it('lists the paths of a unit and the units above it', () => {
    expect(ancestorPaths('qindu/qindu-renmin/qindu-renmin-furong/')).toEqual(['qindu/', 'qindu/qindu-renmin/', 'qindu/qindu-renmin/qindu-renmin-furong/']);
  });

  it('enqueues one job per holder of a role covering the unit, keyed by workflow, event and person', async () => {
    const { activities, queue, workflowId } = setup();
    const community = await prisma.unit.findFirstOrThrow({ where: { level: 'community', parent: { id: 'qindu-renmin' } } });
    // mediators sit on the community, the street and the district: all cover the community
    const holders = await prisma.roleAssignment.findMany({
      where: { role: 'mediator', unit: { path: { in: ancestorPaths(community.path) } } },
      select: { personId: true },
    });
    expect(holders.length).toBeGreaterThanOrEqual(3);

    const result = await activities.notify({
      workflowId,
      event: 'case.accepted',
      to: { role: 'mediator', unitId: community.id },
      kind: 'task.opened',
      title: '新的调解案件',
      body: '请受理',
    });
    expect(result.recipientIds.sort()).toEqual([...new Set(holders.map((h) => h.personId))].sort());
    expect(queue.jobs.map((j) => j.idempotencyKey).sort()).toEqual(result.recipientIds.map((id) => `${workflowId}|case.accepted|${id}`).sort());

    const onlyUnit = await activities.notify({ workflowId, event: 'x', to: { role: 'mediator', unitId: community.id, reach: 'unit' }, kind: 'k', title: 't', body: '' });
    const onUnit = await prisma.roleAssignment.count({ where: { role: 'mediator', unitId: community.id } });
    expect(onlyUnit.recipientIds).toHaveLength(onUnit);
  });

  it('notifies named people, ignoring unknown ids', async () => {
    const { activities, queue, workflowId } = setup();
    const person = await prisma.person.findFirstOrThrow({ where: { username: { startsWith: 'street_office.' } } });
    const result = await activities.notify({ workflowId, event: 'returned', to: { personIds: [person.id, randomUUID()] }, kind: 'k', title: '退回修改', body: 'b', link: '/p/1' });
    expect(result.recipientIds).toEqual([person.id]);
    expect(queue.jobs).toEqual([{ idempotencyKey: `${workflowId}|returned|${person.id}`, recipientId: person.id, kind: 'k', title: '退回修改', body: 'b', link: '/p/1', at: fixedNow.toISOString() }]);
  });
  it('writes the notices of a step in one statement: each one\'s recipients as notify finds them, and their in-app rows once', async () => {
    const workflowId = `wf-${randomUUID()}`;
    const community = await prisma.unit.findFirstOrThrow({ where: { level: 'community', parent: { id: 'qindu-renmin' } } });
    const person = await prisma.person.findFirstOrThrow({ where: { username: { startsWith: 'street_office.' } } });
    const inputs = [
      { workflowId, event: 'a', to: { role: 'mediator' as const, unitId: community.id }, kind: 'k', title: '受理', body: '请受理', link: '/c/1' },
      { workflowId, event: 'b', to: { personIds: [person.id, randomUUID()] }, kind: 'k', title: '退回', body: '' },
      { workflowId, event: 'c', to: { role: 'mediator' as const, unitId: community.id, reach: 'unit' as const }, kind: 'k', title: 't', body: '' },
      { workflowId, event: 'd', to: { role: 'mediator' as const, unitId: 'no-such-unit' }, kind: 'k', title: 't', body: '' },
    ];
    const { results, jobs } = await writeNotices(rawDb(prisma), inputs, fixedNow);
    // The same recipients, in input order, as one notify per notice finds.
    const one = createActivities({ prisma, queue: recordingQueue(), clock });
    const apart = [];
    for (const input of inputs) apart.push(await one.notify({ ...input, workflowId: `${workflowId}-apart` }));
    expect(results).toEqual(apart);
    expect(results[0]!.recipientIds.length).toBeGreaterThan(results[2]!.recipientIds.length);
    expect(results[1]!.recipientIds).toEqual([person.id]);
    expect(results[3]!.recipientIds).toEqual([]);
    const keys = results.flatMap((r, i) => r.recipientIds.map((id) => `${workflowId}|${inputs[i]!.event}|${id}`));
    expect(jobs.map((j) => j.idempotencyKey)).toEqual(keys);
    expect(jobs[0]).toMatchObject({ kind: 'k', title: '受理', body: '请受理', link: '/c/1', at: fixedNow.toISOString() });
    // Each recipient's in-app row is written with them, once: writing again (a retried save) adds none.
    const rows = () => prisma.notification.findMany({ where: { idempotencyKey: { startsWith: `${workflowId}|` } }, orderBy: { idempotencyKey: 'asc' } });
    const written = await rows();
    expect(written.map((n) => n.idempotencyKey)).toEqual([...keys].sort());
    expect(written.find((n) => n.idempotencyKey === keys[0])).toMatchObject({ kind: 'k', title: '受理', body: '请受理', link: '/c/1', createdAt: fixedNow });
    await writeNotices(rawDb(prisma), inputs, new Date(fixedNow.getTime() + 60_000));
    expect(await rows()).toEqual(written);
    expect(await writeNotices(rawDb(prisma), [], fixedNow)).toEqual({ results: [], jobs: [] });
  });
});

describe('recordAudit', () => {
  it('appends entries, and writes an entry with an eventId once', async () => {
    const { activities } = setup();
    const subjectId = `p-${randomUUID()}`;
    const base = { action: 'approveApplication', subjectType: 'project', subjectId, unitId: 'qindu-renmin', data: { budgetFen: 1000 } };
    const a = await activities.recordAudit(base);
    const b = await activities.recordAudit(base);
    expect(a).not.toBe(b);
    const c = await activities.recordAudit({ ...base, eventId: 'wf:upd-1' });
    const d = await activities.recordAudit({ ...base, eventId: 'wf:upd-1' });
    expect(d).toBe(c);
    const rows = await prisma.auditLog.findMany({ where: { subjectId }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({ at: fixedNow, eventId: 'wf:upd-1', data: { budgetFen: 1000, eventId: 'wf:upd-1' } });
  });

  it("writes a step's entries once each, however often the step's save runs", async () => {
    const { activities } = setup();
    const subjectId = `p-${randomUUID()}`;
    const entry = (seq: number) => ({ actorId: null, action: 'recordSession', subjectType: 'mediation', subjectId, unitId: null, data: { summary: `第${seq}次` }, eventId: `wf:${seq}` });
    await activities.recordAuditEntries([entry(1), entry(2)]);
    // A retried save: its first entries were written, the third is new.
    await activities.recordAuditEntries([entry(1), entry(2), entry(3)]);
    await activities.recordAudit({ ...entry(2), data: { summary: 'again' } });
    const rows = await prisma.auditLog.findMany({ where: { subjectId }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.eventId, (r.data as { summary: string }).summary])).toEqual([
      ['wf:1', '第1次'],
      ['wf:2', '第2次'],
      ['wf:3', '第3次'],
    ]);
  });
});
