import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { PrismaClient } from '../prisma/generated/client';
import type { AdvanceRequest, ClockState } from '../temporal/engine-clock';
import type { AttachmentStore, VirusScanner } from './tasks/attachment-store';
import type { HttpMetrics } from './http/metrics';
import type { AuthCache } from './auth/auth-cache';
import type { InstanceLease } from './http/instance-lease';

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
  /** The clock of deadlines, the inbox and every business time (CLOCK=virtual: the engine's). Default `() => new Date()`. */
  now?: () => Date;
  /**
   * The clock of token and session lifetimes. Default `now`. With
   * CLOCK=virtual the entry point gives the wall clock here: advancing the
   * platform a week must not log the administrator out.
   */
  authNow?: () => Date;
  /** Set with CLOCK=virtual only: the engine's clock, which an admin may advance. */
  virtualClock?: VirtualClockControl;
  /** Task attachments; default: files under DATA_DIR/attachments. */
  attachmentStore?: AttachmentStore;
  /** Virus scan of task attachments; default: none (accepts every file). */
  virusScanner?: VirusScanner;
  /** Prometheus metrics of the requests (createHttpMetrics); absent: none recorded. */
  metrics?: HttpMetrics;
  /**
   * Verified tokens, and sessions with their grants for reads (auth/auth-cache.ts).
   * Default: createApp makes one per app with AUTH_CACHE_MS; absent outside createApp: nothing remembered.
   */
  authCache?: AuthCache;
  /**
   * This API process's lease (http/instance-lease.ts): a resend can tell when
   * the process that claimed its Idempotency-Key died. Absent: a pending key
   * is taken for abandoned only after a minute.
   */
  instanceLease?: Pick<InstanceLease, 'key'>;
}

/** What the API needs of the engine's clock (an `EngineClock` satisfies it). */
export interface VirtualClockControl {
  state(): Promise<ClockState>;
  /** Resolves after the work the advance caused has been processed. */
  advance(request: AdvanceRequest): Promise<ClockState>;
}

/** Now, for deadlines, the inbox and every business time (see `AppDeps.now`). */
export function businessTime(deps: Pick<AppDeps, 'now'>): Date {
  return deps.now?.() ?? new Date();
}

/** Now, for token and session times (see `AppDeps.authNow`). */
export function authTime(deps: AppDeps): Date {
  return (deps.authNow ?? deps.now)?.() ?? new Date();
}
