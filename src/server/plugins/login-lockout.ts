/**
 * Slows down password guessing: failed logins are counted per username and per client IP in a
 * fixed window, in the database (db/login-failures-repository.ts), so several servers behind a
 * load balancer share the count. Over a limit, login answers 429 with Retry-After until the
 * window ends, even for the right password. A success clears the username's count. Behind a
 * proxy, set TRUST_PROXY so that the IP is the client's, not the proxy's.
 */
import type { Database } from '#src/server/db/database.ts';
import { addFailures, clearFailures, deleteEndedWindows, readFailureWindows } from '#src/server/db/login-failures-repository.ts';

export interface LoginLimits {
  windowMs: number;
  maxFailuresPerUsername: number;
  maxFailuresPerIp: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  windowMs: 15 * 60_000,
  maxFailuresPerUsername: 10,
  maxFailuresPerIp: 100,
};

/** Ended windows are deleted at most this often per server. */
const PRUNE_EVERY_MS = 60_000;

export class LoginLockout {
  private lastPrunedAt = 0;

  constructor(
    private readonly database: Database,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  private keys(ip: string, username: string): { ip: string; user: string } {
    return { ip: `ip:${ip}`, user: `user:${username.trim().toLowerCase()}` };
  }

  /** Seconds to wait when this attempt must be refused, else null. */
  async retryAfter(ip: string, username: string, now: Date): Promise<number | null> {
    const keys = this.keys(ip, username);
    const windows = await readFailureWindows(this.database, [keys.ip, keys.user]);
    let wait: number | null = null;
    for (const window of windows) {
      const max = window.key === keys.ip ? this.limits.maxFailuresPerIp : this.limits.maxFailuresPerUsername;
      const endsAt = window.windowStartedAt.getTime() + this.limits.windowMs;
      if (window.failures >= max && endsAt > now.getTime()) {
        wait = Math.max(wait ?? 0, Math.ceil((endsAt - now.getTime()) / 1000));
      }
    }
    return wait;
  }

  async recordFailure(ip: string, username: string, now: Date): Promise<void> {
    const keys = this.keys(ip, username);
    await addFailures(this.database, [keys.ip, keys.user], now, this.limits.windowMs);
    if (now.getTime() - this.lastPrunedAt >= PRUNE_EVERY_MS) {
      this.lastPrunedAt = now.getTime();
      await deleteEndedWindows(this.database, now, this.limits.windowMs);
    }
  }

  async recordSuccess(username: string): Promise<void> {
    await clearFailures(this.database, this.keys('', username).user);
  }
}

/** The Vietnamese words of a refusal, in whole minutes. */
export function lockoutMessage(waitSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(waitSeconds / 60));
  return `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${minutes} phút.`;
}
