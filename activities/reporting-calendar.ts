// Working-day deadlines for reporting steps: the platform's business calendar
// (shipped years merged with the ones an administrator loaded), deadline at
// the end of the last working day, Beijing time.
import { addWorkingDays } from '../domain/calendar';
import { loadCalendar } from '../db/calendar-store';
import type { ActivityDeps } from './index';

export async function addWorkingDaysFor(prisma: ActivityDeps['prisma'], from: Date, days: number): Promise<Date> {
  return addWorkingDays(from, days, await loadCalendar(prisma));
}
