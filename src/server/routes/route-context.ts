/**
 * What every route module receives from buildApp: the database, the clock, authentication,
 * the login lockout, per-route request limits, and test-only hooks. Passing it explicitly keeps
 * routes free of global state.
 */
import type { Database } from '#src/server/db/database.ts';
import type { Authenticate } from '#src/server/plugins/authentication.ts';
import type { LoginLockout } from '#src/server/plugins/login-lockout.ts';
import type { RouteLimits } from '#src/server/plugins/request-limits.ts';

export interface TestHooks {
  /** Awaited inside a push transaction just before COMMIT, after change numbers were taken. */
  beforePushCommit?: () => Promise<void>;
}

export interface RouteContext {
  database: Database;
  now: () => Date;
  authenticate: Authenticate;
  loginLockout: LoginLockout;
  limits: RouteLimits;
  testHooks: TestHooks;
}
