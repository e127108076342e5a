/**
 * Per-route request limits (@fastify/rate-limit), per client IP, counted in each server's
 * memory: they keep one client from flooding a server, not from guessing passwords (the login
 * lockout, counted in the database, does that: login-lockout.ts). Routes opt in with
 * `config: { rateLimit: limits.login }`; over the limit the answer is our 429 with Retry-After.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-errors.ts';

export interface RequestLimits {
  /** Login and password change requests per IP per minute. */
  loginPerMinute: number;
  /** Management requests per IP per minute. */
  adminPerMinute: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = { loginPerMinute: 30, adminPerMinute: 300 };

export interface RouteLimits {
  login: { max: number; timeWindow: number };
  admin: { max: number; timeWindow: number };
}

export async function registerRequestLimits(app: FastifyInstance, limits: RequestLimits): Promise<RouteLimits> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'too-many-requests', `Quá nhiều yêu cầu. Hãy thử lại sau ${Math.max(1, Math.ceil(context.ttl / 1000))} giây.`),
  });
  return {
    login: { max: limits.loginPerMinute, timeWindow: 60_000 },
    admin: { max: limits.adminPerMinute, timeWindow: 60_000 },
  };
}
