import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { PrismaClient } from '../prisma/generated/client';

/** What /api/ready needs from Redis; an ioredis client satisfies it. */
export interface RedisPing {
  ping(): Promise<string>;
}

/**
 * Everything the API talks to, injected by the caller (platform start or a
 * test), so that no module reaches for a global client.
 */
export interface AppDeps {
  prisma: PrismaClient;
  temporal: Client;
  config: AppConfig;
  logger: Logger;
  /** The Redis connection BullMQ uses; /api/ready pings it. Absent: ready reports Redis as not configured. */
  redis?: RedisPing;
  /** Queues of `queue/` (notifications, documents); routes that enqueue read it from here. */
  queue?: unknown;
  /** Injectable clock for deadlines and token times in tests. Default `() => new Date()`. */
  now?: () => Date;
}
