// The mediation API (三级三轮调解). Fixed paths come before "/api/mediation-cases/:id".
import type { RouteModule } from '../http/define-route';
import { getAgreementDocumentRoute } from './get-agreement-document';
import { getCaseRoute } from './get-case';
import { getStatisticsRoute } from './get-statistics';
import { listCasesRoute } from './list-cases';
import { actionRoutes } from './perform-action';
import { registerCaseRoute } from './register-case';

export const mediationRoutes: RouteModule = {
  name: 'mediation',
  tag: '矛盾纠纷调解',
  description: '三级三轮调解:多口受理、合理分流、社区/街道/区三轮调解、调解协议、司法确认、回访、统计',
  routes: [registerCaseRoute, listCasesRoute, getStatisticsRoute, getCaseRoute, getAgreementDocumentRoute, ...actionRoutes],
};
