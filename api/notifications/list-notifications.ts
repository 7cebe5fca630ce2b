import type { Actor } from '../../domain/access';
import type { PrismaClient } from '../../prisma/generated/client';

export interface ListNotificationsOptions {
  prisma: PrismaClient;
  actor: Actor;
  /** true: unread only; false: read only; undefined: all. */
  unread?: boolean;
  limit: number;
  /** The id of the last notification of the previous page. */
  cursor?: string;
}

type NotificationRow = { id: string; kind: string; title: string; body: string; link: string | null; createdAt: Date; readAt: Date | null };

export function presentNotification(n: NotificationRow) {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null };
}

export function countUnread({ prisma, actor }: { prisma: PrismaClient; actor: Actor }): Promise<number> {
  return prisma.notification.count({ where: { recipientId: actor.personId, readAt: null } });
}

/** The caller's own notifications, newest first; nobody reads another person's. */
export async function listNotifications({ prisma, actor, unread, limit, cursor }: ListNotificationsOptions) {
  const where = { recipientId: actor.personId, ...(unread === undefined ? {} : { readAt: unread ? null : { not: null } }) };
  // A cursor that is not one of the caller's notifications starts from the top rather than revealing anything.
  const from = cursor ? await prisma.notification.findFirst({ where: { id: cursor, recipientId: actor.personId }, select: { id: true } }) : null;
  const rows = await prisma.notification.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    ...(from ? { cursor: { id: from.id }, skip: 1 } : {}),
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { items: page.map(presentNotification), nextCursor: rows.length > limit ? page[page.length - 1].id : null, unreadCount: await countUnread({ prisma, actor }) };
}
