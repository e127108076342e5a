// A phone keeps its database across app updates: a database written by an earlier release,
// with unsent changes, must open with the current code with every row and index intact. Each
// new Dexie version adds its fixture-based upgrade test here, starting from this v1 fixture.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AnttDatabase } from '#src/client/db/database.ts';
import { readOutboxBatch } from '#src/client/db/outbox-repository.ts';
import { getClientId } from '#src/client/db/session-repository.ts';
import { getCursor } from '#src/client/db/pull-repository.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { MEMBER_ID, outreachLog } from '../sync/support/fixtures.ts';

/** The stores of release v1, frozen here: the fixture must not follow later edits. */
const V1_STORES = {
  household: 'id, hamletId',
  fieldLog: 'id, [memberId+date], [teamId+date], [kind+date], *householdIds',
  campaignPlan: 'id, orgUnitId',
  outbox: '++seq, recordId, createdAt',
  meta: 'key',
  session: 'key',
  prefs: 'key',
  rejections: '++id, recordId, at',
};

describe('device database versions', () => {
  it('opens a v1 database with unsent changes and keeps rows, indexes and sync state', async () => {
    const name = `test-v1-${uuidv7()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const synced = outreachLog({ date: '2025-03-01' });
    const unsent = outreachLog({ date: '2025-03-02' });
    await v1.table('fieldLog').bulkPut([synced, unsent]);
    await v1.table('outbox').add({ collection: 'fieldLog', recordId: unsent.id, op: 'put', data: unsent, createdAt: '2025-03-02T01:00:00.000Z' });
    await v1.table('meta').bulkPut([{ key: 'cursor', value: 57 }, { key: 'clientId', value: '0190a000-0000-7000-8000-00000000c1d0' }]);
    v1.close();

    const db = new AnttDatabase(name);
    try {
      const byMember = await db.fieldLog.where('[memberId+date]').between([MEMBER_ID, '2025-03-01'], [MEMBER_ID, '2025-03-31']).toArray();
      expect(byMember.map((log) => log.id)).toEqual([synced.id, unsent.id]);
      expect(await readOutboxBatch(db)).toMatchObject([{ seq: 1, recordId: unsent.id, op: 'put' }]);
      expect(await getCursor(db)).toBe('57');
      expect(await getClientId(db)).toBe('0190a000-0000-7000-8000-00000000c1d0');
    } finally {
      await db.delete();
    }
  });
});
