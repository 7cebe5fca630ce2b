// Values for the raw statements of the hot paths (a step's save, notification
// delivery). Columns are `timestamp(3)` holding UTC, as Prisma writes them.
import { Prisma } from '../prisma/generated/client';

/** An ISO instant or null, for a `timestamp(3)` parameter (the zone suffix is ignored, so UTC is stored). */
export const isoOrNull = (d: string | Date | null | undefined): string | null => (d == null ? null : new Date(d).toISOString());

/**
 * The database's now as UTC, for a row's createdAt/updatedAt where Prisma
 * would have filled it: a bare now() or the column default CURRENT_TIMESTAMP
 * stores the session's local time (10:19 for 02:19 UTC on a Shanghai server).
 */
export const UTC_NOW = Prisma.raw(`(now() AT TIME ZONE 'UTC')`);
