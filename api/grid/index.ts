// The grid incident API (网格事件处置). Fixed paths come before "/api/grid-incidents/:id".
import type { RouteModule } from '../http/define-route';
import { getIncidentRoute } from './get-incident';
import { getGridRulesRoute } from './get-rules';
import { getGridStatisticsRoute } from './get-statistics';
import { listIncidentsRoute } from './list-incidents';
import { actionRoutes } from './perform-action';
import { gridPhotoRoutes } from './photos';
import { reportIncidentRoute } from './report-incident';

export const gridRoutes: RouteModule = {
  name: 'grid',
  tag: '网格事件处置',
  description: '网格事件处置:网格员巡查、12345热线多口受理,社区分拨(就地解决、派单、转人民调解、上报街道),限时处置,核查办结,满意度回访,统计',
  routes: [reportIncidentRoute, listIncidentsRoute, getGridStatisticsRoute, getGridRulesRoute, getIncidentRoute, ...gridPhotoRoutes, ...actionRoutes],
};
