/**
 * Failed logins, counted in the database so that every server behind a load balancer sees the
 * same count (an attacker gets no extra budget per server). One row per key (`user:<name>` or
 * `ip:<address>`) with a fixed window: the first failure starts it, later failures inside it
 * add one, a failure after it ends starts a new window. Counting is one upsert, so two servers
 * failing the same key at once both count.
 */
import type { Queryable } from './database.ts';

export interface FailureWindow {
  key: string;
  windowStartedAt: Date;
  failures: number;
}

export async function readFailureWindows(db: Queryable, keys: string[]): Promise<FailureWindow[]> {
  const rows = await db.query<FailureWindow>(
    'SELECT key, window_started_at AS "windowStartedAt", failures FROM login_failures WHERE key = ANY($1::text[])',
    [keys],
  );
  return rows.map((row) => ({ ...row, windowStartedAt: new Date(row.windowStartedAt) }));
}

/** Adds one failure to each key's window (a new window when the old one has ended). */
export async function addFailures(db: Queryable, keys: string[], now: Date, windowMs: number): Promise<void> {
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  await db.query(
    `INSERT INTO login_failures (key, window_started_at, failures)
     SELECT key, $2::timestamptz, 1 FROM unnest($1::text[]) AS key
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN login_failures.window_started_at > $3::timestamptz THEN login_failures.failures + 1 ELSE 1 END,
       window_started_at = CASE WHEN login_failures.window_started_at > $3::timestamptz THEN login_failures.window_started_at ELSE $2::timestamptz END`,
    [keys, now.toISOString(), windowStart],
  );
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE key = $1', [key]);
}

/** Drops windows that ended: the table holds only what can still refuse a login. */
export async function deleteEndedWindows(db: Queryable, now: Date, windowMs: number): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE window_started_at <= $1', [new Date(now.getTime() - windowMs).toISOString()]);
}
