import { z } from 'zod';
import { SHIPPED_CALENDAR_YEARS } from '../../domain/calendar';
import type { PrismaClient } from '../../prisma/generated/client';
import { defineRoute } from '../http/define-route';
import { ZCalendarYear } from './schemas';

export interface ListCalendarYearsOptions {
  prisma: PrismaClient;
}

/** Every year the business calendar knows: shipped in the code, or loaded (a loaded year replaces a shipped one). */
export async function listCalendarYears({ prisma }: ListCalendarYearsOptions) {
  const loaded = await prisma.calendarYear.findMany({ orderBy: { year: 'asc' } });
  const byYear = new Map<number, z.input<typeof ZCalendarYear>>();
  for (const y of SHIPPED_CALENDAR_YEARS) byYear.set(y.year, { ...y, origin: 'shipped', updatedAt: null, updatedBy: null });
  for (const y of loaded) {
    byYear.set(y.year, { year: y.year, holidays: y.holidays, workdays: y.workdays, source: y.source, origin: 'loaded', updatedAt: y.updatedAt.toISOString(), updatedBy: y.updatedBy });
  }
  return { years: [...byYear.values()].sort((a, b) => a.year - b.year) };
}

export const listCalendarYearsRoute = defineRoute({
  method: 'get',
  path: '/api/admin/calendar-years',
  summary: 'The years of the business calendar (工作日历): holidays and make-up working days (调休)',
  roles: ['admin'],
  response: { schema: z.object({ years: z.array(ZCalendarYear) }).meta({ id: 'CalendarYears' }) },
  handler: ({ deps }) => listCalendarYears({ prisma: deps.prisma }),
});
