import { z } from 'zod';
import { shippedCalendarYears, yearsToLoad } from '../../domain/calendar';
import type { PrismaClient } from '../../prisma/generated/client';
import { businessTime } from '../deps';
import { defineRoute } from '../http/define-route';
import { ZCalendarYear } from './schemas';

export interface ListCalendarYearsOptions {
  prisma: PrismaClient;
  /** Business time: which years are due to be loaded depends on it. */
  now: Date;
}

/**
 * Every year the business calendar knows: shipped in the code, or loaded (a loaded year replaces a shipped one);
 * and the years due by now that it does not know (domain/calendar/coverage.ts).
 */
export async function listCalendarYears({ prisma, now }: ListCalendarYearsOptions) {
  const loaded = await prisma.calendarYear.findMany({ orderBy: { year: 'asc' } });
  const byYear = new Map<number, z.input<typeof ZCalendarYear>>();
  for (const y of shippedCalendarYears()) byYear.set(y.year, { ...y, origin: 'shipped', updatedAt: null, updatedBy: null });
  for (const y of loaded) {
    byYear.set(y.year, { year: y.year, holidays: y.holidays, workdays: y.workdays, source: y.source, origin: 'loaded', updatedAt: y.updatedAt.toISOString(), updatedBy: y.updatedBy });
  }
  return { years: [...byYear.values()].sort((a, b) => a.year - b.year), toLoad: yearsToLoad(now, byYear.keys()) };
}

export const listCalendarYearsRoute = defineRoute({
  method: 'get',
  path: '/api/admin/calendar-years',
  summary: 'The years of the business calendar (工作日历): holidays and make-up working days (调休)',
  roles: ['admin'],
  response: {
    schema: z
      .object({
        years: z.array(ZCalendarYear),
        toLoad: z
          .array(z.object({ year: z.number().int(), current: z.boolean() }))
          .meta({
            description:
              "Years due to be loaded that the calendar lacks: the current year, and from November the next (the State Council's notice comes out in the autumn). Their deadlines count only weekends as days off.",
          }),
      })
      .meta({ id: 'CalendarYears' }),
  },
  handler: ({ deps }) => listCalendarYears({ prisma: deps.prisma, now: businessTime(deps) }),
});
