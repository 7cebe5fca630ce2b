// Administration for the web console (issue 9 item 7): people and their role
// grants within the administrator's units, accounts, the business calendar.
// Every change writes the audit log.
import type { RouteModule } from '../http/define-route';
import { advanceClockRoute, getClockRoute } from './clock-routes';
import { deactivatePersonRoute } from './deactivate-person';
import { grantRoleRoute } from './grant-role';
import { listCalendarYearsRoute } from './list-calendar-years';
import { listPeopleRoute } from './list-people';
import { reactivatePersonRoute } from './reactivate-person';
import { revokeRoleRoute } from './revoke-role';
import { saveCalendarYearRoute } from './save-calendar-year';

export const adminRoutes: RouteModule = {
  name: 'admin',
  tag: '系统管理',
  description: '人员与角色授权（限本人管理的单位）、账号停用/启用、工作日历、演示模式的时钟（快进）',
  routes: [listPeopleRoute, grantRoleRoute, revokeRoleRoute, deactivatePersonRoute, reactivatePersonRoute, listCalendarYearsRoute, saveCalendarYearRoute, getClockRoute, advanceClockRoute],
};
