// The simulator's one source of chance: mulberry32, a 32-bit seeded PRNG
// (small, fast, and the same numbers on every machine). Every draw is made
// while the year is planned, before any request is sent, so what the
// platform answers — or a crash in the middle — can never change the plan.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One of `items`, by `weights` (same length; need not sum to 1). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  pick<T>(items: readonly T[]): T;
  /** A child stream: draws on it do not shift this one. */
  fork(label: string): Rng;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    weighted(items, weights) {
      const total = weights.reduce((s, w) => s + w, 0);
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i]!;
        if (r < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
    pick: (items) => items[Math.floor(next() * items.length)]!,
    fork(label) {
      let h = a ^ 0x9e3779b9;
      for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x85ebca6b);
      return createRng(h >>> 0);
    },
  };
  return rng;
}
