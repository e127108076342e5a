/**
 * Online-only requests (management, my devices, password change). The session is the HttpOnly
 * cookie the browser adds (or a legacy Bearer token); every request says `X-So-Tay: 1`. Unlike sync, nothing here is queued: these screens say they need the network, and a
 * failure is shown at once. Every failure is an ApiRequestError carrying the server's
 * Vietnamese message and, for a 400, the message of each bad field or CSV row.
 */
import type { z } from 'zod';
import { APP_HEADER } from '#src/shared/domain/app-header.ts';
import { apiAccountHeaders } from './api-account.ts';
import { errorResponseSchema } from '#src/shared/sync/protocol.ts';

export type ApiFailureReason = 'network' | 'timeout' | 'unauthorized' | 'forbidden' | 'not-found' | 'invalid-request' | 'too-many-requests' | 'server-error' | string;

export class ApiRequestError extends Error {
  constructor(
    readonly reason: ApiFailureReason,
    readonly status: number | null,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
    /** What the server asks the device to do next (e.g. `change-password` at login). */
    readonly action: string | null = null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  /** The message for one field path, if the server named it. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((field) => field.path === path)?.message;
  }
}

const messages = {
  network: 'Không có kết nối mạng. Chức năng này cần mạng.',
  timeout: 'Máy chủ không trả lời kịp. Hãy thử lại.',
  badAnswer: 'Máy chủ trả lời không đúng định dạng.',
  server: 'Máy chủ đang gặp sự cố. Hãy thử lại sau.',
};

export interface ApiRequest<Schema extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** A legacy Bearer token; absent for the cookie. */
  token?: string | null | undefined;
  body?: unknown;
  /** Parses a 2xx answer; absent for 204 answers. */
  schema?: Schema;
  timeoutMs?: number;
}

export async function apiRequest<Schema extends z.ZodType>(request: ApiRequest<Schema>): Promise<z.infer<Schema>> {
  const headers: Record<string, string> = { [APP_HEADER]: '1', ...apiAccountHeaders() };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  const controller = new AbortController();
  let isTimedOut = false;
  const timer = setTimeout(() => {
    isTimedOut = true;
    controller.abort();
  }, request.timeoutMs ?? 30_000);
  let response: Response;
  try {
    response = await fetch(request.path, {
      method: request.method, headers, signal: controller.signal,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
  } catch {
    throw new ApiRequestError(isTimedOut ? 'timeout' : 'network', null, isTimedOut ? messages.timeout : messages.network);
  } finally {
    clearTimeout(timer);
  }
  const json: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) throw errorOf(response.status, json);
  if (!request.schema) return undefined as z.infer<Schema>;
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) throw new ApiRequestError('server-error', response.status, messages.badAnswer);
  return parsed.data as z.infer<Schema>;
}

function errorOf(status: number, body: unknown): ApiRequestError {
  const parsed = errorResponseSchema.safeParse(body);
  if (!parsed.success) return new ApiRequestError(status >= 500 ? 'server-error' : 'invalid-request', status, messages.server);
  const { reason, message, fields } = parsed.data.error;
  const action = (parsed.data.error as { action?: unknown }).action;
  return new ApiRequestError(reason, status, message, fields ?? [], typeof action === 'string' ? action : null);
}
