// Housekeeping: a BullMQ repeatable job that keeps the tables and the file
// store that only grow from growing for ever — expired Idempotency-Key
// answers, ended login sessions, photos uploaded for a form that was left.
// Each chore is a function the entry point hands in (worker/housekeeping.ts
// builds them; queue/ cannot reach the API's modules), run one after the
// other; one that fails is logged and the others still run, and all run
// again at the next sweep (each is idempotent: it deletes what is due).
// Scheduled as the inbox sweep is (./repeating.ts).
import type { Logger } from 'pino';
import { startRepeatingJob, type RepeatingJob } from './repeating';

export const HOUSEKEEPING_QUEUE = 'housekeeping';
export const HOUSEKEEPING_SCHEDULER = 'housekeeping-sweep';

/** One chore: deletes what is due and answers how many it deleted. */
export interface HousekeepingChore {
  name: string;
  run(): Promise<number>;
}

export interface HousekeepingWorkerOptions {
  redisUrl: string;
  prefix: string;
  logger: Logger;
  chores: HousekeepingChore[];
  everyMs: number;
}

/** Runs every chore once; answers what each deleted (null for one that failed, with the failure logged). */
export async function runChores(chores: HousekeepingChore[], logger: Pick<Logger, 'warn'>): Promise<Record<string, number | null>> {
  const out: Record<string, number | null> = {};
  for (const chore of chores) {
    try {
      out[chore.name] = await chore.run();
    } catch (err) {
      out[chore.name] = null;
      logger.warn({ chore: chore.name, err: (err as Error).message }, 'housekeeping chore failed; it runs again at the next sweep');
    }
  }
  return out;
}

/** Schedules the sweep and consumes it. */
export function startHousekeepingWorker(options: HousekeepingWorkerOptions): Promise<RepeatingJob> {
  return startRepeatingJob({
    ...options,
    queue: HOUSEKEEPING_QUEUE,
    scheduler: HOUSEKEEPING_SCHEDULER,
    run: async (log) => {
      const done = await runChores(options.chores, log);
      if (Object.values(done).some((n) => n !== 0)) log.info(done, 'housekeeping done');
      return done;
    },
  });
}
