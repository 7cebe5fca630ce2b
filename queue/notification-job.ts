// The notification job: what `notify` enqueues and the queue worker delivers.
// One job per recipient; the idempotency key is the job's identity in the
// in-app store (Notification.idempotencyKey is unique), so however often a
// job is retried or re-enqueued, the recipient sees the notification once.
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const NOTIFICATIONS_QUEUE = 'notifications';
export const NOTIFICATION_JOB = 'deliver-notification';

export const ZNotificationJob = z.object({
  idempotencyKey: z.string().min(1).max(500),
  recipientId: z.string().min(1),
  /** What happened, e.g. "task.opened", "project.approved"; clients pick an icon by it. */
  kind: z.string().min(1).max(100),
  title: z.string().min(1).max(200),
  body: z.string().max(5000),
  link: z.string().max(500).optional(),
  /**
   * When it happened on the platform's clock (the notifying activity's), so
   * that under CLOCK=virtual the bell shows the process's time, not the
   * wall's. Absent (a job enqueued before this field): the delivery's time.
   */
  at: z.iso.datetime().optional(),
});
export type TNotificationJob = z.infer<typeof ZNotificationJob>;

/**
 * The BullMQ job id for a notification. BullMQ refuses ids that contain ":"
 * or look like integers, and workflow ids may contain anything, so the id is
 * a digest of the idempotency key. While a job with this id is still kept in
 * Redis, adding it again is a no-op.
 */
export function notificationJobId(idempotencyKey: string): string {
  return `n-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}`;
}
