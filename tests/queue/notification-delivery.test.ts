// A notification is delivered exactly once, however often its job runs.
import { randomUUID } from 'node:crypto';
import { QueueEvents } from 'bullmq';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogChannel, createQueues, immediateNotices, notificationJobId, startQueueWorkers, type OutboundChannel, type OutboundMessage, type Queues, type QueueWorkers } from '../../queue';
import { PermanentDeliveryError } from '../../queue/channels';
import { testPrisma } from '../helpers/db';

const prisma = testPrisma();
const redisUrl = inject('redisUrl');
// The run's prefix, narrowed to this file so its queue starts empty.
const prefix = `${inject('redisPrefix')}:q-${randomUUID().slice(0, 8)}`;

/** Fails the first `failures` sends of each key, then records the message. */
class FlakyChannel implements OutboundChannel {
  readonly name = 'flaky';
  readonly attempts = new Map<string, number>();
  readonly delivered: OutboundMessage[] = [];
  constructor(private failures: number, private permanent = false) {}
  async send(message: OutboundMessage) {
    const n = (this.attempts.get(message.idempotencyKey) ?? 0) + 1;
    this.attempts.set(message.idempotencyKey, n);
    if (this.permanent) throw new PermanentDeliveryError('number unknown');
    if (n <= this.failures) throw new Error(`gateway down (attempt ${n})`);
    this.delivered.push(message);
  }
}

let queues: Queues;
let workers: QueueWorkers;
let events: QueueEvents;
let channel: FlakyChannel;
let personId: string;

beforeAll(async () => {
  const person = await prisma.person.create({
    data: { username: `notify-${randomUUID()}`, displayName: '测试 收件人', passwordHash: 'x' },
  });
  personId = person.id;
  queues = createQueues(redisUrl, prefix, { notificationAttempts: 3, backoffMs: 20 });
  events = new QueueEvents(queues.notifications.name, { connection: { url: redisUrl }, prefix });
  await events.waitUntilReady();
  channel = new FlakyChannel(1);
  workers = await startQueueWorkers({ redisUrl, prefix, prisma, logger: pino({ level: 'silent' }), channel, concurrency: 2 });
});

afterAll(async () => {
  await workers?.close();
  await events?.close();
  await queues?.notifications.obliterate({ force: true }).catch(() => {});
  await queues?.close();
});

const payload = (key: string) => ({
  idempotencyKey: key,
  recipientId: personId,
  kind: 'task.opened',
  title: '新的待办',
  body: '请审核项目申请',
  link: '/tasks',
});

async function finished(key: string) {
  const job = await queues.notifications.getJob(notificationJobId(key));
  if (!job) throw new Error('job not found');
  return job.waitUntilFinished(events, 10_000);
}

