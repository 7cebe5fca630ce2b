// Handler of NOTIFICATION_JOB. Order matters: the in-app row is written first
// and idempotently (ON CONFLICT DO NOTHING on the idempotency key), the
// outbound channel last, so a job that fails at the channel and is retried
// neither duplicates the in-app notification nor skips the channel. A
// process step's jobs find their row already written with the step
// (activities/notify.ts, writeNotices): the insert then writes nothing, and
// a statement that writes no row has no commit record to flush.
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { rawDb, UTC_NOW } from '../db/raw-sql';
import { Prisma, type PrismaClient } from '../prisma/generated/client';
import { PermanentDeliveryError, type OutboundChannel } from './channels';
import { ZNotificationJob, type TNotificationJob } from './notification-job';
import type { Queues } from './queues';

export interface DeliverNotificationOptions {
  prisma: PrismaClient;
  channel: OutboundChannel;
  logger: Logger;
}

export type DeliveryResult = { inApp: 'created' | 'existing'; outbound: 'sent' | 'skipped' };

export async function deliverNotification(
  payload: TNotificationJob,
  { prisma, channel }: DeliverNotificationOptions,
): Promise<DeliveryResult> {
  // The person and the in-app row in one statement (every step notifies
  // someone; see InboxDb in activities/inbox for what a model query costs).
  const [recipient] = await rawDb(prisma).$queryRaw<{ id: string; displayName: string; phone: string | null; active: boolean; created: number }[]>`
    WITH p AS (SELECT id, "displayName", phone, active FROM "Person" WHERE id = ${payload.recipientId}),
    ins AS (
      INSERT INTO "Notification" (id, "recipientId", kind, title, body, link, "idempotencyKey", "createdAt")
      SELECT gen_random_uuid()::text, p.id, ${payload.kind}, ${payload.title}, ${payload.body}, ${payload.link ?? null}, ${payload.idempotencyKey},
             ${payload.at ? Prisma.sql`${payload.at}::timestamp(3)` : UTC_NOW}
        FROM p
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT p.id, p."displayName", p.phone, p.active, (SELECT count(*)::int FROM ins) AS created FROM p`;
  if (!recipient) throw new UnrecoverableError(`recipient ${payload.recipientId} does not exist`);
  const count = recipient.created;

  // A deactivated person keeps the in-app record (for the audit trail) but
  // is not messaged outside the platform.
  if (!recipient.active) return { inApp: count ? 'created' : 'existing', outbound: 'skipped' };

  try {
    await channel.send({
      idempotencyKey: payload.idempotencyKey,
      recipient: { id: recipient.id, displayName: recipient.displayName, phone: recipient.phone },
      kind: payload.kind,
      title: payload.title,
      body: payload.body,
      link: payload.link,
    });
  } catch (err) {
    if (err instanceof PermanentDeliveryError) throw new UnrecoverableError(`${channel.name}: ${err.message}`);
    throw err;
  }
  return { inApp: count ? 'created' : 'existing', outbound: 'sent' };
}

/**
 * What the platform's code notifies through: the BullMQ queues (`Queues`),
 * or, for a channel that needs no queue, `immediateNotices`.
 */
export type NoticeSender = Pick<Queues, 'enqueueNotification' | 'enqueueNotifications'>;

/**
 * Notices for an immediate channel (`OutboundChannel.immediate`, the log
 * channel: no gateway configured), delivered at once instead of queued. A
 * queued job per recipient cost the worker's main thread about 13% of its
 * busy time over a simulated year (BullMQ's scripts and ioredis, a job
 * fetched, moved and finished for each) to write a log line
 * (docs/performance-log.md).
 */
export function immediateNotices(options: DeliverNotificationOptions): NoticeSender {
  return {
    enqueueNotification: (payload) => deliverNow([payload], options),
    enqueueNotifications: (payloads) => deliverNow(payloads, options),
  };
}

/**
 * Delivers a batch as its jobs would: the in-app rows in one statement
 * (idempotent by key: a step's are already written with it, a sweep's 催办
 * are written here), then the channel for each active recipient. A notice
 * for an unknown person is left out, as its job would fail for good.
 */
async function deliverNow(payloads: readonly TNotificationJob[], { prisma, channel, logger }: DeliverNotificationOptions): Promise<void> {
  if (payloads.length === 0) return;
  const data = payloads.map((p) => ZNotificationJob.parse(p));
  const recipients = await rawDb(prisma).$queryRaw<{ i: number; id: string; displayName: string; phone: string | null; active: boolean }[]>`
    WITH n AS (
      SELECT n.i, n."recipientId", n.kind, n.title, n.body, n.link, n.key, n.at FROM unnest(${data.map((_, i) => i)}::int[], ${data.map((d) => d.recipientId)}::text[], ${data.map((d) => d.kind)}::text[], ${data.map((d) => d.title)}::text[],
                           ${data.map((d) => d.body)}::text[], ${data.map((d) => d.link ?? null)}::text[], ${data.map((d) => d.idempotencyKey)}::text[], ${data.map((d) => d.at ?? null)}::timestamp(3)[])
          AS n(i, "recipientId", kind, title, body, link, key, at)),
    ins AS (
      INSERT INTO "Notification" (id, "recipientId", kind, title, body, link, "idempotencyKey", "createdAt")
      SELECT gen_random_uuid()::text, p.id, n.kind, n.title, n.body, n.link, n.key, COALESCE(n.at, ${UTC_NOW})
        FROM n JOIN "Person" p ON p.id = n."recipientId"
      ON CONFLICT DO NOTHING)
    SELECT n.i::int AS i, p.id, p."displayName", p.phone, p.active FROM n JOIN "Person" p ON p.id = n."recipientId" ORDER BY n.i`;
  if (recipients.length < data.length) logger.warn({ unknown: data.length - recipients.length }, 'notification recipients that do not exist were left out');
  for (const r of recipients) {
    if (!r.active) continue;
    const d = data[r.i]!;
    await channel.send({ idempotencyKey: d.idempotencyKey, recipient: { id: r.id, displayName: r.displayName, phone: r.phone }, kind: d.kind, title: d.title, body: d.body, link: d.link });
  }
}

/** The BullMQ processor: validates the payload (a malformed job is never retried) and delivers it. */
export function createNotificationProcessor(options: DeliverNotificationOptions) {
  return async (job: Job): Promise<DeliveryResult> => {
    const parsed = ZNotificationJob.safeParse(job.data);
    if (!parsed.success) {
      throw new UnrecoverableError(`invalid notification payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return deliverNotification(parsed.data, options);
  };
}
