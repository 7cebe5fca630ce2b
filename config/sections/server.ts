import { z } from 'zod';
import { defineSection, envVar } from '../define';
import { optionalString, port, positiveInt } from './common';

/** Unset or empty: undefined (off). */
const optionalPort = () =>
  optionalString().pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a port number')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 65535, 'must be 1–65535')
      .optional(),
  );

export const serverSection = defineSection({
  port: envVar({ env: 'PORT', schema: port(3000), doc: 'HTTP port of the API.', example: '3000' }),
  bodyLimit: envVar({
    env: 'HTTP_BODY_LIMIT',
    schema: z.string().regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 1mb').default('1mb'),
    doc: 'Largest JSON request body accepted (bytes with b/kb/mb suffix).',
    example: '1mb',
  }),
  readyTimeoutMs: envVar({
    env: 'READY_TIMEOUT_MS',
    schema: positiveInt(2000),
    doc: 'How long /api/ready waits for each dependency before reporting it down.',
    example: '2000',
  }),
  processAnswerTimeoutMs: envVar({
    env: 'PROCESS_ANSWER_TIMEOUT_MS',
    schema: positiveInt(10000),
    doc: 'How long an action waits for its process to answer before the API replies 503 PROCESS_BUSY with Retry-After.',
    example: '10000',
  }),
  idempotencyTtlHours: envVar({
    env: 'IDEMPOTENCY_TTL_HOURS',
    schema: positiveInt(24),
    doc: 'How long a stored Idempotency-Key response is replayed; older keys may be reused.',
    example: '24',
  }),
  metricsPort: envVar({
    env: 'METRICS_PORT',
    schema: optionalPort(),
    doc: 'Unset (default): no metrics. A port: the API process serves Prometheus metrics at GET /metrics on it (HTTP latency and counts by route, process metrics), on METRICS_HOST only, apart from the API port.',
    example: '9464',
  }),
  workerProcesses: envVar({
    env: 'WORKER_PROCESSES',
    schema: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be 1 or more').max(16, 'must be 16 or fewer').default(1),
    doc: 'npm start: how many worker processes (each a Temporal worker and the queue workers) to run on the one task queue. A worker process runs activities and the SDK\'s pipeline on one thread; a second one lets a machine with cores to spare carry more actions at once. Each is restarted on its own; WORKER_METRICS_PORT counts up from its value, one port per process.',
    example: '1',
  }),
  workflowThreads: envVar({
    env: 'WORKFLOW_THREADS',
    schema: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be 1 or more').max(16, 'must be 16 or fewer').default(2),
    doc: 'Threads each worker process runs workflow code on (the Temporal SDK\'s workflowThreadPoolSize), beside its one main thread for activities. Default 2: on two cores one worker process with two workflow threads carried a full-scale simulated year as fast as two processes with one each, with about a tenth less worker CPU and a quarter less memory.',
    example: '2',
  }),
  workerMetricsPort: envVar({
    env: 'WORKER_METRICS_PORT',
    schema: optionalPort(),
    doc: 'Unset (default): no metrics. A port: each worker process serves Prometheus metrics at GET /metrics on it (activity durations and failures, BullMQ queue depths, process metrics), on METRICS_HOST only.',
    example: '9465',
  }),
  metricsHost: envVar({
    env: 'METRICS_HOST',
    schema: z.string().min(1).default('127.0.0.1'),
    doc: 'Address the metrics ports listen on. Default loopback: only this machine (a local Prometheus or an agent) can scrape; set 0.0.0.0 behind a firewall for a remote Prometheus.',
    example: '127.0.0.1',
  }),
});
