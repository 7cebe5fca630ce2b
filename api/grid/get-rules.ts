// GET /api/grid-incidents/rules — the time limits an incident reported now
// runs under (config/grid.ts: GRID_*_DAYS). 事件上报 shows the handling limit
// of the urgency being chosen, so the reporter sees what 紧急 commits the
// handler to before choosing it. An incident keeps the rules it was reported
// under, so these are not the limits of incidents already running.
import { z } from 'zod';
import { REPORT_ROLES } from '../../domain/grid/access';
import { defineRoute } from '../http/define-route';

const days = (what: string) => z.number().int().describe(`${what}(工作日)`);

export const ZGridRules = z
  .object({
    triageWorkingDays: days('社区研判分拨时限'),
    handleWorkingDays: z.object({ urgent: days('紧急事件处置时限'), ordinary: days('一般事件处置时限'), minor: days('轻微事件处置时限') }),
    verifyWorkingDays: days('核查时限,逾期自动办结'),
    overdueGraceWorkingDays: days('逾期后提级前的宽限'),
    ratingWorkingDays: days('办结后回访时限'),
  })
  .meta({ id: 'GridRules' });

export const getGridRulesRoute = defineRoute({
  method: 'get',
  path: '/api/grid-incidents/rules',
  summary: '网格事件的处置时限(新上报的事件适用)',
  roles: [...REPORT_ROLES],
  response: { schema: ZGridRules },
  handler: ({ deps }) => deps.config.rules.grid,
});
