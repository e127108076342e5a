/**
 * What the sync engine needs from the network: push a batch, pull a page. The app uses the
 * HTTP transport (http-transport.ts); tests use in-memory ones, including faulty transports that
 * lose, repeat or delay messages. A transport reports every failure as a `SyncError`.
 */
import type { PullRequest, PullResponse, PushRequest, PushResponse } from '#src/shared/sync/protocol.ts';

export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(request: PullRequest): Promise<PullResponse>;
}
