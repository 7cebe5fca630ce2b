import { z } from 'zod';
import { zId } from '../http/text';

export const ZNotification = z
  .object({
    id: z.string(),
    kind: z.string().meta({ description: 'e.g. task.opened' }),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().meta({ description: 'The API resource it is about, e.g. /api/mediation-cases/{id}.' }),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });

export const ZListNotificationsQuery = z.object({
  unread: z.enum(['true', 'false']).optional().meta({ description: 'true: only unread; false: only read; absent: all.' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: zId(100).optional().meta({ description: 'nextCursor of the previous page.' }),
});

export const ZNotificationPage = z
  .object({ items: z.array(ZNotification), nextCursor: z.string().nullable(), unreadCount: z.number().int() })
  .meta({ id: 'NotificationPage', description: 'Newest first.' });

export const ZUnreadCount = z.object({ unreadCount: z.number().int() }).meta({ id: 'NotificationUnreadCount' });

export const ZNotificationIdParams = z.object({ id: zId(100) });
