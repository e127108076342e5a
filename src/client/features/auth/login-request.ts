/**
 * The login's exchange with the server, loaded when the form is sent: it brings the answer's
 * schema (zod) and the sync code, which the login form itself does not need to show. A new
 * visitor's first screen thus loads without them.
 */
import { apiRequest, ApiRequestError } from '#src/client/api/api-client.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';
import { loginResponseSchema, type LoginResponse } from '#src/shared/domain/account.ts';
import { PASSWORD_CHANGE_ACTION } from '#src/shared/domain/admin.ts';
import { apiPaths } from '#src/shared/sync/protocol.ts';

export type LoginOutcome =
  | { kind: 'signed-in'; answer: LoginResponse }
  /** The server asks for a new password first (after a reset, or for a new account). */
  | { kind: 'must-change'; message: string }
  /** No answer at all: for a first login that means the network is missing. */
  | { kind: 'offline' }
  /** Refused or failed; `message` is the server's words, null when it gave none. */
  | { kind: 'failed'; message: string | null };

export async function requestLogin(username: string, password: string): Promise<LoginOutcome> {
  try {
    const answer = await apiRequest({ method: 'POST', path: apiPaths.login, body: { username, password }, schema: loginResponseSchema });
    return { kind: 'signed-in', answer };
  } catch (failure) {
    if (failure instanceof ApiRequestError && failure.action === PASSWORD_CHANGE_ACTION) return { kind: 'must-change', message: failure.message };
    if (failure instanceof ApiRequestError && failure.reason === 'network') return { kind: 'offline' };
    return { kind: 'failed', message: failure instanceof ApiRequestError ? failure.message : null };
  }
}

/** The first sync of the account just signed in. */
export function startFirstSync(): void {
  requestSync('login');
}
