import type { Actor } from '../../domain/access';
import { Prisma, type PrismaClient } from '../../prisma/generated/client';
import { rawDb } from '../../db/raw-sql';

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

/** How many of a person's notifications are unread, as a scalar subquery. */
const unreadCountSql = (personId: string) => Prisma.sql`(SELECT count(*) FROM "Notification" u WHERE u."recipientId" = ${personId} AND u."readAt" IS NULL)`;

export async function countUnread({ prisma, actor }: { prisma: PrismaClient; actor: Actor }): Promise<number> {
  const [row] = await rawDb(prisma).$queryRaw<Array<{ n: bigint }>>`SELECT ${unreadCountSql(actor.personId)} AS n`;
  return Number(row!.n);
}

/**
 * The caller's own notifications, newest first; nobody reads another
 * person's. One query for the page and the unread count (the console asks
 * for both on every page, and the count alone every 30 seconds), read in
 * order off the (recipientId, createdAt, id) index; through the model it was
 * two or three. A cursor that is not one of the caller's notifications
 * starts from the top rather than revealing anything: the comparison with
 * no row is NULL, which `IS NOT FALSE` lets through.
 */
export async function listNotifications({ prisma, actor, unread, limit, cursor }: ListNotificationsOptions) {
  const and: Prisma.Sql[] = [Prisma.sql`n."recipientId" = ${actor.personId}`];
  if (unread !== undefined) and.push(unread ? Prisma.sql`n."readAt" IS NULL` : Prisma.sql`n."readAt" IS NOT NULL`);
  if (cursor) {
    and.push(Prisma.sql`((n."createdAt", n.id) < (SELECT c."createdAt", c.id FROM "Notification" c WHERE c.id = ${cursor} AND c."recipientId" = ${actor.personId})) IS NOT FALSE`);
  }
  const rows = await rawDb(prisma).$queryRaw<Array<NotificationRow & { unread: bigint }>>`
    SELECT n.id, n.kind, n.title, n.body, n.link, n."createdAt", n."readAt",
           ${unreadCountSql(actor.personId)} AS unread
      FROM "Notification" n
     WHERE ${Prisma.join(and, ' AND ')}
     ORDER BY n."createdAt" DESC, n.id DESC
     LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  return {
    items: page.map(presentNotification),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
    // An empty page carries no count: asked for alone.
    unreadCount: rows.length > 0 ? Number(rows[0]!.unread) : await countUnread({ prisma, actor }),
  };
}
