/**
 * The sync transport over HTTP (fetch): push, pull, login and logout at the protocol's
 * `apiPaths`. The session travels as the server's HttpOnly cookie (the browser adds it; page
 * script never sees it), or as a Bearer token for a device signed in before the cookie existed.
 * Every request says `X-So-Tay: 1`, the header the server requires with the cookie. Every answer is parsed with the shared response
 * schemas; every failure becomes a `SyncError` whose message is Vietnamese words for the user
 * (the status bar shows it as is). Nothing here retries: the runner decides when to try again,
 * and the protocol makes a repeated push harmless.
 *
 * Bodies of GZIP_MIN_BYTES and more go gzipped (`Content-Encoding: gzip`) where the browser has
 * CompressionStream: a push of field logs shrinks about tenfold on a slow, metered connection.
 * A server that refuses the encoding (415) gets the same body plainly, at once and from then on.
 */
import { z } from 'zod';
import {
  apiPaths,
  errorResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  type ErrorReason,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '#src/shared/sync/protocol.ts';
import { loginResponseSchema, type LoginRequest, type LoginResponse } from '#src/shared/domain/account.ts';
import { ACCOUNT_HEADER, APP_HEADER } from '#src/shared/domain/app-header.ts';
import type { SyncTransport } from './transport.ts';

export type SyncErrorReason = ErrorReason | 'network' | 'timeout';

/** Words for the user per reason, when the server gave none we should show. */
const messages: Record<SyncErrorReason, string> = {
  network: 'Không có kết nối mạng',
  timeout: 'Máy chủ không trả lời kịp, sẽ thử lại sau',
  unauthorized: 'Phiên đăng nhập đã hết hạn, hãy đăng nhập lại',
  'device-revoked': 'Thiết bị này đã bị thu hồi quyền truy cập, dữ liệu trên máy sẽ được xóa',
  'client-too-old': 'Ứng dụng đã cũ, hãy cập nhật',
  'server-error': 'Máy chủ đang gặp sự cố',
  'too-many-requests': 'Máy chủ đang bận, sẽ thử lại sau',
  forbidden: 'Bạn không có quyền thực hiện thao tác này',
  'client-mismatch': 'Thiết bị đang gắn với tài khoản khác, hãy đăng nhập lại',
  'invalid-request': 'Yêu cầu không hợp lệ',
  'not-found': 'Không tìm thấy dữ liệu trên máy chủ',
  conflict: 'Dữ liệu mâu thuẫn với dữ liệu trên máy chủ',
  'payload-too-large': 'Dữ liệu gửi lên quá lớn',
};

/** A failed request. `status` is the HTTP status, or null when no answer came. */
export class SyncError extends Error {
  constructor(
    readonly reason: SyncErrorReason,
    readonly status: number | null,
    message: string = messages[reason],
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** What a stored session gives a request: a legacy token, and the account its cookie is named for. */
export interface SessionAuth {
  token?: string | undefined;
  profile?: { user: { id: string } } | undefined;
}

/** The headers naming a session: the Bearer token of a legacy session, else the account whose cookie to use. */
export function sessionHeaders(session: SessionAuth | null): Record<string, string> {
  if (!session) return {};
  if (session.token) return { authorization: `Bearer ${session.token}` };
  return session.profile ? { [ACCOUNT_HEADER]: session.profile.user.id } : {};
}

export interface HttpTransportOptions {
  /** Origin of the server; '' (same origin) by default. */
  baseUrl?: string;
  /** The stored session (its `token` only on devices signed in before the cookie), or null/undefined when signed out (sync then fails as unauthorized). */
  getSession: () => Promise<SessionAuth | null | undefined>;
  /** Ask login for a Bearer token instead of the cookie (tools and tests without a cookie jar). */
  bearerLogin?: boolean;
  /** Tests pass a fetch that reaches the server in-process. */
  fetch?: typeof fetch;
  /** A request (including reading its answer) that takes longer is aborted. */
  timeoutMs?: number;
}

export interface HttpTransport extends SyncTransport {
  login(credentials: LoginRequest): Promise<LoginResponse>;
  /** Revokes the token on the server. */
  logout(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Smaller bodies (a pull request, a login) are not worth the compressor's time and header. */
export const GZIP_MIN_BYTES = 1024;

/** `text` gzipped, or null where the browser cannot (no CompressionStream) or it fails. */
async function gzip(text: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (typeof CompressionStream === 'undefined') return null;
  try {
    const stream = new Response(text).body!.pipeThrough(new CompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const baseUrl = options.baseUrl ?? '';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let serverTakesGzip = true;

  /** The body as sent: gzipped when worth it and possible, else the JSON text. */
  async function encode(json: string, headers: Record<string, string>): Promise<string | Uint8Array<ArrayBuffer>> {
    if (!serverTakesGzip || json.length < GZIP_MIN_BYTES) return json;
    const zipped = await gzip(json);
    if (zipped === null) return json;
    headers['content-encoding'] = 'gzip';
    return zipped;
  }

  async function post<Schema extends z.ZodType>(path: string, body: unknown, schema: Schema, session: SessionAuth | null, isApp = true) {
    try {
      return await postOnce(path, body, schema, session, isApp);
    } catch (error) {
      if (!(error instanceof EncodingRefused)) throw error;
      serverTakesGzip = false;
      return postOnce(path, body, schema, session, isApp);
    }
  }

  async function postOnce<Schema extends z.ZodType>(path: string, body: unknown, schema: Schema, session: SessionAuth | null, isApp: boolean) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (isApp) headers[APP_HEADER] = '1';
    Object.assign(headers, sessionHeaders(session));
    const payload = await encode(JSON.stringify(body ?? {}), headers);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await fetchImpl(`${baseUrl}${path}`, {
        method: 'POST',
        headers,
        body: payload,
        signal: controller.signal,
      });
      const json: unknown = await response.json().catch(() => undefined);
      if (response.status === 415 && headers['content-encoding']) throw new EncodingRefused();
      if (!response.ok) throw errorFromAnswer(response.status, json, path);
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new SyncError('server-error', response.status, 'Máy chủ trả lời không đúng định dạng');
      return parsed.data as z.infer<Schema>;
    } catch (error) {
      if (error instanceof SyncError || error instanceof EncodingRefused) throw error;
      throw new SyncError(timedOut ? 'timeout' : 'network', null);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The stored session; throws when signed out. */
  async function requireSession(): Promise<SessionAuth> {
    const session = await options.getSession();
    if (!session) throw new SyncError('unauthorized', null, 'Chưa đăng nhập, hãy đăng nhập để đồng bộ');
    return session;
  }

  return {
    async push(request: PushRequest): Promise<PushResponse> {
      return post(apiPaths.push, request, pushResponseSchema, await requireSession());
    },
    async pull(request: PullRequest): Promise<PullResponse> {
      return post(apiPaths.pull, request, pullResponseSchema, await requireSession());
    },
    async login(credentials: LoginRequest): Promise<LoginResponse> {
      return post(apiPaths.login, credentials, loginResponseSchema, null, options.bearerLogin !== true);
    },
    async logout(): Promise<void> {
      const session = await options.getSession();
      if (session) await post(apiPaths.logout, {}, z.unknown(), session);
    },
  };
}

/** The server refused a compressed body (415): send it plainly. */
class EncodingRefused extends Error {}

/**
 * Maps an error answer to a SyncError. Fixed words for the statuses the user must act on (or
 * wait out); otherwise the server's own Vietnamese message. A wrong password at login is a 401
 * too, but there the server's message ("wrong username or password") is the right one.
 */
export function errorFromAnswer(status: number, body: unknown, path: string): SyncError {
  const parsed = errorResponseSchema.safeParse(body);
  const serverError = parsed.success ? parsed.data.error : null;
  if (status === 401) {
    if (serverError?.reason === 'device-revoked') return new SyncError('device-revoked', status);
    if (path === apiPaths.login && serverError) return new SyncError('unauthorized', status, serverError.message);
    return new SyncError('unauthorized', status);
  }
  if (status === 426) return new SyncError('client-too-old', status);
  if (status >= 500) return new SyncError('server-error', status);
  if (status === 429) return new SyncError('too-many-requests', status);
  if (serverError) return new SyncError(serverError.reason, status, serverError.message || messages[serverError.reason]);
  return new SyncError(status === 404 ? 'not-found' : 'invalid-request', status);
}
