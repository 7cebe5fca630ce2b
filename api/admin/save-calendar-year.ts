import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { validateCalendarYear } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import type { PrismaClient } from '../../prisma/generated/client';
import { defineRoute } from '../http/define-route';
import { ZCalendarYear, ZSaveCalendarYear } from './schemas';

export interface SaveCalendarYearOptions {
  prisma: PrismaClient;
  actor: Actor;
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  requestId?: string;
}

/**
 * Loads (or replaces) one year's holidays and make-up working days. Every
 * deadline of every process in the district counts on it, so only an
 * administrator of a top-level unit (the district) may; audited with the
 * previous data. Deadlines already computed keep their dates; new ones use it.
 */
export async function saveCalendarYear({ prisma, actor, year, holidays, workdays, source, requestId }: SaveCalendarYearOptions) {
  if (!actor.grants.some((g) => g.role === 'admin' && g.unitPath.split('/').filter(Boolean).length === 1)) {
    throw new AppError('FORBIDDEN_SCOPE', '工作日历全区通用，只有区级系统管理员可以修改');
  }
  const data = { year, holidays: [...new Set(holidays)].sort(), workdays: [...new Set(workdays)].sort(), source };
  try {
    validateCalendarYear(data);
  } catch (err) {
    if (err instanceof RangeError) {
      throw new AppError('VALIDATION_FAILED', `日历数据无效：${err.message}`, { details: [{ in: 'body', field: '', code: 'invalid_calendar', message: err.message }] });
    }
    throw err;
  }
  const before = await prisma.calendarYear.findUnique({ where: { year } });
  const fields = { holidays: data.holidays, workdays: data.workdays, source, updatedBy: actor.personId };
  const [saved] = await prisma.$transaction([
    prisma.calendarYear.upsert({ where: { year }, create: { year, ...fields }, update: fields }),
    prisma.auditLog.create({
      data: {
        actorId: actor.personId,
        action: 'saveCalendarYear',
        subjectType: 'calendarYear',
        subjectId: String(year),
        requestId,
        data: { before: before ? { holidays: before.holidays, workdays: before.workdays, source: before.source } : null, after: { holidays: data.holidays, workdays: data.workdays, source } },
      },
    }),
  ]);
  return { year: saved.year, holidays: saved.holidays, workdays: saved.workdays, source: saved.source, origin: 'loaded' as const, updatedAt: saved.updatedAt.toISOString(), updatedBy: saved.updatedBy };
}

export const saveCalendarYearRoute = defineRoute({
  method: 'put',
  path: '/api/admin/calendar-years/:year',
  summary: 'Load or replace a year\'s holidays and make-up working days (district administrators)',
  roles: ['admin'],
  request: { params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), body: ZSaveCalendarYear },
  response: { schema: ZCalendarYear },
  errors: ['FORBIDDEN_SCOPE'],
  handler: ({ deps, actor, params, body, requestId }) =>
    saveCalendarYear({ prisma: deps.prisma, actor, year: params.year, holidays: body.holidays, workdays: body.workdays, source: body.source, requestId }),
});
