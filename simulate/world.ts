// What every persona shares: the API client, a read-only view of the read
// model (to see what is waiting, in bulk, instead of one GET per record per
// day), the calendar of the simulated year, and the record of every action
// the API acknowledged (checked against the timelines at the end).
import { setTimeout as sleep } from 'node:timers/promises';
import { addDaysLocal, isWorkingDay, workingDaysBetween, daysBetweenLocal, toLocalDate } from '../domain/calendar';
import type { PrismaClient } from '../prisma/generated/client';
import type { SimApi, ApiResult } from './client';
import type { SimOrg } from './org';

export interface Ack {
  kind: 'project' | 'mediation' | 'reporting' | 'grid';
  id: string;
  action: string;
  day: string;
}

export interface World {
  api: SimApi;
  prisma: PrismaClient;
  org: SimOrg;
  year: number;
  seed: number;
  /** The simulated day, YYYY-MM-DD (Beijing). */
  today: string;
  acks: Ack[];
  /** Refusals of an action the simulator thought due (a plan that met a state it did not expect). */
  refusals: Map<string, number>;
  /** Called between actions (crash drills strike here). */
  between?: () => Promise<void>;
}

export const isWorkday = (day: string) => isWorkingDay(day);
export const workdaysSince = (from: string | Date, today: string) => workingDaysBetween(toLocalDate(from), today);
export const daysSince = (from: string | Date, today: string) => daysBetweenLocal(toLocalDate(from), today);
export { addDaysLocal };

/**
 * One person's action. The Idempotency-Key is derived from the record, the
 * action and a step, so a retry after no answer (a killed API, a restarting
 * engine) is the same request. A refusal after such a retry means the lost
 * first attempt went through; the next day's look at the state decides.
 */
export async function act(w: World, kind: Ack['kind'], id: string, username: string, path: string, action: string, body: unknown, step = ''): Promise<ApiResult> {
  await w.between?.();
  const key = `sim-${w.seed}-${id}-${action}${step ? `-${step}` : ''}`.replace(/[^\w.:-]/g, '_').slice(0, 128);
  let res: ApiResult;
  for (let attempt = 0; ; attempt++) {
    res = await w.api.as(username, 'POST', path, body, key);
    // Another request with this key is still running (the API died under it): wait it out.
    if (res.status === 409 && res.body?.code === 'IDEMPOTENCY_KEY_IN_PROGRESS' && attempt < 120) {
      await sleep(1_000);
      continue;
    }
    // An unknown outcome: the same key again, as a client would.
    if (res.status >= 500 && attempt < 30) {
      await sleep(500);
      continue;
    }
    break;
  }
  // A replay answers an action acknowledged before (its answer was lost): not a second one.
  if (res.status >= 200 && res.status < 300 && !res.replayed) {
    w.api.stats.acknowledged++;
    w.acks.push({ kind, id: res.body?.projectId ?? res.body?.caseId ?? res.body?.incidentId ?? id, action, day: w.today });
  } else if (!res.replayed) {
    const code = `${action}:${res.body?.code ?? res.status}`;
    w.refusals.set(code, (w.refusals.get(code) ?? 0) + 1);
  }
  return res;
}

/**
 * The actions in flight at once, shared by every strand of a pass. Each
 * strand had lanes of its own until 2026-12-04; a strand that ran out of
 * records then left its lanes idle while the longest one finished, and the
 * pass waited for that one. Shared, a lane goes to whichever strand has a
 * record waiting (first come, first served), so the pass ends sooner.
 */
export class Lanes {
  private free: number;
  private readonly waiting: Array<() => void> = [];
  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`lanes must be a whole number ≥ 1, not ${size}`);
    this.free = size;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      // The lane passes straight to the next in line, or becomes free.
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

/** Runs `fn` over `items`, each in a lane when one is free, in the items' order; each item's own steps stay in order inside `fn`. */
export async function inLanes<T>(items: readonly T[], lanes: Lanes, fn: (item: T) => Promise<void>): Promise<void> {
  await Promise.all(items.map((item) => lanes.run(() => fn(item))));
}

/** A record's saved state (its read model's snapshot), or null before the workflow's first save. */
export const savedState = <S>(snapshot: unknown): S | null => (snapshot && typeof snapshot === 'object' && 'stage' in snapshot ? (snapshot as S) : null);

/**
 * One step on every record that has one due, each in a lane; returns the
 * ids of those that acted. A record's next step waits for the next pass: the
 * simulator lets the platform settle between passes, so what a persona sees
 * after an action (the step it saved and whatever the process did by itself
 * just after) does not depend on how fast the platform was.
 */
export async function stepEach<T extends { id: string }>(records: readonly T[], lanes: Lanes, step: (record: T) => Promise<boolean>): Promise<string[]> {
  const acted = new Set<string>();
  await inLanes(records, lanes, async (r) => {
    if (await step(r)) acted.add(r.id);
  });
  // In the records' order, not the order the lanes finished in.
  return records.filter((r) => acted.has(r.id)).map((r) => r.id);
}

/**
 * Which records a persona group reads in a pass: every open one on a day's
 * first pass; after that only those it created or acted on in the pass
 * before. Nothing else can have moved: the clock is in the working
 * morning, hours before any deadline (they fall at the end of the day), and
 * a step of one record does not move another.
 */
export class PassFocus {
  private ids: string[] = [];

  /** The id filter of this pass's read: undefined (every open record) on the first pass. */
  filter(first: boolean): { in: string[] } | undefined {
    return first ? undefined : { in: this.ids };
  }

  /** Whether a later pass has anything to read. */
  idle(first: boolean): boolean {
    return !first && this.ids.length === 0;
  }

  /** The records of this pass that the next one looks at again; returns how many. */
  next(ids: readonly string[]): number {
    this.ids = [...ids];
    return ids.length;
  }
}
