import { z } from 'zod';
import { defineRoute, type RouteModule } from '../http/define-route';
import { countUnread, listNotifications } from './list-notifications';
import { markAllNotificationsRead, markNotificationRead } from './mark-read';
import { ZListNotificationsQuery, ZNotification, ZNotificationIdParams, ZNotificationPage, ZUnreadCount } from './schemas';
import { businessTime } from '../deps';

export const notificationRoutes: RouteModule = {
  name: 'notifications',
  tag: 'notifications',
  description: "The caller's in-app notifications (消息提醒): only their own, newest first.",
  routes: [
    defineRoute({
      method: 'get',
      path: '/api/notifications',
      summary: "The caller's notifications, newest first, with the unread count",
      roles: 'authenticated',
      request: { query: ZListNotificationsQuery },
      response: { schema: ZNotificationPage },
      handler: ({ deps, actor, query }) =>
        listNotifications({ prisma: deps.prisma, actor, unread: query.unread === undefined ? undefined : query.unread === 'true', limit: query.limit, cursor: query.cursor }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/notifications/unread-count',
      summary: "How many of the caller's notifications are unread (the bell's badge)",
      roles: 'authenticated',
      response: { schema: ZUnreadCount },
      handler: async ({ deps, actor }) => ({ unreadCount: await countUnread({ prisma: deps.prisma, actor }) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/read-all',
      summary: "Mark all of the caller's notifications read",
      roles: 'authenticated',
      response: { schema: z.object({ marked: z.number().int() }).meta({ id: 'NotificationsMarked' }) },
      handler: ({ deps, actor }) => markAllNotificationsRead({ prisma: deps.prisma, actor, now: businessTime(deps) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/:id/read',
      summary: 'Mark one of the caller\'s notifications read',
      roles: 'authenticated',
      request: { params: ZNotificationIdParams },
      response: { schema: ZNotification },
      errors: ['NOT_FOUND'],
      handler: ({ deps, actor, params }) => markNotificationRead({ prisma: deps.prisma, actor, now: businessTime(deps), id: params.id }),
    }),
  ],
};
