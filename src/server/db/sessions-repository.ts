/**
 * Login sessions, one per signed-in device. A row holds the SHA-256 of a token
 * (auth/session-tokens.ts), never the token, plus a public id to list and end it by, the label
 * the device gave, its sync client id when known, and when it was last seen. A session is valid
 * while `expires_at` is in the future and its account is not disabled; ending a session deletes
 * the row, so the token gets 401 on its next request. Revoking it (a lost phone) keeps the row
 * with `revoked_at`, so the device learns it must erase itself.
 */
import type { DeviceSession } from '#src/shared/domain/admin.ts';
import { ACCOUNT_COLUMNS, type Account } from './accounts-repository.ts';
import type { Queryable } from './database.ts';

/** last_seen_at is written at most this often per session: one UPDATE a minute, not one a request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface NewSession {
  id: string;
  tokenHash: string;
  userId: string;
  expiresAt: Date;
  createdAt: Date;
  deviceLabel: string;
  clientId: string | null;
}

export async function insertSession(db: Queryable, session: NewSession): Promise<void> {
  await db.query(
    `INSERT INTO sessions (id, token_hash, user_id, expires_at, created_at, last_seen_at, device_label, client_id)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7)`,
    [session.id, session.tokenHash, session.userId, session.expiresAt.toISOString(), session.createdAt.toISOString(), session.deviceLabel, session.clientId],
  );
}

export interface LiveSession {
  account: Account;
  sessionId: string;
  lastSeenAt: Date;
  /** The sync client id of the device, once known. */
  clientId: string | null;
  /** The account that sync client is bound to (it pushed first from it), or null. */
  clientOwnerId: string | null;
  /** The organisation's change epoch now (sync/access-cache.ts): read with the session, in one statement. */
  orgEpoch: number;
  /** When a manager revoked this device, or null. */
  revokedAt: Date | null;
}

/** The account of a live session, or undefined when the token is unknown, ended, expired or its account disabled. */
export async function findLiveSession(db: Queryable, tokenHash: string, now: Date): Promise<LiveSession | undefined> {
  const rows = await db.query<Account & Omit<LiveSession, 'account'>>(
    `SELECT ${ACCOUNT_COLUMNS}, s.id::text AS "sessionId", s.last_seen_at AS "lastSeenAt", s.client_id::text AS "clientId",
       c.user_id::text AS "clientOwnerId", (SELECT value FROM org_epoch) AS "orgEpoch", s.revoked_at AS "revokedAt"
     FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN sync_clients c ON c.client_id = s.client_id
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
    [tokenHash, now.toISOString()],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { sessionId, lastSeenAt, clientId, clientOwnerId, orgEpoch, revokedAt, ...account } = row;
  return { account, sessionId, lastSeenAt: new Date(lastSeenAt), clientId, clientOwnerId, orgEpoch, revokedAt: revokedAt ? new Date(revokedAt) : null };
}

/** Records which sync client a session's device is (it is known only once the device syncs). */
export async function setSessionClient(db: Queryable, sessionId: string, clientId: string): Promise<void> {
  await db.query('UPDATE sessions SET client_id = $2 WHERE id = $1', [sessionId, clientId]);
}

/** Marks the session seen now, unless it was marked within the last minute (cheap when called on every request). */
export async function touchSession(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at <= $3', [
    sessionId,
    now.toISOString(),
    new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS).toISOString(),
  ]);
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** Ends one session of one account; false when that account has no such session. */
export async function deleteUserSession(db: Queryable, userId: string, sessionId: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM sessions WHERE id = $1 AND user_id = $2 RETURNING id', [sessionId, userId]);
  return rows.length > 0;
}

/** Revokes one live session of an account (kept, marked); false when there is no such unrevoked session. */
export async function revokeUserSession(db: Queryable, userId: string, sessionId: string, revokedBy: string, at: Date): Promise<boolean> {
  const rows = await db.query('UPDATE sessions SET revoked_at = $3, revoked_by = $4 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id', [
    sessionId, userId, at.toISOString(), revokedBy,
  ]);
  return rows.length > 0;
}

/** Ends every session of an account (disabled, password reset). */
export async function deleteUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** The owner of a session, or undefined. */
export async function findSessionOwner(db: Queryable, sessionId: string): Promise<string | undefined> {
  const rows = await db.query<{ userId: string }>('SELECT user_id::text AS "userId" FROM sessions WHERE id = $1', [sessionId]);
  return rows[0]?.userId;
}

/** An account's live sessions, most recently seen first. */
export async function listUserSessions(db: Queryable, userId: string, now: Date, currentSessionId: string | null): Promise<DeviceSession[]> {
  const rows = await db.query<{ id: string; deviceLabel: string; clientId: string | null; createdAt: Date; lastSeenAt: Date }>(
    `SELECT id::text, device_label AS "deviceLabel", client_id::text AS "clientId", created_at AS "createdAt", last_seen_at AS "lastSeenAt"
     FROM sessions WHERE user_id = $1 AND expires_at > $2 AND revoked_at IS NULL ORDER BY last_seen_at DESC, created_at DESC`,
    [userId, now.toISOString()],
  );
  return rows.map((row) => ({
    id: row.id,
    deviceLabel: row.deviceLabel,
    clientId: row.clientId,
    createdAt: new Date(row.createdAt).toISOString(),
    lastSeenAt: new Date(row.lastSeenAt).toISOString(),
    isCurrent: row.id === currentSessionId,
  }));
}

/** Housekeeping at login: expired rows of this account serve no one. */
export async function deleteExpiredSessions(db: Queryable, userId: string, now: Date): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2', [userId, now.toISOString()]);
}
