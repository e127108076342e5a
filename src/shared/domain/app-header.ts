/**
 * The names the app and the server share for sessions held in the HttpOnly cookie, apart from the
 * account schemas so that the app shell reads them without loading zod; account.ts re-exports them.
 */

/** The header the app sends on every API request; the server requires it with the session cookie. */
export const APP_HEADER = 'x-so-tay';

/** Where a device holding a stored Bearer token trades it for the HttpOnly cookie (same session). */
export const sessionCookiePath = '/api/session/cookie';
