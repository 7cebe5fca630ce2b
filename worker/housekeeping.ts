// The chores of the housekeeping sweep (queue/jobs/housekeeping.ts runs them
// every HOUSEKEEPING_SECONDS). Each deletes rows (and files) that nothing
// reads any more; the data they belong to stays with the API's modules.
import { purgeSessions } from '../api/auth/purge-sessions';
import { sweepUnnamedPhotos } from '../api/grid/photos';
import { purgeIdempotencyRecords } from '../api/http/idempotency';
import { configuredAttachmentStore } from '../api/tasks/attachment-store';
import type { Clock } from '../activities';
import type { AppConfig } from '../config';
import type { PrismaClient } from '../prisma/generated/client';
import type { HousekeepingChore } from '../queue/jobs/housekeeping';

/** Ended login sessions are kept this long (a question about a login is asked within weeks; the audit log keeps the security events), then deleted with their refresh tokens. */
export const ENDED_SESSION_KEEP_DAYS = 30;

export interface HousekeepingChoresOptions {
  prisma: PrismaClient;
  config: Pick<AppConfig, 'app' | 'inbox' | 'server'>;
  /** Business time (CLOCK=virtual: the engine's), which Idempotency-Key rows and photos are stamped with. */
  clock: Clock;
}

export function housekeepingChores({ prisma, config, clock }: HousekeepingChoresOptions): HousekeepingChore[] {
  const store = configuredAttachmentStore(config);
  const hoursAgo = (h: number, now = clock.now()) => new Date(now.getTime() - h * 3_600_000);
  return [
    { name: 'idempotencyKeys', run: () => purgeIdempotencyRecords({ prisma, olderThan: hoursAgo(config.server.idempotencyTtlHours) }) },
    // Sessions run on wall time, also under a virtual clock (tokens must expire in real time).
    { name: 'endedSessions', run: () => purgeSessions({ prisma, endedBefore: hoursAgo(ENDED_SESSION_KEEP_DAYS * 24, new Date()) }) },
    { name: 'unnamedPhotos', run: () => sweepUnnamedPhotos({ prisma, store, now: clock.now() }) },
  ];
}
