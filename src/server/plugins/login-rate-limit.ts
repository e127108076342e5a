/**
 * Slows down password guessing: failed logins are counted per username and per client IP in a
 * fixed window; over the limit, login answers 429 until the window ends. A success clears the
 * username's count.
 *
 * In memory, per process, on purpose: the walking skeleton runs one process per database. Behind
 * a load balancer with N instances an attacker gets at most N times the budget, which still
 * bounds guessing to a few hundred tries an hour against scrypt hashes; when that is not enough,
 * move the counters into the database. Behind a proxy, set TRUST_PROXY so that the IP is the
 * client's and not the proxy's (otherwise everyone shares the proxy's IP budget).
 */
export interface RateLimitOptions {
  windowMs: number;
  maxFailuresPerUsername: number;
  maxFailuresPerIp: number;
}

export const DEFAULT_LOGIN_LIMITS: RateLimitOptions = {
  windowMs: 15 * 60_000,
  maxFailuresPerUsername: 10,
  maxFailuresPerIp: 100,
};

interface Window {
  startedAt: number;
  failures: number;
}

export class LoginRateLimiter {
  private readonly windows = new Map<string, Window>();
  private lastPrunedAt = 0;

  constructor(private readonly options: RateLimitOptions = DEFAULT_LOGIN_LIMITS) {}

  /** Seconds to wait when this attempt must be refused, else null. */
  retryAfter(ip: string, username: string, now: number): number | null {
    this.prune(now);
    const checks: [string, number][] = [
      [`ip:${ip}`, this.options.maxFailuresPerIp],
      [`user:${username.toLowerCase()}`, this.options.maxFailuresPerUsername],
    ];
    let wait: number | null = null;
    for (const [key, max] of checks) {
      const window = this.windows.get(key);
      if (window && window.failures >= max) {
        const seconds = Math.ceil((window.startedAt + this.options.windowMs - now) / 1000);
        wait = Math.max(wait ?? 0, seconds);
      }
    }
    return wait;
  }

  recordFailure(ip: string, username: string, now: number): void {
    for (const key of [`ip:${ip}`, `user:${username.toLowerCase()}`]) {
      const window = this.windows.get(key);
      if (window && now - window.startedAt < this.options.windowMs) window.failures += 1;
      else this.windows.set(key, { startedAt: now, failures: 1 });
    }
  }

  recordSuccess(username: string): void {
    this.windows.delete(`user:${username.toLowerCase()}`);
  }

  /** Drops ended windows so that the map cannot grow without bound. */
  private prune(now: number): void {
    if (now - this.lastPrunedAt < 60_000) return;
    this.lastPrunedAt = now;
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.options.windowMs) this.windows.delete(key);
    }
  }
}
