/**
 * Bearer-token authentication: `Authorization: Bearer <token>`. The token is hashed and looked
 * up (db/sessions-repository.ts); a missing, unknown, revoked or expired token is a 401
 * `unauthorized`, which tells the device to ask its user to log in again.
 */
import type { FastifyRequest } from 'fastify';
import { hashSessionToken } from '#src/server/auth/session-tokens.ts';
import type { Account } from '#src/server/db/accounts-repository.ts';
import type { Database } from '#src/server/db/database.ts';
import { findSessionAccount } from '#src/server/db/sessions-repository.ts';
import { ApiError, errorMessages } from './api-errors.ts';

export interface Authenticated {
  account: Account;
  tokenHash: string;
}

export type Authenticate = (request: FastifyRequest) => Promise<Authenticated>;

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

export function createAuthenticate(database: Database, now: () => Date): Authenticate {
  return async (request) => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw new ApiError(401, 'unauthorized', errorMessages.unauthorized);
    const tokenHash = hashSessionToken(match[1]!);
    const account = await findSessionAccount(database, tokenHash, now());
    if (!account) throw new ApiError(401, 'unauthorized', errorMessages.unauthorized);
    return { account, tokenHash };
  };
}
