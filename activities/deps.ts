// What every activity factory receives. Its own module, so the factories and
// `index.ts` (which assembles them) import it rather than each other.
import type { ProcessRules } from '../config/rules';
import type { PrismaClient } from '../prisma/generated/client';
import type { Queues } from '../queue/queues';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ActivityDeps {
  prisma: PrismaClient;
  queue: Pick<Queues, 'enqueueNotification' | 'enqueueNotifications'>;
  clock: Clock;
  /** The configured process rules (the entry point's `config.rules`); default: the figures of shared/DOMAIN.md. */
  rules?: ProcessRules;
}
