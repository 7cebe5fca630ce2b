// The business calendar every working-day deadline counts on, for anyone
// logged in: the console counts down "剩余 N 个工作日" with the same
// holidays and make-up days as the processes (shipped years, replaced by
// years an administrator loaded). Holidays are public; who loaded them is not
// shown here (that is GET /api/admin/calendar-years).
import { z } from 'zod';
import { listCalendarYears } from '../admin/list-calendar-years';
import { businessTime } from '../deps';
import { defineRoute, type RouteModule } from '../http/define-route';

export const ZBusinessCalendar = z
  .object({ years: z.array(z.object({ year: z.number().int(), holidays: z.array(z.string()), workdays: z.array(z.string()) })) })
  .meta({ id: 'BusinessCalendar' });

export const calendarRoutes: RouteModule = {
  name: 'calendar',
  tag: 'calendar',
  description: 'The business calendar (工作日历) deadlines count on.',
  routes: [
    defineRoute({
      method: 'get',
      path: '/api/calendar',
      summary: 'Holidays and make-up working days of every year the calendar knows',
      roles: 'authenticated',
      response: { schema: ZBusinessCalendar },
      handler: async ({ deps }) => ({ years: (await listCalendarYears({ prisma: deps.prisma, now: businessTime(deps) })).years.map(({ year, holidays, workdays }) => ({ year, holidays, workdays })) }),
    }),
  ],
};
