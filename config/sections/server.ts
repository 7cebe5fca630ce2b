import { z } from 'zod';
import { defineSection, envVar } from '../define';
import { port, positiveInt } from './common';

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
});
