import type { z } from 'zod';
import { invalidRequest } from '#src/server/plugins/api-errors.ts';
import { UUID_PATTERN } from '#src/shared/domain/ids.ts';
import { ApiError } from '#src/server/plugins/api-errors.ts';

/** Validates a body with a shared schema; a 400 listing the failing fields otherwise. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw invalidRequest(parsed.error);
  return parsed.data;
}

/** The `:id` of a route, which must be a UUID (else 404: no such thing can exist). */
export function idParam(params: unknown): string {
  const id = (params as { id?: unknown }).id;
  if (typeof id !== 'string' || !UUID_PATTERN.test(id)) throw new ApiError(404, 'not-found', 'Không tìm thấy mục này.');
  return id;
}
