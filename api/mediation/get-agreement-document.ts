// GET /api/mediation-cases/{id}/agreement-document — the rendered 人民调解协议书
// (HTML). It names the parties in full, so it follows the personal-data rule.
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { personalDataVisible } from '../../domain/mediation/access';
import { defineRoute } from '../http/define-route';
import { loadReadableCaseRow } from './get-case';
import { accessViewOf } from './present';
import { ZCaseId } from './schemas';

export const getAgreementDocumentRoute = defineRoute({
  method: 'get',
  path: '/api/mediation-cases/:id/agreement-document',
  summary: '人民调解协议书(HTML)',
  roles: 'authenticated',
  request: { params: ZCaseId },
  response: { schema: z.string(), contentType: 'text/html' },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'CONFLICT'],
  handler: async (ctx) => {
    const row = await loadReadableCaseRow({ deps: ctx.deps, actor: ctx.actor, caseId: ctx.params.id });
    if (!personalDataVisible(ctx.actor, accessViewOf(row))) {
      throw new AppError('FORBIDDEN_SCOPE', '调解协议书载有当事人个人信息,仅承办调解员、其上级调解组织和审计人员可以查看。');
    }
    const doc = await ctx.deps.prisma.mediationAgreement.findUnique({ where: { caseId: row.id }, select: { documentHtml: true } });
    if (!doc?.documentHtml) throw new AppError('CONFLICT', '调解协议书尚未生成,请稍后再试。');
    ctx.res.status(200).type('text/html; charset=utf-8').send(doc.documentHtml);
    return undefined;
  },
});
