/**
 * The account the online screens act for. A shared phone keeps one HttpOnly session cookie per
 * account; every API request names the account it means (`X-So-Tay-Account`), so a screen of the
 * account now open never acts with another account's cookie. Set when an account's database
 * opens, cleared when it closes.
 */
import { ACCOUNT_HEADER } from '#src/shared/domain/app-header.ts';

let activeAccountId: string | null = null;

/** Names the account now open on this phone (null when none is). */
export function setApiAccount(userId: string | null): void {
  activeAccountId = userId;
}

/** The header naming the open account, or none. */
export function apiAccountHeaders(): Record<string, string> {
  return activeAccountId ? { [ACCOUNT_HEADER]: activeAccountId } : {};
}
