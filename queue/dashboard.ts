// The bull-board dashboard. It has no access control of its own: the router
// returned here runs `guard` (the API's admin check) before every request,
// including the dashboard's own JSON calls and static assets.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router, type RequestHandler } from 'express';
import type { Queues } from './queues';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

export interface QueueDashboardOptions {
  /** Where the router is mounted; the UI builds its links from it. Default QUEUE_DASHBOARD_PATH. */
  basePath?: string;
  /** Middleware run before the dashboard, e.g. the API's "admin only" check. */
  guard?: RequestHandler | RequestHandler[];
  readOnly?: boolean;
}

/** Returns a router to mount at `basePath`: `app.use(basePath, createQueueDashboardRouter(queues, { guard }))`. */
export function createQueueDashboardRouter(queues: Pick<Queues, 'all'>, options: QueueDashboardOptions = {}): Router {
  const basePath = options.basePath ?? QUEUE_DASHBOARD_PATH;
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: queues.all().map((q) => new BullMQAdapter(q, { readOnlyMode: options.readOnly ?? false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: '社区治理 · 队列' } },
  });
  const router = Router();
  const guards = options.guard ? [options.guard].flat() : [];
  router.use(...guards, serverAdapter.getRouter());
  return router;
}
