// settlePush: what the device does with the server's answer to a push: versions recorded, refused
// changes set aside with their data and reason, the server's readable copy put back.
import { describe, expect, it } from 'vitest';
import { serverVersionOf } from '#src/client/db/server-versions.ts';
import { applyPull } from '#src/client/db/pull-repository.ts';
import type { PushResponse, ServerRecord } from '#src/shared/sync/protocol.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { putRecord, deleteRecord } from '#src/client/db/record-repository.ts';
import { readOutboxBatch, settlePush, toMutations } from '#src/client/db/outbox-repository.ts';
import type { OutreachLog } from '#src/shared/domain/field-log.ts';
import { freshDatabase, outreachLog } from './support/fixtures.ts';

function serverCopy(log: OutreachLog, seq = 7): ServerRecord {
  return { collection: 'fieldLog', id: log.id, seq, deleted: false, data: { ...log } };
}

function response(lastAppliedSeq: number, rejected: PushResponse['rejected'] = [], written: PushResponse['written'] = []): PushResponse {
  return { protocolVersion: 2, lastAppliedSeq, written, rejected };
}

async function outboxSeqs(db: AnttDatabase): Promise<number[]> {
  return (await db.outbox.orderBy('seq').primaryKeys()) as number[];
}

describe('reading the outbox', () => {
  it('gives the oldest entries first as protocol mutations, with their base and changed fields', async () => {
    const db = freshDatabase();
    const a = outreachLog();
    await putRecord(db, 'fieldLog', a);
    await putRecord(db, 'fieldLog', { ...a, peopleReached: 5 });
    await deleteRecord(db, 'fieldLog', a.id);

    const mutations = toMutations(await readOutboxBatch(db));
    expect(mutations.map((m) => [m.op, m.id])).toEqual([['put', a.id], ['put', a.id], ['delete', a.id]]);
    expect(mutations[0]).toMatchObject({ base: 0, data: { topic: a.topic } });
    expect(mutations[0]).not.toHaveProperty('changed');
    expect(mutations[0]!.op === 'put' && mutations[0]!.data).not.toHaveProperty('id');
    expect(mutations[1]).toMatchObject({ base: 0, changed: ['peopleReached'], data: { peopleReached: 5 } });
    expect(mutations[0]!.seq).toBeLessThan(mutations[1]!.seq);
    expect(mutations[2]).toEqual({ seq: mutations[1]!.seq + 1, collection: 'fieldLog', id: a.id, op: 'delete', base: 0 });
  });

  it('cuts batches by bytes, sending a record bigger than the budget alone', async () => {
    const db = freshDatabase();
    for (let i = 0; i < 5; i++) await putRecord(db, 'fieldLog', outreachLog({ note: 'x'.repeat(1500) }));
    const first = await readOutboxBatch(db, 5000);
    expect(first).toHaveLength(2);
    expect(await readOutboxBatch(db, 100)).toHaveLength(1);
    expect(await readOutboxBatch(db, 1_000_000, 3)).toHaveLength(3);
  });
});

