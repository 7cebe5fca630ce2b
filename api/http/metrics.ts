// Prometheus metrics of the API process: latency and counts of every request
// by route pattern (`/api/projects/:id`, never the raw URL, so the number of
// series stays bounded by the number of routes). The registry is served by
// the entry point on its own port (platform/metrics-server.ts), not here.
import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface HttpMetrics {
  registry: Registry;
  /** Mounted first by createApp: records each request when its response has finished. */
  middleware: RequestHandler;
}

/** A registry of its own per app (tests build several apps in one process), with the process metrics. */
export function createHttpMetrics(registry: Registry = new Registry()): HttpMetrics {
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'API request latency by method, route pattern and status code.',
    labelNames: ['method', 'route', 'code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const total = new Counter({
    name: 'http_requests_total',
    help: 'API requests by method, route pattern and status code.',
    labelNames: ['method', 'route', 'code'] as const,
    registers: [registry],
  });
  const middleware: RequestHandler = (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      // The matched route's pattern; what no route matched is the console's files or a 404.
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : req.path.startsWith('/api/') ? '(unmatched)' : '(console)';
      const labels = { method: req.method, route, code: String(res.statusCode) };
      duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      total.inc(labels);
    });
    next();
  };
  return { registry, middleware };
}
