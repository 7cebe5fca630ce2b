// Handler of NOTIFICATION_JOB. Order matters: the in-app row is written first
// and idempotently (ON CONFLICT DO NOTHING on the idempotency key), the
// outbound channel last, so a job that fails at the channel and is retried
// neither duplicates the in-app notification nor skips the channel.
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { PrismaClient } from '../prisma/generated/client';
import { PermanentDeliveryError, type OutboundChannel } from './channels';
import { ZNotificationJob, type TNotificationJob } from './notification-job';

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
  const recipient = await prisma.person.findUnique({
    where: { id: payload.recipientId },
    select: { id: true, displayName: true, phone: true, active: true },
  });
  if (!recipient) throw new UnrecoverableError(`recipient ${payload.recipientId} does not exist`);

  const { count } = await prisma.notification.createMany({
    data: [
      {
        idempotencyKey: payload.idempotencyKey,
        recipientId: recipient.id,
        kind: payload.kind,
        title: payload.title,
        body: payload.body,
        link: payload.link ?? null,
      },
    ],
    skipDuplicates: true,
  });

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