describe('settlePush', () => {
  it('removes the settled entries and keeps the later ones', async () => {
    const db = freshDatabase();
    for (let i = 0; i < 3; i++) await putRecord(db, 'fieldLog', outreachLog());
    const [first, second, third] = await outboxSeqs(db);

    const result = await settlePush(db, response(second!));
    expect(result).toEqual({ settled: 2, rejected: 0, changedOnServer: 0 });
    expect(await outboxSeqs(db)).toEqual([third]);
    expect(first).toBeLessThan(second!);
    expect(await db.fieldLog.count()).toBe(3);
  });

  it('records the version the server gave each written record, as the base of the next edit', async () => {
    const db = freshDatabase();
    const log = outreachLog();
    await putRecord(db, 'fieldLog', log);
    const [seq] = await outboxSeqs(db);
    expect(await settlePush(db, response(seq!, [], [{ seq: seq!, version: 41, isChanged: true }]))).toEqual({ settled: 1, rejected: 0, changedOnServer: 1 });
    // The record is not rewritten; its version is kept beside it.
    expect(await db.fieldLog.get(log.id)).toEqual(log);
    expect(await serverVersionOf(db, 'fieldLog', log.id, await db.fieldLog.get(log.id))).toBe(41);

    await putRecord(db, 'fieldLog', { ...log, topic: 'Sửa sau khi đồng bộ' });
    expect(toMutations(await readOutboxBatch(db))[0]).toMatchObject({ base: 41, changed: ['topic'] });
    expect(await db.fieldLog.get(log.id)).toEqual({ ...log, topic: 'Sửa sau khi đồng bộ', serverVersion: 41 });
    expect(await db.pushedVersion.count()).toBe(0);
  });

  it('bases the next edit on the newer of the version given at push and a version pulled later, either way round', async () => {
    const db = freshDatabase();
    const pushedFirst = outreachLog();
    const pulledFirst = outreachLog();
    await putRecord(db, 'fieldLog', pushedFirst);
    let [seq] = await outboxSeqs(db);
    await settlePush(db, response(seq!, [], [{ seq: seq!, version: 41 }]));
    // Someone else edits it afterwards: the pull brings version 50.
    const page = (record: OutreachLog, version: number, cursor: string) => ({
      protocolVersion: 2, changes: [{ ...serverCopy(record, version), data: { ...record, note: 'sửa ở máy khác' } }], cursor, hasMore: false, scopesHash: '',
    });
    await applyPull(db, page(pushedFirst, 50, 'c50'));
    await putRecord(db, 'fieldLog', { ...pushedFirst, note: 'sửa lại', peopleReached: 9 });
    expect(toMutations(await readOutboxBatch(db))[0]).toMatchObject({ id: pushedFirst.id, base: 50 });
    await settlePush(db, response((await outboxSeqs(db))[0]!, [], [{ seq: (await outboxSeqs(db))[0]!, version: 52 }]));

    // Pulled at 30, then edited here and pushed: the push's 60 is the base.
    await applyPull(db, page(pulledFirst, 30, 'c51'));
    await putRecord(db, 'fieldLog', { ...pulledFirst, peopleReached: 4 });
    [seq] = await outboxSeqs(db);
    expect(toMutations(await readOutboxBatch(db))[0]).toMatchObject({ id: pulledFirst.id, base: 30 });
    await settlePush(db, response(seq!, [], [{ seq: seq!, version: 60 }]));
    expect(await db.fieldLog.get(pulledFirst.id)).toMatchObject({ peopleReached: 4, serverVersion: 30 });
    await deleteRecord(db, 'fieldLog', pulledFirst.id);
    expect(toMutations(await readOutboxBatch(db))[0]).toEqual(expect.objectContaining({ id: pulledFirst.id, op: 'delete', base: 60 }));
  });

  it('adds a new entry without reading first, and saves it as an edit should its id exist after all', async () => {
    const db = freshDatabase();
    const fresh = outreachLog();
    await putRecord(db, 'fieldLog', fresh, new Date(), { isNew: true });
    expect(await db.fieldLog.get(fresh.id)).toEqual(fresh);
    expect(toMutations(await readOutboxBatch(db))).toEqual([expect.objectContaining({ id: fresh.id, op: 'put', base: 0 })]);
    expect(toMutations(await readOutboxBatch(db))[0]).not.toHaveProperty('changed');

    // Pushed (version 41), then "new" again under the same id: the add is refused and nothing of
    // it stays; the save goes through as an edit of version 41.
    const [seq] = await outboxSeqs(db);
    await settlePush(db, response(seq!, [], [{ seq: seq!, version: 41 }]));
    await putRecord(db, 'fieldLog', { ...fresh, peopleReached: 9 }, new Date(), { isNew: true });
    expect(await db.fieldLog.get(fresh.id)).toEqual({ ...fresh, peopleReached: 9, serverVersion: 41 });
    expect(toMutations(await readOutboxBatch(db))).toEqual([expect.objectContaining({ id: fresh.id, base: 41, changed: ['peopleReached'] })]);
  });

  it('puts back the server copy of a refused edit and sets the refused record aside with its reason', async () => {
    const db = freshDatabase();
    const onServer = outreachLog({ reviewStatus: 'approved' });
    await db.fieldLog.put(onServer);
    const refused = { ...onServer, reviewStatus: 'pending' as const, peopleReached: 40 };
    await putRecord(db, 'fieldLog', refused);
    const [seq] = await outboxSeqs(db);

    const result = await settlePush(db, response(seq!, [
      {
        seq: seq!, collection: 'fieldLog', id: onServer.id, reason: 'invalid-record', message: 'Số người quá lớn',
        fields: [{ path: 'peopleReached', message: 'Số người quá lớn' }], current: serverCopy(onServer),
      },
    ]), new Date('2025-03-15T03:00:00.000Z'));

    expect(result).toEqual({ settled: 1, rejected: 1, changedOnServer: 0 });
    expect(await db.fieldLog.get(onServer.id)).toEqual({ ...onServer, serverVersion: 7 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.rejections.toArray()).toEqual([
      {
        id: 1, collection: 'fieldLog', recordId: onServer.id, reason: 'invalid-record', message: 'Số người quá lớn',
        fields: [{ path: 'peopleReached', message: 'Số người quá lớn' }], data: refused, status: 'open', at: '2025-03-15T03:00:00.000Z',
      },
    ]);
  });

  it('deletes the local record when the server has none or only a tombstone', async () => {
    const db = freshDatabase();
    const neverOnServer = outreachLog();
    const deletedOnServer = outreachLog();
    await putRecord(db, 'fieldLog', neverOnServer);
    await putRecord(db, 'fieldLog', deletedOnServer);
    const [s1, s2] = await outboxSeqs(db);

    await settlePush(db, response(s2!, [
      { seq: s1!, collection: 'fieldLog', id: neverOnServer.id, reason: 'forbidden', message: 'Không có quyền', current: null },
      { seq: s2!, collection: 'fieldLog', id: deletedOnServer.id, reason: 'forbidden', message: 'Không có quyền', current: { collection: 'fieldLog', id: deletedOnServer.id, seq: 9, deleted: true, data: null } },
    ]));
    expect(await db.fieldLog.count()).toBe(0);
    expect(await db.rejections.count()).toBe(2);
  });

  it('keeps a newer local edit that still waits when an older one is refused', async () => {
    const db = freshDatabase();
    const log = outreachLog();
    await putRecord(db, 'fieldLog', { ...log, topic: 'Bản nháp sai' });
    const [refusedSeq] = await outboxSeqs(db);
    await putRecord(db, 'fieldLog', { ...log, topic: 'Bản sửa đúng' });

    await settlePush(db, response(refusedSeq!, [
      { seq: refusedSeq!, collection: 'fieldLog', id: log.id, reason: 'invalid-record', message: 'Dữ liệu không hợp lệ', current: null },
    ]));
    expect((await db.fieldLog.get(log.id))?.topic).toBe('Bản sửa đúng');
    expect(await db.outbox.count()).toBe(1);
    expect(await db.rejections.count()).toBe(1);
  });

  it('changes nothing when the same answer arrives again after newer local work', async () => {
    const db = freshDatabase();
    const log = outreachLog();
    await putRecord(db, 'fieldLog', log);
    const [seq] = await outboxSeqs(db);
    const answer = response(seq!, [
      { seq: seq!, collection: 'fieldLog', id: log.id, reason: 'forbidden', message: 'Không có quyền', current: null },
    ]);
    await settlePush(db, answer);
    const again = outreachLog({ id: log.id, topic: 'Ghi lại sau khi bị từ chối' });
    await putRecord(db, 'fieldLog', again);

    expect(await settlePush(db, answer)).toEqual({ settled: 0, rejected: 0, changedOnServer: 0 });
    expect(await db.fieldLog.get(log.id)).toEqual(again);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.rejections.count()).toBe(1);
  });

  it('is all or nothing: a failure while recording a refusal keeps the outbox and the edit', async () => {
    const db = freshDatabase();
    const log = outreachLog();
    await putRecord(db, 'fieldLog', log);
    const [seq] = await outboxSeqs(db);
    db.rejections.hook('creating', () => {
      throw new Error('storage failed');
    });

    await expect(settlePush(db, response(seq!, [
      { seq: seq!, collection: 'fieldLog', id: log.id, reason: 'forbidden', message: 'Không có quyền', current: null },
    ]))).rejects.toThrow('storage failed');
    expect(await db.fieldLog.get(log.id)).toEqual(log);
    expect(await outboxSeqs(db)).toEqual([seq]);
  });
});
