// Every route module the app mounts, in order. Process areas append theirs
// (api/projects, api/mediation-cases, api/reporting) to this list.
import { authRoutes } from './auth/routes';
import { docsRoutes } from './docs/routes';
import { healthRoutes } from './health/routes';
import type { RouteModule } from './http/define-route';
import { calendarRoutes } from './calendar/routes';
import { meRoutes } from './me/routes';
import { notificationRoutes } from './notifications/routes';
import { orgRoutes } from './org/routes';
import { taskRoutes } from './tasks/routes';
import { projectRoutes } from './project';
import { mediationRoutes } from './mediation';
import { gridRoutes } from './grid';
import { reportingRoutes } from './reporting';
import { adminRoutes } from './admin';
import { fundCapRoutes } from './project/get-fund-cap';
import { noticeBoardRoutes } from './public/notice-board';

export const ROUTE_MODULES: RouteModule[] = [healthRoutes, authRoutes, meRoutes, notificationRoutes, calendarRoutes, taskRoutes, orgRoutes, projectRoutes, mediationRoutes, gridRoutes, reportingRoutes, adminRoutes, fundCapRoutes, noticeBoardRoutes, docsRoutes];
