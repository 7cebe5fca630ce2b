// Failed-login counter per (username, client address), in memory. One API
// process serves a district, so a shared store is not needed; a restart only
// forgets the counts. Successful logins clear the counter.
export interface LoginRateLimiterOptions {
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}

export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: LoginRateLimiterOptions) {}

  private key(username: string, ip: string): string {
    return `${username.toLowerCase()}\u0000${ip}`;
  }

  private recent(key: string): number[] {
    const now = (this.options.now ?? Date.now)();
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.options.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Seconds until another attempt is allowed, or 0 when allowed now. */
  retryAfterSeconds(username: string, ip: string): number {
    const kept = this.recent(this.key(username, ip));
    if (kept.length < this.options.maxFailures) return 0;
    const now = (this.options.now ?? Date.now)();
    return Math.max(1, Math.ceil((kept[0] + this.options.windowMs - now) / 1000));
  }

  recordFailure(username: string, ip: string): void {
    const key = this.key(username, ip);
    const kept = this.recent(key);
    kept.push((this.options.now ?? Date.now)());
    this.failures.set(key, kept);
    // Bound memory under a spray of usernames.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value as string);
  }

  reset(username: string, ip: string): void {
    this.failures.delete(this.key(username, ip));
  }
}
