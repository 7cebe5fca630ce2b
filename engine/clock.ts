// The engine's notion of time. Every event time, timer and timeout is read
// from the virtual clock, which runs with the wall clock plus an offset that
// only grows: skipping time moves the offset, never the wall clock.

export class VirtualClock {
  private heldAt: number | undefined;

  constructor(private offsetMs = 0) {}

  now(): number {
    return this.heldAt ?? Date.now() + this.offsetMs;
  }

  get offset(): number {
    return this.heldAt === undefined ? this.offsetMs : this.heldAt - Date.now();
  }

  /** Moves the clock forward to `at`; returns false when `at` is already past. */
  jumpTo(at: number): boolean {
    const delta = at - this.now();
    if (delta <= 0) return false;
    if (this.heldAt !== undefined) this.heldAt = at;
    else this.offsetMs += delta;
    return true;
  }

  /**
   * Stops the clock where it stands until `release()`. While a skip fires a
   * deadline, the work it causes must see the deadline's instant: deadlines
   * fall at 23:59:59.999, and a few milliseconds of processing would move a
   * workflow's "now" — and every working-day deadline counted from it — into
   * the next day, differently from one run to the next.
   */
  hold(): void {
    this.heldAt ??= this.now();
  }

  /** Lets the clock run again from where it stood. */
  release(): void {
    if (this.heldAt === undefined) return;
    this.offsetMs = this.heldAt - Date.now();
    this.heldAt = undefined;
  }
}

export interface Deadline<T> {
  readonly at: number;
  readonly seq: number;
  readonly payload: T;
  cancelled: boolean;
}

// setTimeout cannot wait longer than 2^31-1 ms; longer waits re-arm.
const MAX_TIMER_DELAY = 2_147_483_647;

/**
 * Deadlines ordered by (time, insertion order), fired when the virtual clock
 * reaches them: by a wall-clock timer while time flows normally, or
 * immediately after a jump of the clock.
 */
export class DeadlineScheduler<T> {
  private heap: Deadline<T>[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Infinity;
  private stopped = false;

  constructor(
    private readonly clock: VirtualClock,
    private readonly onDue: (payload: T) => void,
    private readonly afterFiring: () => void = () => {},
  ) {}

  add(at: number, payload: T): Deadline<T> {
    const deadline: Deadline<T> = { at, seq: this.seq++, payload, cancelled: false };
    this.push(deadline);
    if (at < this.armedFor) this.arm();
    return deadline;
  }

  cancel(deadline: Deadline<T>): void {
    deadline.cancelled = true;
  }

  /** Time of the earliest live deadline. */
  next(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** The earliest live deadline's payload (what it is for). */
  peek(): T | undefined {
    this.dropCancelled();
    return this.heap[0]?.payload;
  }

  get size(): number {
    return this.heap.length;
  }

  /** Fires, in order, every deadline that is due at the current virtual time. */
  fireDue(): number {
    let fired = 0;
    const now = this.clock.now();
    for (;;) {
      this.dropCancelled();
      const top = this.heap[0];
      if (!top || top.at > now) break;
      this.pop();
      fired++;
      this.onDue(top.payload);
    }
    if (fired > 0) this.afterFiring();
    this.arm();
    return fired;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Re-reads the clock, e.g. after it jumped. */
  rearm(): void {
    this.arm();
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = Infinity;
    if (this.stopped) return;
    const at = this.next();
    if (at === undefined) return;
    const delay = Math.min(Math.max(0, at - this.clock.now()), MAX_TIMER_DELAY);
    this.armedFor = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.armedFor = Infinity;
      this.fireDue();
    }, delay);
    this.timer.unref?.();
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
  }

  private less(a: Deadline<T>, b: Deadline<T>): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(item: Deadline<T>): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Deadline<T> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && this.less(heap[l]!, heap[smallest]!)) smallest = l;
        if (r < heap.length && this.less(heap[r]!, heap[smallest]!)) smallest = r;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
        i = smallest;
      }
    }
    return top;
  }
}

export function durationToMs(d: { seconds?: number; nanos?: number } | null | undefined): number {
  if (!d) return 0;
  return (Number(d.seconds) || 0) * 1000 + Math.floor((Number(d.nanos) || 0) / 1e6);
}

export function msToDuration(ms: number): { seconds: number; nanos: number } {
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: Math.round((ms - seconds * 1000) * 1e6) };
}

export const msToTimestamp = msToDuration;
export const timestampToMs = durationToMs;
