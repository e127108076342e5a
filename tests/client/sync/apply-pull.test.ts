// applyPull: pulled changes and the cursor land together; local edits win until pushed; a reach
// change drops the scopes lost and queues a backfill of those gained.
import { describe, expect, it } from 'vitest';
import type { PullResponse, ServerRecord } from '#src/shared/sync/protocol.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { settlePush } from '#src/client/db/outbox-repository.ts';
import { applyBackfill, applyPull, getBackfillJob, getCursor, getHeldScopes } from '#src/client/db/pull-repository.ts';
import { hashScopes } from '#src/shared/sync/scopes.ts';
import type { OutreachLog } from '#src/shared/domain/field-log.ts';
import { freshDatabase, outreachLog } from './support/fixtures.ts';

function put(log: OutreachLog, seq: number): ServerRecord {
  return { collection: 'fieldLog', id: log.id, seq, deleted: false, data: { ...log } };
}

/** A page whose cursor is `c<n>`: cursors are opaque strings; these only need to differ. */
function page(changes: ServerRecord[], cursor: number, hasMore = false, scopes?: string[]): PullResponse {
  return { protocolVersion: 2, changes, cursor: `c${cursor}`, hasMore, scopesHash: scopes ? hashScopes(scopes) : '', ...(scopes ? { scopes } : {}) };
}

/** A row as the device stores it: the record and the server version it came with. */
const row = (log: OutreachLog, serverVersion: number) => ({ ...log, serverVersion });

describe('applyPull', () => {
  it('puts records, deletes tombstones and stores the cursor', async () => {
    const db = freshDatabase();
    const kept = outreachLog();
    const removed = outreachLog();
    await db.fieldLog.put(removed);

    const result = await applyPull(db, page([
      put(kept, 3),
      { collection: 'fieldLog', id: removed.id, seq: 4, deleted: true, data: null },
    ], 4));
    expect(result).toEqual({ applied: 2, skipped: 0, stale: false, dropped: 0 });
    expect(await db.fieldLog.toArray()).toEqual([row(kept, 3)]);
    expect(await getCursor(db)).toBe('c4');
  });

  it('does not overwrite a local edit that waits to be pushed, then takes the server copy once pushed', async () => {
    const db = freshDatabase();
    const log = outreachLog();
    const mine = { ...log, peopleReached: 12 };
    await putRecord(db, 'fieldLog', mine);
    const other = outreachLog();

    await applyPull(db, page([put(log, 5), put(other, 6)], 6));
    expect(await db.fieldLog.get(log.id)).toEqual(mine);
    expect(await db.fieldLog.get(other.id)).toEqual(row(other, 6));
    expect(await getCursor(db)).toBe('c6');

    const [seq] = (await db.outbox.toCollection().primaryKeys()) as number[];
    await settlePush(db, { protocolVersion: 2, lastAppliedSeq: seq!, written: [], rejected: [] });
    const serverVersion = { ...mine, note: 'máy chủ đã chuẩn hóa' };
    await applyPull(db, page([put(serverVersion, 7)], 7), { fromCursor: 'c6' });
    expect(await db.fieldLog.get(log.id)).toEqual(row(serverVersion, 7));
  });

  it('sends a cursor stored by an older version (a change number) as its digits, which the server still reads', async () => {
    const db = freshDatabase();
    await db.meta.bulkPut([{ key: 'cursor', value: 57 }, { key: 'backfill', value: [{ scopes: ['team:x'], until: 57, after: 0 }] }]);
    expect(await getCursor(db)).toBe('57');
    expect(await getBackfillJob(db)).toEqual({ scopes: ['team:x'], until: '57', after: '' });
  });

  it('ignores collections it does not know and still moves the cursor', async () => {
    const db = freshDatabase();
    const log = outreachLog();
    const result = await applyPull(db, page([
      { collection: 'patrolRoute', id: log.id, seq: 8, deleted: false, data: { id: log.id, name: 'Tuyến 1' } },
      put(log, 9),
    ], 9));
    expect(result).toEqual({ applied: 1, skipped: 1, stale: false, dropped: 0 });
    expect(await db.fieldLog.count()).toBe(1);
    expect(await getCursor(db)).toBe('c9');
  });

  it('drops a page asked for from a cursor that has moved since', async () => {
    const db = freshDatabase();
    const newer = outreachLog({ peopleReached: 8 });
    await applyPull(db, page([put(newer, 20)], 20));

    const late = await applyPull(db, page([put({ ...newer, peopleReached: 1 }, 10)], 10), { fromCursor: '' });
    expect(late.stale).toBe(true);
    expect(await getCursor(db)).toBe('c20');
    expect((await db.fieldLog.get(newer.id))?.peopleReached).toBe(8);
  });

  it('writes neither rows nor cursor when the transaction fails', async () => {
    const db = freshDatabase();
    await applyPull(db, page([], 3));
    db.meta.hook('updating', () => {
      throw new Error('storage failed');
    });
    await expect(applyPull(db, page([put(outreachLog(), 4)], 4))).rejects.toThrow('storage failed');
    expect(await db.fieldLog.count()).toBe(0);
    expect(await getCursor(db)).toBe('c3');
  });

  it('drops the records of a lost scope but keeps unsent ones, and queues a backfill of the gained scope', async () => {
    const db = freshDatabase();
    const teamA = 'team:0190a000-0000-7000-8000-00000000000a';
    const teamB = 'team:0190a000-0000-7000-8000-00000000000b';
    const inA = outreachLog({ teamId: teamA.slice(5) });
    const unsentInA = outreachLog({ teamId: teamA.slice(5) });
    await applyPull(db, page([put(inA, 5)], 5, false, [teamA]));
    expect(await getHeldScopes(db)).toEqual({ scopes: [teamA], hash: hashScopes([teamA]) });
    expect(await getBackfillJob(db)).toBeNull();
    await putRecord(db, 'fieldLog', unsentInA);

    const moved = await applyPull(db, page([], 9, false, [teamB]), { fromCursor: 'c5' });
    expect(moved.dropped).toBe(1);
    expect((await db.fieldLog.toArray()).map((log) => log.id)).toEqual([unsentInA.id]);
    expect(await getBackfillJob(db)).toEqual({ scopes: [teamB], until: 'c5', after: '' });

    const inB = outreachLog({ teamId: teamB.slice(5) });
    const job = (await getBackfillJob(db))!;
    expect(await applyBackfill(db, job, page([put(inB, 3)], 3, true))).toBe(1);
    expect(await getBackfillJob(db)).toEqual({ scopes: [teamB], until: 'c5', after: 'c3' });
    await applyBackfill(db, (await getBackfillJob(db))!, page([], 5, false));
    expect(await getBackfillJob(db)).toBeNull();
    expect(await db.fieldLog.get(inB.id)).toEqual(row(inB, 3));
    expect(await getCursor(db)).toBe('c9');
  });
});
