// The offline contract of a save: record and outbox entry are written together or not at all.
import { describe, expect, it } from 'vitest';
import { deleteRecord, putRecord, RecordValidationError } from '#src/client/db/record-repository.ts';
import { freshDatabase, outreachLog } from '../sync/support/fixtures.ts';

describe('putRecord', () => {
  it('stores the record and queues exactly one put for it', async () => {
    const db = freshDatabase();
    const log = outreachLog();
    await putRecord(db, 'fieldLog', log);

    expect(await db.fieldLog.get(log.id)).toEqual(log);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ collection: 'fieldLog', recordId: log.id, op: 'put', data: log });
  });

  it('leaves neither the record nor the outbox entry when the outbox write fails', async () => {
    const db = freshDatabase();
    const earlier = outreachLog();
    await putRecord(db, 'fieldLog', earlier);
    db.outbox.hook('creating', () => {
      throw new Error('QuotaExceededError: the phone is full');
    });
    const log = outreachLog({ topic: 'Phòng cháy chữa cháy' });

    await expect(putRecord(db, 'fieldLog', log)).rejects.toThrow('the phone is full');
    expect(await db.fieldLog.get(log.id)).toBeUndefined();
    expect(await db.fieldLog.count()).toBe(1);
    expect((await db.outbox.toArray()).map((entry) => entry.recordId)).toEqual([earlier.id]);
  });

  it('keeps the previous version when an edit cannot be queued', async () => {
    const db = freshDatabase();
    const log = outreachLog();
    await putRecord(db, 'fieldLog', log);
    db.outbox.hook('creating', () => {
      throw new Error('storage failed');
    });

    await expect(putRecord(db, 'fieldLog', { ...log, peopleReached: 9 })).rejects.toThrow('storage failed');
    expect((await db.fieldLog.get(log.id))?.peopleReached).toBe(3);
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses an invalid record with Vietnamese field messages and writes nothing', async () => {
    const db = freshDatabase();
    const invalid = { ...outreachLog(), topic: '  ', householdIds: [] };

    const error = await putRecord(db, 'fieldLog', invalid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).fields).toMatchObject({
      topic: 'Nhập nội dung tuyên truyền',
      householdIds: 'Chọn ít nhất một hộ',
    });
    expect(await db.fieldLog.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('deleteRecord', () => {
  it('removes the record and queues a delete, or does neither', async () => {
    const db = freshDatabase();
    const kept = outreachLog();
    const removed = outreachLog();
    await putRecord(db, 'fieldLog', kept);
    await putRecord(db, 'fieldLog', removed);

    await deleteRecord(db, 'fieldLog', removed.id);
    expect(await db.fieldLog.get(removed.id)).toBeUndefined();
    expect(await db.outbox.orderBy('seq').last()).toMatchObject({ recordId: removed.id, op: 'delete' });

    db.outbox.hook('creating', () => {
      throw new Error('storage failed');
    });
    await expect(deleteRecord(db, 'fieldLog', kept.id)).rejects.toThrow('storage failed');
    expect(await db.fieldLog.get(kept.id)).toEqual(kept);
    expect(await db.outbox.count()).toBe(3);
  });
});
