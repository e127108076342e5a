/**
 * Text PostgreSQL cannot store (a NUL, half a surrogate pair) and bodies nested deeper than any
 * message of the API must never reach a query or a recursive function: they used to answer 500.
 * Every request body is walked once, iteratively, before validation; a bad one is a 400.
 * Push is the exception for the records it carries: a bad record is refused alone, with its
 * reason, so the valid records of its batch still land (sync/mutation.ts); its envelope is checked
 * here like any body.
 */
import type { FastifyInstance } from 'fastify';
import { apiPaths } from '#src/shared/sync/protocol.ts';
import { isStorableBody } from '#src/shared/sync/storable.ts';
import { ApiError } from './api-errors.ts';

export const unstorableInputMessage = 'Dữ liệu gửi lên có ký tự không hợp lệ hoặc lồng nhau quá sâu.';

function envelopeOf(url: string, body: unknown): unknown {
  if (url !== apiPaths.push || typeof body !== 'object' || body === null) return body;
  const { mutations, ...rest } = body as { mutations?: unknown };
  if (!Array.isArray(mutations)) return body;
  return { ...rest, mutations: mutations.map((m) => (typeof m === 'object' && m !== null ? { ...m, data: null } : m)) };
}

export function registerStorableInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    // Raw bodies (photos) are bytes, not text: nothing here applies to them.
    if (request.body === undefined || request.body === null || Buffer.isBuffer(request.body)) return;
    if (!isStorableBody(envelopeOf(request.routeOptions.url ?? request.url, request.body))) {
      throw new ApiError(400, 'invalid-request', unstorableInputMessage);
    }
    const query = request.query as Record<string, unknown> | undefined;
    if (query && !isStorableBody(query)) throw new ApiError(400, 'invalid-request', unstorableInputMessage);
  });
}
