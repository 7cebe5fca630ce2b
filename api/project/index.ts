// The project API (党建项目化管理). Fixed paths come before "/api/projects/:id".
import type { RouteModule } from '../http/define-route';
import { createProjectRoute } from './create-project';
import { getProjectRoute } from './get-project';
import { listDisbursementsRoute } from './list-disbursements';
import { listProjectsRoute } from './list-projects';
import { actionRoutes } from './perform-action';
import { supervisionReportRoute } from './supervision-report';

export const projectRoutes: RouteModule = {
  name: 'project',
  tag: '党建项目',
  description: '党建项目化管理:立项、公示、实施、验收、激励',
  routes: [createProjectRoute, listProjectsRoute, listDisbursementsRoute, supervisionReportRoute, getProjectRoute, ...actionRoutes],
};
