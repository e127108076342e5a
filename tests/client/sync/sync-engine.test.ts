// syncOnce against an in-memory server that keeps the protocol's promises.
import { describe, expect, it } from 'vitest';
import { PUSH_BATCH_BYTES } from '#src/shared/sync/protocol.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { getCursor } from '#src/client/db/pull-repository.ts';
import { SyncError } from '#src/client/sync/http-transport.ts';
import { syncOnce } from '#src/client/sync/sync-engine.ts';
import type { SyncTransport } from '#src/client/sync/transport.ts';
import { freshDatabase, outreachLog } from './support/fixtures.ts';
import { MemoryServer } from './support/memory-server.ts';

describe('syncOnce', () => {
  it('pushes a long outbox in batches of bounded bytes, then pulls only what others wrote', async () => {
    const server = new MemoryServer();
    const pushBytes: number[] = [];
    const transport: SyncTransport = {
      push: (request) => {
        pushBytes.push(JSON.stringify(request.mutations).length);
        return server.push(request);
      },
      pull: (request) => server.pull(request),
    };
    const db = freshDatabase();
    const count = 1005;
    for (let i = 0; i < count; i++) await putRecord(db, 'fieldLog', outreachLog());
    const fromElsewhere = outreachLog({ topic: 'Ghi từ máy khác' });
    server.write('fieldLog', fromElsewhere.id, { ...fromElsewhere });

    const result = await syncOnce(db, transport, { pullLimit: 50 });
    expect(pushBytes.length).toBeGreaterThan(1);
    for (const bytes of pushBytes) expect(bytes).toBeLessThanOrEqual(PUSH_BATCH_BYTES);
    // No echo: the device's own 1,005 logs are not sent back to it.
    expect(result).toEqual({ pushed: count, rejected: 0, pulled: 1 });
    expect(server.liveData('fieldLog')).toHaveLength(count + 1);
    expect(server.pullCalls).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.fieldLog.get(fromElsewhere.id)).toEqual({ ...fromElsewhere, serverVersion: 1 });
    expect(await getCursor(db)).toBe(String(count + 1));
  });

  it('syncs every registered collection without collection-specific code', async () => {
    const server = new MemoryServer();
    const db = freshDatabase();
    const household = { id: uuidv7(), hamletId: uuidv7(), headName: 'Lê Thị Hoa', address: 'Tổ 3, Ấp 2', memberCount: 4,
      isRentalHousing: false, hasConditionalBusiness: false, mergedIntoId: null, updatedAt: '2025-03-01T00:00:00.000Z' };
    await putRecord(db, 'household', household);
    const plan = { id: uuidv7(), orgUnitId: uuidv7(), name: 'Kế hoạch 2025', phases: [{ id: 'p1', name: 'Đợt 1', startDay: '2025-01-01', endDay: '2025-06-30' }], indicators: [], updatedAt: '2025-01-01T00:00:00.000Z' };
    server.write('campaignPlan', plan.id, plan);

    await syncOnce(db, server);
    expect(server.liveData('household')).toEqual([household]);
    expect(await db.campaignPlan.get(plan.id)).toEqual({ ...plan, serverVersion: 1 });
  });

  it('keeps exactly one copy when an answer is lost after the server applied the batch', async () => {
    const server = new MemoryServer();
    let isAnswerLost = true;
    const transport: SyncTransport = {
      push: async (request) => {
        const answer = await server.push(request);
        if (isAnswerLost) throw new SyncError('network', null);
        return answer;
      },
      pull: (request) => server.pull(request),
    };
    const db = freshDatabase();
    const log = outreachLog();
    await putRecord(db, 'fieldLog', log);
    await putRecord(db, 'fieldLog', { ...log, peopleReached: 7 });

    await expect(syncOnce(db, transport)).rejects.toMatchObject({ reason: 'network' });
    expect(await db.outbox.count()).toBe(2);
    expect(server.records.get(`fieldLog:${log.id}`)?.seq).toBe(2);

    isAnswerLost = false;
    await syncOnce(db, transport);
    expect(server.liveData('fieldLog')).toEqual([{ ...log, peopleReached: 7 }]);
    expect(server.records.get(`fieldLog:${log.id}`)?.seq).toBe(2);
    expect(await db.outbox.count()).toBe(0);
  });

  it('undoes a refused change with the server copy and sets the change aside', async () => {
    const server = new MemoryServer();
    const reviewed = outreachLog({ reviewStatus: 'approved' });
    server.write('fieldLog', reviewed.id, { ...reviewed });
    server.rejectRule = (mutation, current) =>
      current?.data?.reviewStatus === 'approved' ? { reason: 'already-reviewed', message: 'Tổ trưởng đã duyệt, không sửa được' } : null;
    const db = freshDatabase();
    await syncOnce(db, server);
    await putRecord(db, 'fieldLog', { ...reviewed, topic: 'Sửa sau khi duyệt' });

    const result = await syncOnce(db, server);
    expect(result).toMatchObject({ pushed: 1, rejected: 1 });
    expect(await db.fieldLog.get(reviewed.id)).toEqual({ ...reviewed, serverVersion: 1 });
    expect(await db.rejections.toArray()).toMatchObject([
      { recordId: reviewed.id, reason: 'already-reviewed', status: 'open', data: { topic: 'Sửa sau khi duyệt' } },
    ]);
  });

  it('keeps the pages it applied when the connection drops mid-pull, and resumes there', async () => {
    const server = new MemoryServer();
    for (let i = 0; i < 5; i++) {
      const log = outreachLog();
      server.write('fieldLog', log.id, { ...log });
    }
    let pagesLeft = 2;
    const transport: SyncTransport = {
      push: (request) => server.push(request),
      pull: async (request) => {
        if (pagesLeft-- <= 0) throw new SyncError('network', null);
        return server.pull(request);
      },
    };
    const db = freshDatabase();
    await expect(syncOnce(db, transport, { pullLimit: 2 })).rejects.toBeInstanceOf(SyncError);
    expect(await db.fieldLog.count()).toBe(4);
    expect(await getCursor(db)).toBe('4');

    pagesLeft = 10;
    const pullsBefore = server.pullCalls;
    await syncOnce(db, transport, { pullLimit: 2 });
    expect(await db.fieldLog.count()).toBe(5);
    expect(server.pullCalls - pullsBefore).toBe(1);
  });

  it("reports a fresh device's download page by page, of the total the server announced", async () => {
    const server = new MemoryServer();
    for (let i = 0; i < 25; i++) {
      const log = outreachLog();
      server.write('fieldLog', log.id, { ...log });
    }
    const seen: Array<{ received: number; total: number }> = [];
    const db = freshDatabase();
    await syncOnce(db, server, { pullLimit: 10, onPullProgress: (progress) => seen.push(progress) });
    expect(seen).toEqual([{ received: 10, total: 25 }, { received: 20, total: 25 }, { received: 25, total: 25 }]);
    expect(await db.fieldLog.count()).toBe(25);
  });
});