describe('notification queue', () => {
  it('delivers once when the outbound channel fails once and the job is retried', async () => {
    const key = `wf-${randomUUID()}|submitted|${personId}`;
    await queues.enqueueNotification(payload(key));
    const result = await finished(key);
    const job = await queues.notifications.getJob(notificationJobId(key));

    expect(job?.attemptsMade).toBe(2);
    expect(result).toEqual({ inApp: 'existing', outbound: 'sent' });
    expect(channel.attempts.get(key)).toBe(2);
    expect(channel.delivered.filter((m) => m.idempotencyKey === key)).toHaveLength(1);
    const rows = await prisma.notification.findMany({ where: { idempotencyKey: key } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recipientId: personId, title: '新的待办', link: '/tasks' });
  });

  it('dates the notification by the time its job carries (the platform clock, virtual in demo mode), not by the delivery', async () => {
    const key = `wf-${randomUUID()}|virtual|${personId}`;
    const at = '2031-03-05T02:19:00.000Z';
    await queues.enqueueNotification({ ...payload(key), at });
    await finished(key);
    const row = await prisma.notification.findFirstOrThrow({ where: { idempotencyKey: key } });
    expect(row.createdAt.toISOString()).toBe(at);
    // A job enqueued without a time (from before the field) is dated by its delivery.
    const older = `wf-${randomUUID()}|old|${personId}`;
    const before = Date.now();
    await queues.enqueueNotification(payload(older));
    await finished(older);
    const dated = (await prisma.notification.findFirstOrThrow({ where: { idempotencyKey: older } })).createdAt.getTime();
    expect(dated).toBeGreaterThanOrEqual(before - 1_000);
    expect(dated).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  it('treats a second enqueue of the same key as a no-op', async () => {
    const key = `wf-${randomUUID()}|approved|${personId}`;
    await queues.enqueueNotifications([payload(key), payload(key)]);
    await queues.enqueueNotification(payload(key));
    await finished(key);
    expect(await queues.notifications.getJobCountByTypes('waiting', 'delayed', 'active')).toBe(0);
    expect(await prisma.notification.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it('does not retry a job whose recipient does not exist', async () => {
    const key = `wf-${randomUUID()}|ghost`;
    await queues.enqueueNotification({ ...payload(key), recipientId: randomUUID() });
    await expect(finished(key)).rejects.toThrow(/does not exist/);
    const job = await queues.notifications.getJob(notificationJobId(key));
    expect(job?.attemptsMade).toBe(1);
  });

  it('rejects a malformed payload before it reaches the queue', async () => {
    await expect(queues.enqueueNotification({ ...payload('x'), title: '' })).rejects.toThrow();
  });
});

describe('the log channel: notices delivered at once, without a job', () => {
  it('writes each in-app row once, logs a line for every active recipient, and queues nothing', async () => {
    const lines: Array<{ recipientId: string; idempotencyKey: string; msg: string }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const channel = createLogChannel(logger);
    expect(channel.immediate).toBe(true);
    const notices = immediateNotices({ prisma, channel, logger });
    const inactive = await prisma.person.create({ data: { username: `notify-off-${randomUUID()}`, displayName: '测试 已停用', passwordHash: 'x', active: false } });
    const run = randomUUID();
    const mine = payload(`wf-${run}|opened|${personId}`);
    // A step writes its notices' rows with its save: that one stays as it was.
    const saved = payload(`wf-${run}|saved|${personId}`);
    await prisma.notification.create({ data: { recipientId: personId, kind: saved.kind, title: '随步骤写入', body: saved.body, idempotencyKey: saved.idempotencyKey } });
    const off = { ...payload(`wf-${run}|opened|${inactive.id}`), recipientId: inactive.id };
    const ghost = { ...payload(`wf-${run}|opened|ghost`), recipientId: randomUUID() };
    const at = '2031-03-05T02:19:00.000Z';
    await notices.enqueueNotifications([{ ...mine, at }, saved, off, ghost]);
    await notices.enqueueNotifications([{ ...mine, at }]);

    const rows = await prisma.notification.findMany({ where: { idempotencyKey: { startsWith: `wf-${run}|` } } });
    const byKey = (a: string[], b: string[]) => (a[0]! < b[0]! ? -1 : 1);
    expect(rows.map((r) => [r.idempotencyKey, r.recipientId, r.title]).sort(byKey)).toEqual(
      [
        [off.idempotencyKey, inactive.id, '新的待办'],
        [mine.idempotencyKey, personId, '新的待办'],
        [saved.idempotencyKey, personId, '随步骤写入'],
      ].sort(byKey),
    );
    expect(rows.find((r) => r.idempotencyKey === mine.idempotencyKey)!.createdAt.toISOString()).toBe(at);
    // The line the log channel writes, once per delivery to an active person (the second call delivers again, as a retried job would).
    const sent = lines.filter((l) => l.msg?.startsWith('notify '));
    expect(sent.map((l) => l.idempotencyKey)).toEqual([mine.idempotencyKey, saved.idempotencyKey, mine.idempotencyKey]);
    expect(sent[0]!.msg).toBe('notify 测试 收件人: 新的待办');
    expect(lines.some((l) => l.msg?.includes('do not exist'))).toBe(true);
    for (const p of [mine, saved, off]) expect(await queues.notifications.getJob(notificationJobId(p.idempotencyKey))).toBeUndefined();
  });
});
