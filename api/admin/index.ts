// Administration for the web console (issue 9 item 7): people and their role
// grants within the administrator's units, accounts, the business calendar,
// and operator actions on workflows (issue 10 item 6).
// Every change writes the audit log.
import type { RouteModule } from '../http/define-route';
import { advanceClockRoute, getClockRoute } from './clock-routes';
import { cancelWorkflowRoute } from './cancel-workflow';
import { deactivatePersonRoute } from './deactivate-person';
import { describeWorkflowRoute } from './describe-workflow';
import { grantRoleRoute } from './grant-role';
import { listCalendarYearsRoute } from './list-calendar-years';
import { listPeopleRoute } from './list-people';
import { listWorkersRoute } from './list-workers';
import { listWorkflowsRoute } from './list-workflows';
import { reactivatePersonRoute } from './reactivate-person';
import { resetWorkflowRoute } from './reset-workflow';
import { retryActivityRoute } from './retry-activity';
import { revokeRoleRoute } from './revoke-role';
import { saveCalendarYearRoute } from './save-calendar-year';
import { terminateWorkflowRoute } from './terminate-workflow';

export const adminRoutes: RouteModule = {
  name: 'admin',
  tag: '系统管理',
  description: '人员与角色授权（限本人管理的单位）、账号停用/启用、工作日历、演示模式的时钟（快进）、流程运维（查询、查看、终止、取消、重置、立即重试活动、查看工作进程）',
  routes: [listPeopleRoute, grantRoleRoute, revokeRoleRoute, deactivatePersonRoute, reactivatePersonRoute, listCalendarYearsRoute, saveCalendarYearRoute, getClockRoute, advanceClockRoute,
    listWorkflowsRoute, describeWorkflowRoute, listWorkersRoute, terminateWorkflowRoute, cancelWorkflowRoute, resetWorkflowRoute, retryActivityRoute],
};
