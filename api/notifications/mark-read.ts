import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { PrismaClient } from '../../prisma/generated/client';
import { presentNotification } from './list-notifications';

export interface MarkReadOptions {
  prisma: PrismaClient;
  actor: Actor;
  now: Date;
}

/** Marks one of the caller's notifications read (again: unchanged); another person's is not found. */
export async function markNotificationRead({ prisma, actor, now, id }: MarkReadOptions & { id: string }) {
  // updateMany with the recipient in the filter: check and write in one statement.
  await prisma.notification.updateMany({ where: { id, recipientId: actor.personId, readAt: null }, data: { readAt: now } });
  const row = await prisma.notification.findFirst({ where: { id, recipientId: actor.personId } });
  if (!row) throw new AppError('NOT_FOUND', '没有这条消息');
  return presentNotification(row);
}

/** Marks all of the caller's unread notifications read. */
export async function markAllNotificationsRead({ prisma, actor, now }: MarkReadOptions) {
  const { count } = await prisma.notification.updateMany({ where: { recipientId: actor.personId, readAt: null }, data: { readAt: now } });
  return { marked: count };
}
