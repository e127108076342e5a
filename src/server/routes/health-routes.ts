import type { FastifyInstance } from 'fastify';
import { ApiError, errorMessages } from '#src/server/plugins/api-errors.ts';
import { apiPaths, PROTOCOL_VERSION } from '#src/shared/sync/protocol.ts';
import type { RouteContext } from './route-context.ts';

/** GET /api/health: answers ok only when the database answers, so a load balancer can route around. */
export function registerHealthRoutes(app: FastifyInstance, { database }: RouteContext): void {
  app.get(apiPaths.health, async () => {
    try {
      await database.query('SELECT 1');
    } catch {
      throw new ApiError(503, 'server-error', errorMessages.serverError);
    }
    return { status: 'ok', protocolVersion: PROTOCOL_VERSION };
  });
}
