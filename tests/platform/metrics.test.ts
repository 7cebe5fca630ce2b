// Prometheus metrics of the API and the worker (issue 10 point 9, their
// half): served on a port of their own, loopback only; HTTP latency and
// counts by route pattern (never a raw URL with an id in it), activity
// durations and failures by activity type, BullMQ queue depths.
import pino from 'pino';
import supertest from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Activities } from '../../activities';
import { createApp, createHttpMetrics } from '../../api';
import { loadConfig } from '../../config';
import { serveMetrics, type MetricsServer } from '../../platform/metrics-server';
import { createWorkerMetrics } from '../../worker';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { applicationBody, U } from '../project/fixtures';
import type { ProjectPlatform } from '../project/support';

let p: TestPlatform;
const workerMetrics = createWorkerMetrics();
const httpMetrics = createHttpMetrics();
let apiMetrics: MetricsServer;
let workerServer: MetricsServer;
let failNext = 1;

beforeAll(async () => {
  p = await startTestPlatform({
    workerMetrics,
    // The first read of the working-day calendar fails once (and is retried): a failure to count.
    activities: (a: Activities) => ({
      ...a,
      loadWorkCalendar: async () => {
        if (failNext-- > 0) throw new Error('测试：一次失败');
        return a.loadWorkCalendar();
      },
    }),
  });
  apiMetrics = await serveMetrics({ registry: httpMetrics.registry, port: 0 });
  workerServer = await serveMetrics({ registry: workerMetrics.registry, port: 0 });
});
afterAll(async () => {
  await apiMetrics?.close();
  await workerServer?.close();
  await p?.close();
});

const scrape = async (server: MetricsServer) => {
  const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};
const sample = (text: string, name: string, labels: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && labels.split(',').every((kv) => l.includes(kv)));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
};

it('the API counts and times requests by route pattern and status', async () => {
  const app = createApp({ prisma: p.prisma, temporal: p.client, config: p.config, logger: pino({ level: 'silent' }), now: () => p.now(), metrics: httpMetrics });
  const token = await p.login(U.street);
  for (let i = 0; i < 3; i++) expect((await supertest(app).get('/api/tasks').set('Authorization', `Bearer ${token}`)).status).toBe(200);
  expect((await supertest(app).get('/api/projects/00000000-0000-4000-8000-00000000abcd').set('Authorization', `Bearer ${token}`)).status).toBe(404);
  expect((await supertest(app).get('/api/tasks')).status).toBe(401);

  const text = await scrape(apiMetrics);
  expect(sample(text, 'http_requests_total', 'method="GET",route="/api/tasks",code="200"')).toBe(3);
  expect(sample(text, 'http_requests_total', 'route="/api/tasks",code="401"')).toBe(1);
  expect(sample(text, 'http_requests_total', 'route="/api/projects/:id",code="404"')).toBe(1);
  expect(text).not.toContain('abcd');
  expect(sample(text, 'http_request_duration_seconds_count', 'route="/api/tasks",code="200"')).toBe(3);
  expect(text).toContain('process_resident_memory_bytes');
});

it('the worker times activities, counts their failures, and reports queue depths', async () => {
  const clock = { now: () => p.now() } as unknown as ProjectPlatform;
  const res = await (await p.as(U.community)).post('/api/projects').send(applicationBody(clock, { title: '指标测试' }));
  expect(res.status).toBe(201);
  const text = await p.waitFor(async () => {
    const t = await scrape(workerServer);
    return (sample(t, 'worker_activity_duration_seconds_count', 'activity="loadWorkCalendar",outcome="completed"') ?? 0) >= 1 ? t : null;
  });
  expect(sample(text, 'worker_activity_duration_seconds_count', 'activity="loadWorkCalendar",outcome="failed"')).toBe(1);
  expect(sample(text, 'worker_activity_failures_total', 'activity="loadWorkCalendar"')).toBe(1);
  expect(sample(text, 'bullmq_queue_jobs', 'queue="notifications",state="waiting"')).toEqual(expect.any(Number));
});

it('serves GET /metrics only, on loopback; off unless configured', async () => {
  expect((await fetch(`http://127.0.0.1:${apiMetrics.port}/other`)).status).toBe(404);
  const { config } = loadConfig({ NODE_ENV: 'test' });
  expect(config.server.metricsPort).toBeUndefined();
  expect(config.server.workerMetricsPort).toBeUndefined();
  expect(config.server.metricsHost).toBe('127.0.0.1');
  expect(loadConfig({ NODE_ENV: 'test', METRICS_PORT: '9464', WORKER_METRICS_PORT: '9465' }).config.server).toMatchObject({ metricsPort: 9464, workerMetricsPort: 9465 });
  expect(() => loadConfig({ NODE_ENV: 'test', METRICS_PORT: 'abc' })).toThrow(/METRICS_PORT/);
});
