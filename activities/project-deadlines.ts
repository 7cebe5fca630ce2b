// Working-day deadlines for the project workflow, from the business calendar
// (domain/calendar; administrator-loaded years override the shipped ones). A
// due date is the end (23:59:59.999 Beijing time) of the Nth working day after
// the day the step opened; the opening day itself is not counted.

import { addWorkingDays, endOfDay, type BusinessCalendar } from '../domain/calendar';
import { loadCalendar } from '../db/calendar-store';
import type { PrismaClient } from '../prisma/generated/client';

export function endOfDate(date: string): Date {
  return endOfDay(date);
}

export async function endOfWorkingDay(prisma: PrismaClient, from: Date, workingDays: number, calendar?: BusinessCalendar): Promise<Date> {
  return addWorkingDays(from, workingDays, calendar ?? (await loadCalendar(prisma)));
}
