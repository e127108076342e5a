/**
 * Migration 0006 from a database of the change-counter era: rows numbered under the old counter
 * keep their numbers and come first in the feed; new numbers continue after the counter; a
 * device's old cursor (a change number) still means "everything up to that number"; and any
 * change to the organisation bumps the epoch that invalidates cached reaches.
 */
import { expect, it } from 'vitest';
import { loadMigrations, migrate } from '#src/server/db/migrate.ts';
import { alignFeedAfterRestore, readChangesAfter, readFeedId, START } from '#src/server/db/pull-repository.ts';
import { writeServerRecords } from '#src/server/db/sync-repository.ts';
import { insertUnit } from '#src/server/db/units-repository.ts';
import { parseCursor } from '#src/server/sync/cursor.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const SCOPE = 'unit:0190a000-0000-7000-8000-000000000001';

forEachDatabase(
  'migration 0006',
  (getDb) => {
    const oldIds = [uuidv7(), uuidv7(), uuidv7()];

    it('keeps the counter era first in the feed, continues its numbers, and reads its cursors', async () => {
      await migrate(getDb(), { migrations: loadMigrations().filter((m) => m.name < '0006') });
      for (const [index, id] of oldIds.entries()) {
        await getDb().query(
          `INSERT INTO records (collection, id, scope, seq, deleted, data, updated_at) VALUES ('household', $1, $2, $3, false, $4, now())`,
          [id, SCOPE, index + 1, JSON.stringify({ id, n: index + 1 })],
        );
      }
      await getDb().query('UPDATE change_counter SET value = 3');
      await migrate(getDb());

      const [written] = await getDb().transaction((tx) =>
        writeServerRecords(tx, [{ collection: 'household', id: uuidv7(), scope: SCOPE, deleted: false, data: { n: 4 }, originClient: null }], { userId: null, now: new Date() }),
      );
      expect(written!.seq).toBe(4);

      const feed = await readFeedId(getDb());
      const read = (after: string) => readChangesAfter(getDb(), { after: parseCursor(after, feed)!, limit: 100, scopes: [SCOPE], clientId: uuidv7() });
      expect((await read('')).changes.map((c) => c.record.seq)).toEqual([1, 2, 3, 4]);
      // A device that had pulled up to change 2 under the counter gets 3 and the new one.
      expect((await read('2')).changes.map((c) => c.record.seq)).toEqual([3, 4]);
      expect(parseCursor('2', feed)).toEqual({ ...START, seq: 2 });
    });

    it('after a restore into another cluster, reads rows of the old count and starts devices of the old feed over', async () => {
      const feed = await readFeedId(getDb());
      // Rows as a logical restore leaves them: transaction ids of the old cluster, far ahead of this one's.
      await getDb().query("UPDATE records SET xid = '900000000000' WHERE seq >= 3");
      const read = (after: string) => readChangesAfter(getDb(), { after: parseCursor(after, feed)!, limit: 100, scopes: [SCOPE], clientId: uuidv7() });
      expect((await read('')).changes.map((c) => c.record.seq)).toEqual([1, 2]);
      expect(await alignFeedAfterRestore(getDb())).toBe(2);
      expect((await read('')).changes.map((c) => c.record.seq)).toEqual([1, 2, 3, 4]);
      expect(await alignFeedAfterRestore(getDb())).toBe(0);
      // A cursor of the old cluster's feed means the start; a cursor that is no cursor is refused.
      expect(parseCursor('123.900000000000.7', '456')).toEqual(START);
      expect(parseCursor(`${feed}.17.3`, feed)).toEqual({ xid: '17', seq: 3 });
      expect(parseCursor('abc', feed)).toBeNull();
    });

    it('bumps the organisation epoch with every change to units, in the changing transaction', async () => {
      const epoch = async () => (await getDb().query<{ value: number }>('SELECT value FROM org_epoch'))[0]!.value;
      const before = await epoch();
      await expect(
        getDb().transaction(async (tx) => {
          await insertUnit(tx, { id: uuidv7(), parentId: null, kind: 'province', name: 'Tỉnh bỏ dở' }, new Date());
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await epoch()).toBe(before);
      await insertUnit(getDb(), { id: uuidv7(), parentId: null, kind: 'province', name: 'Tỉnh mới' }, new Date());
      expect(await epoch()).toBeGreaterThan(before);
    });
  },
  { migrated: false },
);
