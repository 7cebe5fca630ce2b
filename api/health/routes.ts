import { z } from 'zod';
import { defineRoute, reply, type RouteModule } from '../http/define-route';
import { checkReadiness } from './check-readiness';

const ZDependency = z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() });

export const ZReadiness = z
  .object({
    ready: z.boolean(),
    checks: z.object({ postgres: ZDependency, redis: ZDependency, temporal: ZDependency }),
  })
  .meta({ id: 'Readiness' });

export const ZHealth = z.object({ status: z.literal('ok'), version: z.string(), uptimeSeconds: z.number() }).meta({ id: 'Health' });

export const healthRoutes: RouteModule = {
  name: 'health',
  tag: 'health',
  description: 'Liveness and readiness probes.',
  routes: [
    defineRoute({
      method: 'get',
      path: '/api/health',
      summary: 'Liveness: the process answers',
      roles: 'public',
      response: { schema: ZHealth },
      handler: ({ req }) => ({ status: 'ok' as const, version: req.app.locals.version ?? 'unknown', uptimeSeconds: Math.round(process.uptime()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/ready',
      summary: 'Readiness: PostgreSQL, Redis and Temporal reachable (503 when any is not)',
      roles: 'public',
      response: { schema: ZReadiness, description: 'All dependencies answer. The same body comes with 503 when one does not.' },
      async handler({ deps }) {
        const readiness = await checkReadiness({
          prisma: deps.prisma,
          temporal: deps.temporal,
          redis: deps.redis,
          timeoutMs: deps.config.server.readyTimeoutMs,
        });
        return reply(readiness.ready ? 200 : 503, readiness);
      },
    }),
  ],
};
