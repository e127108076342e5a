// An in-memory server that keeps the sync protocol's promises (src/shared/sync/protocol.ts):
// per-client last applied seq, rejections reported again on replay, versions of written records,
// one change sequence, tombstones, paged pulls, no echo of a device's own writes. No merging:
// a put replaces the record. Unit tests of the engine and runner use it; the integration tests
// use the real server.
import {
  PROTOCOL_VERSION,
  type Mutation,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type RejectedMutation,
  type RejectReason,
  type ServerRecord,
} from '#src/shared/sync/protocol.ts';
import type { SyncTransport } from '#src/client/sync/transport.ts';

export type RejectRule = (mutation: Mutation, current: ServerRecord | null) => { reason: RejectReason; message: string } | null;

export class MemoryServer implements SyncTransport {
  readonly records = new Map<string, ServerRecord>();
  /** The device that wrote each record (key as in `records`), for no echo. */
  private readonly origins = new Map<string, string | null>();
  private readonly written = new Map<string, Array<{ seq: number; version: number }>>();
  private changeSeq = 0;
  private readonly lastApplied = new Map<string, number>();
  private readonly rejections = new Map<string, RejectedMutation[]>();
  rejectRule: RejectRule = () => null;
  pushCalls = 0;
  pullCalls = 0;

  async push(request: PushRequest): Promise<PushResponse> {
    this.pushCalls += 1;
    const last = this.lastApplied.get(request.clientId) ?? 0;
    const log = this.rejections.get(request.clientId) ?? [];
    const written = this.written.get(request.clientId) ?? [];
    for (const mutation of request.mutations) {
      if (mutation.seq <= last) continue;
      const key = `${mutation.collection}:${mutation.id}`;
      const current = this.records.get(key) ?? null;
      const refusal = this.rejectRule(mutation, current);
      if (refusal) log.push({ seq: mutation.seq, collection: mutation.collection, id: mutation.id, ...refusal, current });
      else {
        const data = mutation.op === 'put' ? { ...mutation.data, id: mutation.id } : null;
        const record = this.write(mutation.collection, mutation.id, data, request.clientId);
        written.push({ seq: mutation.seq, version: record.seq });
      }
    }
    this.rejections.set(request.clientId, log);
    this.written.set(request.clientId, written);
    const maxSeq = Math.max(last, ...request.mutations.map((m) => m.seq));
    this.lastApplied.set(request.clientId, maxSeq);
    const seqs = new Set(request.mutations.map((m) => m.seq));
    return {
      protocolVersion: PROTOCOL_VERSION,
      lastAppliedSeq: maxSeq,
      written: written.filter((w) => seqs.has(w.seq)),
      rejected: log.filter((r) => seqs.has(r.seq)),
    };
  }

  async pull(request: PullRequest): Promise<PullResponse> {
    this.pullCalls += 1;
    const limit = request.limit ?? 1000;
    const after = [...this.records.entries()]
      .filter(([key, r]) => r.seq > Number(request.cursor || 0) && this.origins.get(key) !== request.clientId)
      .map(([, r]) => r)
      .sort((a, b) => a.seq - b.seq);
    const page = after.slice(0, limit);
    const hasMore = after.length > limit;
    // Cursors are opaque to devices; this server's happen to be its change numbers as text.
    const cursor = String(hasMore ? page[page.length - 1]!.seq : this.changeSeq);
    const total = (request.cursor === '' || request.cursor === '0') && hasMore ? { total: after.length } : {};
    return { protocolVersion: PROTOCOL_VERSION, changes: page.map((r) => ({ ...r })), cursor, hasMore, scopesHash: 'all', ...total };
  }

  /** Writes as if another device (or `origin`) had pushed it. `data` null writes a tombstone. */
  write(collection: string, id: string, data: Record<string, unknown> | null, origin: string | null = null): ServerRecord {
    this.changeSeq += 1;
    const record: ServerRecord = { collection, id, seq: this.changeSeq, deleted: data === null, data };
    this.records.set(`${collection}:${id}`, record);
    this.origins.set(`${collection}:${id}`, origin);
    return record;
  }

  liveData(collection: string): Record<string, unknown>[] {
    return [...this.records.values()].filter((r) => r.collection === collection && !r.deleted).map((r) => r.data!);
  }
}
