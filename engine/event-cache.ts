// The bounded cache of durable history events held in memory. A run keeps in
// memory only the events after `historyBase`: the ones not yet durable (they
// cannot be read back yet) plus, while it is in this cache, its durable ones.
// When the cache's bytes pass its budget, the least recently used runs give
// up their durable events, which are then read from the store page by page
// (`WorkflowEngine.events`). Bytes are counted as the events' records take on
// disk (their state included): a proxy that grows with what is held.
import type { Run } from './run-state';

export class EventCache {
  /** Runs with durable events in memory and their bytes; oldest use first (Map keeps insertion order). */
  private readonly entries = new Map<Run, number>();
  private total = 0;

  constructor(private readonly budgetBytes: number) {}

  get bytes(): number {
    return this.total;
  }

  /** Marks a run as just used (its events stay longest). */
  touch(run: Run): void {
    const bytes = this.entries.get(run);
    if (bytes === undefined) return;
    this.entries.delete(run);
    this.entries.set(run, bytes);
  }

  /** Events of `run` up to `durableUpTo` became durable; `bytes` is what their records took. */
  durable(run: Run, durableUpTo: number, bytes: number): void {
    if (durableUpTo <= run.durableEvents) return;
    run.durableEvents = durableUpTo;
    const held = (this.entries.get(run) ?? 0) + bytes;
    this.entries.delete(run);
    this.entries.set(run, held);
    this.total += bytes;
  }

  /** Drops a run's durable events from memory now (a closed or deleted run). */
  evict(run: Run): void {
    const bytes = this.entries.get(run);
    if (bytes !== undefined) {
      this.entries.delete(run);
      this.total -= bytes;
    }
    const drop = run.durableEvents - run.historyBase;
    if (drop <= 0) return;
    run.history.splice(0, drop);
    run.historyBase = run.durableEvents;
  }

  /** Evicts least recently used runs until the cache is within its budget. */
  trim(): void {
    for (const run of this.entries.keys()) {
      if (this.total <= this.budgetBytes) return;
      this.evict(run);
    }
  }
}
