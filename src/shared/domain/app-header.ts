/**
 * The names the app and the server share for sessions held in the HttpOnly cookie, apart from the
 * account schemas so that the app shell reads them without loading zod; account.ts re-exports them.
 */

/** The header the app sends on every API request; the server requires it with the session cookie. */
export const APP_HEADER = 'x-so-tay';

/** Where a device holding a stored Bearer token trades it for the HttpOnly cookie (same session). */
export const sessionCookiePath = '/api/session/cookie';

/**
 * The account a cookie-authenticated request acts for. A shared phone keeps one HttpOnly cookie
 * per account (`sotay_session_<userId>`), since the browser sends all of them; this header names
 * the one the request means. It is not a secret: the cookie is.
 */
export const ACCOUNT_HEADER = 'x-so-tay-account';
