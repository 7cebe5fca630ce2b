import { z } from 'zod';
import { defineSection, envVar } from '../define';
import { optionalString, url } from './common';

export const databaseSection = defineSection({
  url: envVar({
    env: 'DATABASE_URL',
    schema: url(['postgresql:', 'postgres:']),
    doc: 'PostgreSQL connection URL. Unset: `npm start` chooses an embedded default in DATA_DIR.',
    example: 'postgresql://postgres@127.0.0.1:5432/governance',
  }),
});

export const redisSection = defineSection({
  url: envVar({
    env: 'REDIS_URL',
    schema: url(['redis:', 'rediss:']),
    doc: 'Redis URL for BullMQ. Unset: `npm start` starts a local redis-server in DATA_DIR.',
    example: 'redis://127.0.0.1:6379',
  }),
  prefix: envVar({
    env: 'REDIS_PREFIX',
    schema: z.string().min(1).regex(/^[\w:.-]+$/, 'may contain only letters, digits, _ : . -').default('governance'),
    doc: 'Key prefix for all BullMQ queues, so several installations can share one Redis.',
    example: 'governance',
  }),
});

export const temporalSection = defineSection({
  address: envVar({
    env: 'TEMPORAL_ADDRESS',
    schema: optionalString().pipe(
      z.string().regex(/^[^\s:/]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:7233').optional(),
    ),
    doc: 'Temporal frontend host:port. Unset: the embedded engine is started.',
    example: '127.0.0.1:7233',
  }),
  namespace: envVar({
    env: 'TEMPORAL_NAMESPACE',
    schema: z.string().min(1).default('default'),
    doc: 'Temporal namespace of all workflows.',
    example: 'default',
  }),
  taskQueue: envVar({
    env: 'TEMPORAL_TASK_QUEUE',
    schema: z.string().min(1).default('governance'),
    doc: 'Task queue the worker polls and the API starts workflows on.',
    example: 'governance',
  }),
});
