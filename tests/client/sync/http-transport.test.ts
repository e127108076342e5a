// The HTTP transport: what it sends, and the Vietnamese error a user sees for each failure.
// fetch is replaced at the network boundary only; the real server is used in sync-server tests.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { apiPaths, type PullRequest, type PushRequest } from '#src/shared/sync/protocol.ts';
import { createHttpTransport, GZIP_MIN_BYTES, SyncError } from '#src/client/sync/http-transport.ts';

const pullRequest: PullRequest = { protocolVersion: 2, clientId: '0190a000-0000-7000-8000-0000000000aa', cursor: '', limit: 10 };
const pushAnswer = { protocolVersion: 2, lastAppliedSeq: 50, written: [], rejected: [] };

/** A push of `count` outreach entries, as the outbox sends them. */
function pushOf(count: number): PushRequest {
  const mutations = Array.from({ length: count }, (_, index) => ({
    op: 'put' as const, collection: 'fieldLog', seq: index + 1, id: `0190a000-0000-7000-8000-${String(index).padStart(12, '0')}`, base: 0,
    data: { kind: 'outreach', date: '2026-11-30', note: 'Tuyên truyền phòng chống lừa đảo qua mạng', audienceCount: 40 },
  }));
  return { protocolVersion: 2, clientId: pullRequest.clientId, mutations };
}

/** The JSON a call sent, inflated when it went gzipped. */
function sentJson(init: RequestInit): unknown {
  const body = init.body;
  return JSON.parse(typeof body === 'string' ? body : gunzipSync(body as Uint8Array).toString('utf8'));
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function transportAnswering(answer: (url: string, init: RequestInit) => Promise<Response>, token: string | null = 'tok') {
  const calls: { url: string; init: RequestInit }[] = [];
  const transport = createHttpTransport({
    baseUrl: 'https://antt.example',
    getSession: async () => (token === null ? null : { token }),
    timeoutMs: 50,
    fetch: async (input, init) => {
      calls.push({ url: String(input), init: init! });
      return answer(String(input), init!);
    },
  });
  return { transport, calls };
}

async function failureOf(promise: Promise<unknown>): Promise<SyncError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}

describe('createHttpTransport', () => {
  it('posts the request with the Bearer token and returns the parsed answer', async () => {
    const { transport, calls } = transportAnswering(async () => json(200, { protocolVersion: 2, changes: [], cursor: '4', hasMore: false, scopesHash: '', extra: 'kept' }));
    const answer = await transport.pull(pullRequest);
    expect(answer).toEqual({ protocolVersion: 2, changes: [], cursor: '4', hasMore: false, scopesHash: '', extra: 'kept' });
    expect(calls[0]!.url).toBe(`https://antt.example${apiPaths.pull}`);
    expect(calls[0]!.init.method).toBe('POST');
    expect(new Headers(calls[0]!.init.headers).get('authorization')).toBe('Bearer tok');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual(pullRequest);
  });

  it.each([
    [401, { error: { reason: 'unauthorized', message: 'x' } }, 'unauthorized', 'Phiên đăng nhập đã hết hạn, hãy đăng nhập lại'],
    [426, { error: { reason: 'client-too-old', message: 'x' } }, 'client-too-old', 'Ứng dụng đã cũ, hãy cập nhật'],
    [500, { error: { reason: 'server-error', message: 'x' } }, 'server-error', 'Máy chủ đang gặp sự cố'],
    [502, 'Bad gateway', 'server-error', 'Máy chủ đang gặp sự cố'],
    [403, { error: { reason: 'forbidden', message: 'Tài khoản bị khóa' } }, 'forbidden', 'Tài khoản bị khóa'],
  ])('maps HTTP %i to a SyncError the user can read', async (status, body, reason, message) => {
    const { transport } = transportAnswering(async () => json(status, body));
    const error = await failureOf(transport.pull(pullRequest));
    expect({ reason: error.reason, status: error.status, message: error.message }).toEqual({ reason, status, message });
  });

  it('reports no network when fetch cannot reach the server', async () => {
    const { transport } = transportAnswering(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failureOf(transport.pull(pullRequest));
    expect([error.reason, error.status, error.message]).toEqual(['network', null, 'Không có kết nối mạng']);
  });

  it('aborts a request that takes too long and reports a timeout', async () => {
    let signal: AbortSignal | undefined;
    const { transport } = transportAnswering((_url, init) => new Promise((_resolve, reject) => {
      signal = init.signal ?? undefined;
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    }));
    const error = await failureOf(transport.pull(pullRequest));
    expect(error.reason).toBe('timeout');
    expect(signal?.aborted).toBe(true);
  });

  it('refuses an answer that does not match the protocol', async () => {
    const { transport } = transportAnswering(async () => json(200, { changes: 'nope' }));
    const error = await failureOf(transport.pull(pullRequest));
    expect(error.reason).toBe('server-error');
    expect(error.message).toBe('Máy chủ trả lời không đúng định dạng');
  });

  it('does not call the server without a session', async () => {
    const { transport, calls } = transportAnswering(async () => json(200, {}), null);
    const error = await failureOf(transport.push({ protocolVersion: 1, clientId: pullRequest.clientId, mutations: [] }));
    expect(error.reason).toBe('unauthorized');
    expect(calls).toHaveLength(0);
  });

  it('gzips a large push and sends a small request plainly', async () => {
    const { transport, calls } = transportAnswering(async (url) => json(200, url.endsWith(apiPaths.push) ? pushAnswer : { protocolVersion: 2, changes: [], cursor: '', hasMore: false, scopesHash: '' }));
    const request = pushOf(50);
    await transport.push(request);
    await transport.pull(pullRequest);

    const [push, pull] = calls;
    expect(new Headers(push!.init.headers).get('content-encoding')).toBe('gzip');
    expect(sentJson(push!.init)).toEqual(request);
    expect((push!.init.body as Uint8Array).length * 5).toBeLessThan(JSON.stringify(request).length);
    expect(JSON.stringify(pullRequest).length).toBeLessThan(GZIP_MIN_BYTES);
    expect(new Headers(pull!.init.headers).has('content-encoding')).toBe(false);
    expect(typeof pull!.init.body).toBe('string');
  });

  it('sends the push again plainly when the server refuses gzip, and plainly from then on', async () => {
    const { transport, calls } = transportAnswering(async (_url, init) => (new Headers(init.headers).has('content-encoding')
      ? json(415, { error: { reason: 'invalid-request', message: 'Máy chủ không nhận dữ liệu nén kiểu gzip.' } })
      : json(200, pushAnswer)));
    const request = pushOf(50);
    await expect(transport.push(request)).resolves.toEqual(pushAnswer);
    await transport.push(request);

    expect(calls.map((call) => new Headers(call.init.headers).get('content-encoding'))).toEqual(['gzip', null, null]);
    expect(sentJson(calls[1]!.init)).toEqual(request);
  });

  it('shows the server words for a wrong password at login', async () => {
    const { transport, calls } = transportAnswering(async () => json(401, { error: { reason: 'unauthorized', message: 'Tên đăng nhập hoặc mật khẩu không đúng' } }), null);
    const error = await failureOf(transport.login({ username: 'tovien', password: 'sai' }));
    expect(error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(new Headers(calls[0]!.init.headers).has('authorization')).toBe(false);
  });
});
