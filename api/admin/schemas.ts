import { z } from 'zod';
import { ZRoleName } from '../me/routes';

export const ZPersonId = z.object({ personId: z.string().min(1).max(100) });

export const ZAdminGrant = z
  .object({ id: z.string(), role: ZRoleName, roleLabel: z.string(), unitId: z.string(), unitName: z.string(), unitPath: z.string() })
  .meta({ id: 'AdminGrant' });

export const ZAdminPerson = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable(),
    active: z.boolean(),
    grants: z.array(ZAdminGrant).meta({ description: 'The role grants inside the administrator\'s scope only.' }),
  })
  .meta({ id: 'AdminPerson' });

const ZLocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const ZCalendarYear = z
  .object({
    year: z.number().int(),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    source: z.string(),
    origin: z.enum(['shipped', 'loaded']).meta({ description: 'shipped: in the code (domain/calendar); loaded: by an administrator, replacing a shipped year.' }),
    updatedAt: z.iso.datetime().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'CalendarYear' });

export const ZSaveCalendarYear = z
  .object({
    holidays: z.array(ZLocalDate).max(60).meta({ description: 'Every day off of each announced break (放假), weekends inside a break may be listed.' }),
    workdays: z.array(ZLocalDate).max(30).meta({ description: 'Weekend days that are working days (调休上班).' }),
    source: z.string().trim().min(1).max(200).meta({ description: 'The notice, e.g. 国办发明电〔2025〕7号.' }),
  })
  .meta({ id: 'SaveCalendarYear' });
