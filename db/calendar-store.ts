// Calendar years an administrator loaded (CalendarYear table), merged over the
// years shipped in domain/calendar: a year in the table replaces the shipped one.
import {
  createCalendar,
  SHIPPED_CALENDAR_YEARS,
  validateCalendarYear,
  type BusinessCalendar,
  type CalendarYearData,
} from '../domain/calendar';
import type { PrismaClient } from '../prisma/generated/client';

type CalendarDb = Pick<PrismaClient, 'calendarYear'>;

export async function loadCalendar(prisma: CalendarDb): Promise<BusinessCalendar> {
  const rows = await prisma.calendarYear.findMany({ orderBy: { year: 'asc' } });
  const loaded: CalendarYearData[] = rows.map((r) => ({
    year: r.year,
    holidays: r.holidays,
    workdays: r.workdays,
    source: r.source,
  }));
  return createCalendar([...SHIPPED_CALENDAR_YEARS, ...loaded]);
}

export interface SaveCalendarYearOptions {
  /** Person id of the administrator, kept on the row. */
  updatedBy?: string;
}

/** Validates and stores one year (insert or replace). Throws RangeError on bad data. */
export async function saveCalendarYear(
  prisma: CalendarDb,
  data: CalendarYearData,
  options: SaveCalendarYearOptions = {},
): Promise<void> {
  validateCalendarYear(data);
  const holidays = [...new Set(data.holidays)].sort();
  const workdays = [...new Set(data.workdays)].sort();
  const fields = { holidays, workdays, source: data.source, updatedBy: options.updatedBy ?? null };
  await prisma.calendarYear.upsert({ where: { year: data.year }, create: { year: data.year, ...fields }, update: fields });
}
