// Working-day arithmetic for reporting deadlines. Uses the platform's
// business calendar (domain/calendar) once it is available; until then,
// weekends only.
import type { ActivityDeps } from './index';

export async function addWorkingDaysFor(_prisma: ActivityDeps['prisma'], from: Date, days: number): Promise<Date> {
  const d = new Date(from);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = new Date(d.getTime() + 8 * 3600_000).getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return d;
}
