// What every activity factory receives. Its own module, so the factories and
// `index.ts` (which assembles them) import it rather than each other.
import type { ProcessRules } from '../config/rules';
import type { PrismaClient } from '../prisma/generated/client';
import type { NoticeSender } from '../queue/deliver-notification';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ActivityDeps {
  prisma: PrismaClient;
  /** Where a step's notices go out: queued for a gateway, or delivered at once (queue/deliver-notification.ts). */
  queue: NoticeSender;
  /** The Redis of the platform's queues, for the jobs activities enqueue besides notices (a mediation agreement's document). */
  redis?: { url: string; prefix: string };
  clock: Clock;
  /** The configured process rules (the entry point's `config.rules`); default: the figures of shared/DOMAIN.md. */
  rules?: ProcessRules;
}
