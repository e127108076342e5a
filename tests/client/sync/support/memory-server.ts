// An in-memory server that keeps the sync protocol's promises (src/shared/sync/protocol.ts):
// per-client last applied seq, rejections reported again on replay, one change sequence,
// tombstones, paged pulls. Unit tests of the engine and runner use it; the integration tests
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
    for (const mutation of request.mutations) {
      if (mutation.seq <= last) continue;
      const key = `${mutation.collection}:${mutation.id}`;
      const current = this.records.get(key) ?? null;
      const refusal = this.rejectRule(mutation, current);
      if (refusal) log.push({ seq: mutation.seq, collection: mutation.collection, id: mutation.id, ...refusal, current });
      else this.write(mutation.collection, mutation.id, mutation.op === 'put' ? mutation.data : null);
    }
    this.rejections.set(request.clientId, log);
    const maxSeq = Math.max(last, ...request.mutations.map((m) => m.seq));
    this.lastApplied.set(request.clientId, maxSeq);
    const seqs = new Set(request.mutations.map((m) => m.seq));
    return { protocolVersion: PROTOCOL_VERSION, lastAppliedSeq: maxSeq, rejected: log.filter((r) => seqs.has(r.seq)) };
  }

  async pull(request: PullRequest): Promise<PullResponse> {
    this.pullCalls += 1;
    const after = [...this.records.values()].filter((r) => r.seq > request.cursor).sort((a, b) => a.seq - b.seq);
    const page = after.slice(0, request.limit);
    const hasMore = after.length > request.limit;
    const cursor = hasMore ? page[page.length - 1]!.seq : this.changeSeq;
    return { protocolVersion: PROTOCOL_VERSION, changes: page.map((r) => ({ ...r })), cursor, hasMore };
  }

  /** Writes as if another device had pushed it. `data` null writes a tombstone. */
  write(collection: string, id: string, data: Record<string, unknown> | null): ServerRecord {
    this.changeSeq += 1;
    const record: ServerRecord = { collection, id, seq: this.changeSeq, deleted: data === null, data };
    this.records.set(`${collection}:${id}`, record);
    return record;
  }

  liveData(collection: string): Record<string, unknown>[] {
    return [...this.records.values()].filter((r) => r.collection === collection && !r.deleted).map((r) => r.data!);
  }
}
