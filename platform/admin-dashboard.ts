// Mounts the queue dashboard (bull-board) for admins only in front of the
// API app. The dashboard is a browser page whose own requests carry no
// bearer token, so the guard also accepts the token from an HttpOnly cookie,
// set by opening `/admin/queues?token=<accessToken>` once (see README).
import express, { type Express, type RequestHandler } from 'express';
import { authenticate, requireRole, type AppDeps } from '../api';
import { errorMiddleware } from '../api/http/problem';
import { createQueueDashboardRouter, QUEUE_DASHBOARD_PATH, type Queues } from '../queue';

const COOKIE = 'cg_admin_token';

function tokenFromCookieOrQuery(): RequestHandler {
  return (req, res, next) => {
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : undefined;
    if (fromQuery && /^[A-Za-z0-9\-_.]+$/.test(fromQuery)) {
      res.cookie(COOKIE, fromQuery, { httpOnly: true, sameSite: 'strict', path: QUEUE_DASHBOARD_PATH });
      // Drop the token from the address bar (and from any later log line).
      return res.redirect(303, req.baseUrl || QUEUE_DASHBOARD_PATH);
    }
    if (!req.headers.authorization) {
      const cookie = (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`));
      if (cookie) req.headers.authorization = `Bearer ${cookie.slice(COOKIE.length + 1)}`;
    }
    next();
  };
}

/** An app serving the admin-only dashboard at /admin/queues and the API everywhere else. */
export function withQueueDashboard(api: Express, deps: AppDeps, queues: Queues): Express {
  const outer = express();
  outer.disable('x-powered-by');
  outer.set('trust proxy', 'loopback');
  outer.use(
    QUEUE_DASHBOARD_PATH,
    createQueueDashboardRouter(queues, {
      guard: [tokenFromCookieOrQuery(), authenticate(deps), requireRole(['admin'])],
    }),
  );
  outer.use(QUEUE_DASHBOARD_PATH, errorMiddleware);
  outer.use(api);
  return outer;
}
