/**
 * The Fastify app without listen (tests call `app.inject()`; server.ts listens). Routes are thin:
 * they validate with the shared schemas and call src/server/sync or a repository.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { installVietnameseValidationMessages } from '#src/shared/domain/validation-messages.ts';
import type { Database } from './db/database.ts';
import { answerFrameworkError, ApiError, errorMessages, registerErrorHandling } from './plugins/api-errors.ts';
import { createAuthenticate } from './plugins/authentication.ts';
import { DEFAULT_LOGIN_LIMITS, LoginLockout, type LoginLimits } from './plugins/login-lockout.ts';
import { DEFAULT_REQUEST_LIMITS, registerRequestLimits, type RequestLimits } from './plugins/request-limits.ts';
import { registerCompression } from './plugins/compression.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerStorableInput } from './plugins/storable-input.ts';
import { registerAdminRoutes } from './routes/admin-routes.ts';
import { isAppRoute, registerStaticApp, sendAppShell } from './plugins/static-app.ts';
import { registerAuditRoutes } from './routes/audit-routes.ts';
import { registerAuthRoutes } from './routes/auth-routes.ts';
import { registerHealthRoutes } from './routes/health-routes.ts';
import { registerPhotoRoutes } from './routes/photo-routes.ts';
import type { RouteContext, TestHooks } from './routes/route-context.ts';
import { registerSyncRoutes } from './routes/sync-routes.ts';
import { registerProgressRoutes } from './routes/progress-routes.ts';

// Schema messages the server sends back (rejections, 400 field lists) in plain Vietnamese; the
// shared schemas' own messages already are.
installVietnameseValidationMessages();

export interface BuildAppOptions {
  database: Database;
  /** The built PWA to serve (dist/client); null or absent: API only. */
  staticDir?: string | null;
  /** Fastify's logger: false (tests), true, or a level ('warn' keeps 500s visible without request noise). */
  logger?: boolean | { level: string };
  now?: () => Date;
  /** Trust X-Forwarded-For from a reverse proxy (the login lockout and request limits then see client IPs). */
  trustProxy?: boolean;
  /** Failed logins before a lockout (counted in the database, shared by every server). */
  loginLimits?: LoginLimits;
  /** Requests per IP per minute on login and management routes (counted per server). */
  requestLimits?: Partial<RequestLimits>;
  /** Test-only hooks into the sync transaction. Never set in production. */
  testHooks?: TestHooks;
}

/** A push of MAX_PUSH_MUTATIONS records with long notes stays well below this. */
const BODY_LIMIT = 5 * 1024 * 1024;

/**
 * Once closing has begun (SIGTERM), every response says `Connection: close`. server.close()
 * drops only connections idle at that instant; a kept-alive connection whose request was still
 * running would otherwise stay open after its answer and hold shutdown up for the keep-alive
 * timeout (72 s). Requests still running finish normally.
 */
function drainWhenClosing(app: FastifyInstance): void {
  let isClosing = false;
  app.addHook('preClose', async () => {
    isClosing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (isClosing) reply.header('Connection', 'close');
    return payload;
  });
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // A request arriving on a connection that is still open while closing gets a 503.
    return503OnClosing: true,
    frameworkErrors: answerFrameworkError,
  });
  const now = options.now ?? (() => new Date());
  await registerSecurityHeaders(app);
  await registerCompression(app);
  await app.register(fastifyCookie);
  drainWhenClosing(app);
  registerErrorHandling(app);
  registerStorableInput(app);
  const limits = await registerRequestLimits(app, { ...DEFAULT_REQUEST_LIMITS, ...options.requestLimits });
  const context: RouteContext = {
    database: options.database,
    now,
    authenticate: createAuthenticate(options.database, now),
    loginLockout: new LoginLockout(options.database, options.loginLimits ?? DEFAULT_LOGIN_LIMITS),
    limits,
    testHooks: options.testHooks ?? {},
  };
  registerHealthRoutes(app, context);
  registerAuthRoutes(app, context);
  registerSyncRoutes(app, context);
  registerPhotoRoutes(app, context);
  registerAdminRoutes(app, context);
  registerProgressRoutes(app, context);
  registerAuditRoutes(app, context);
  const staticDir = options.staticDir ?? null;
  if (staticDir) await registerStaticApp(app, staticDir);
  app.setNotFoundHandler((request, reply) => {
    if (staticDir && isAppRoute(request)) return sendAppShell(reply);
    return reply.status(404).send(new ApiError(404, 'not-found', errorMessages.notFound).toBody());
  });
  return app;
}
