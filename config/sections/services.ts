import { z } from 'zod';
import { defineSection, envVar } from '../define';
import { KEY_ID_PATTERN, parsePayloadKey, parsePreviousPayloadKeys } from '../../temporal/payload-key';
import { optionalString, url } from './common';

/** A zod check from a parser that throws an Error naming the problem. */
const parsesWith = (parse: (text: string) => unknown) =>
  optionalString().superRefine((value, ctx) => {
    if (value === undefined) return;
    try {
      parse(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  });

export const databaseSection = defineSection({
  url: envVar({
    env: 'DATABASE_URL',
    schema: url(['postgresql:', 'postgres:']),
    doc: 'PostgreSQL connection URL. Unset: `npm start` chooses an embedded default in DATA_DIR. Behind a pooler that shares server sessions among connections (PgBouncer in transaction mode), add `?pgbouncer=true`: statements are then not prepared by name.',
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
  /** Unset outside production: generated into DATA_DIR/secrets/ on the first start (config/secrets.ts). */
  payloadKey: envVar({
    env: 'TEMPORAL_PAYLOAD_KEY',
    secret: true,
    schema: parsesWith(parsePayloadKey),
    doc: 'AES-256 key encrypting every Temporal payload (ballots, personal data) before it reaches Temporal\'s history: 32 bytes as 64 hex digits or base64, e.g. `openssl rand -base64 32`. Every API and worker process needs the same key. Unset: generated on the first start into DATA_DIR/secrets/TEMPORAL_PAYLOAD_KEY (mode 0600) and reused. Required when NODE_ENV=production.',
    example: 'bm90LWEtcmVhbC1rZXktZ2VuZXJhdGUteW91ci1vd24=',
  }),
  /** Unset: a fingerprint of the key (see load.ts), so a new key gets a new id by itself. */
  payloadKeyId: envVar({
    env: 'TEMPORAL_PAYLOAD_KEY_ID',
    schema: optionalString().pipe(z.string().regex(KEY_ID_PATTERN, 'may contain only letters, digits, _ . - (at most 64)').optional()),
    doc: 'Id stored with each encrypted payload (metadata encryption-key-id), naming the key that decrypts it; unset means a fingerprint of the key (`k-…`), so a new key gets a new id.',
    example: '2026-01',
  }),
  payloadPreviousKeys: envVar({
    env: 'TEMPORAL_PAYLOAD_PREVIOUS_KEYS',
    secret: true,
    schema: parsesWith(parsePreviousPayloadKeys),
    doc: 'Key rotation: older keys still needed to read existing histories, comma-separated `<id>:<key>` (the id they were used under). New payloads always use TEMPORAL_PAYLOAD_KEY.',
    example: '2025-01:b2xkLWtleS1ub3QtcmVhbC1nZW5lcmF0ZS15b3VycyE=',
  }),
});
