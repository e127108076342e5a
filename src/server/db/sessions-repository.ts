/**
 * Login sessions. A row holds the SHA-256 of a token (auth/session-tokens.ts), never the token.
 * A session is valid while `expires_at` is in the future; logout deletes the row, so a revoked
 * token stops working on the next request.
 */
import { ACCOUNT_COLUMNS, type Account } from './accounts-repository.ts';
import type { Queryable } from './database.ts';

export async function insertSession(
  db: Queryable,
  session: { tokenHash: string; userId: string; expiresAt: Date; createdAt: Date },
): Promise<void> {
  await db.query('INSERT INTO sessions (token_hash, user_id, expires_at, created_at) VALUES ($1, $2, $3, $4)', [
    session.tokenHash,
    session.userId,
    session.expiresAt.toISOString(),
    session.createdAt.toISOString(),
  ]);
}

/** The account of a live session, or undefined when the token is unknown, revoked or expired. */
export async function findSessionAccount(db: Queryable, tokenHash: string, now: Date): Promise<Account | undefined> {
  const rows = await db.query<Account>(
    `SELECT ${ACCOUNT_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > $2`,
    [tokenHash, now.toISOString()],
  );
  return rows[0];
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** Housekeeping at login: expired rows of this account serve no one. */
export async function deleteExpiredSessions(db: Queryable, userId: string, now: Date): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2', [userId, now.toISOString()]);
}
