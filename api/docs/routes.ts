import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { defineRoute, type RouteModule } from '../http/define-route';
import { renderDocsPage } from './render-docs-page';

// Rendered once per app; the document does not change while it runs.
const pages = new WeakMap<object, string>();

export const docsRoutes: RouteModule = {
  name: 'docs',
  tag: 'docs',
  description: 'This documentation.',
  routes: [
    defineRoute({
      method: 'get',
      path: '/api/openapi.json',
      summary: 'The OpenAPI 3.1 document of this API',
      roles: 'public',
      response: { schema: z.record(z.string(), z.unknown()), description: 'OpenAPI 3.1 document.' },
      handler: ({ req }) => {
        const doc = req.app.locals.openapi;
        if (!doc) throw new AppError('INTERNAL', '接口文档尚未生成。');
        return doc as unknown as Record<string, unknown>;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/docs',
      summary: 'Human-readable API documentation (HTML, works offline)',
      roles: 'public',
      response: { schema: z.string(), contentType: 'text/html', description: 'HTML page.' },
      handler: ({ req, res }) => {
        const doc = req.app.locals.openapi;
        if (!doc) throw new AppError('INTERNAL', '接口文档尚未生成。');
        let page = pages.get(doc);
        if (!page) {
          page = renderDocsPage(doc);
          pages.set(doc, page);
        }
        res.type('html').send(page);
        return undefined;
      },
    }),
  ],
};
