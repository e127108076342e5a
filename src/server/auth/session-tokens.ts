/**
 * Session tokens: 32 random bytes, base64url, handed to the device once at login. The server
 * keeps only their SHA-256, so the sessions table cannot be replayed if it leaks. (A fast hash is
 * right here: the token has 256 bits of entropy, nothing to brute-force.)
 */
import { createHash, randomBytes } from 'node:crypto';

/** How long a login lasts: long, because members work offline for weeks. */
export const SESSION_DAYS = 30;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
