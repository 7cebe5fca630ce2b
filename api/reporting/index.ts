// 双向述职 routes. Fixed paths come before `/api/reporting/:id`, which would otherwise match them.
import type { RouteModule } from '../http/define-route';
import { actOnReportRoute } from './act-on-report';
import { disableScheduleRoute } from './disable-schedule';
import { enableScheduleRoute } from './enable-schedule';
import { getBallotsRoute } from './get-ballots';
import { getReportRoute } from './get-report';
import { getResultsRoute } from './get-results';
import { listCyclesRoute, listSchedulesRoute } from './list-cycles';
import { listReportsRoute } from './list-reports';
import { startCycleRoute } from './start-cycle';

export const reportingRoutes: RouteModule = {
  name: 'reporting',
  tag: '双向述职',
  description: '社区党组织书记双向述职与民主评议',
  routes: [
    startCycleRoute,
    listCyclesRoute,
    enableScheduleRoute,
    listSchedulesRoute,
    disableScheduleRoute,
    listReportsRoute,
    getResultsRoute,
    getReportRoute,
    getBallotsRoute,
    actOnReportRoute,
  ],
};
