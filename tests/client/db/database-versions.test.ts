// A phone keeps its database across app updates: a database written by an earlier release,
// with unsent changes, must open with the current code with every row and index intact. Each
// new Dexie version adds its fixture-based upgrade test here, starting from this v1 fixture.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AnttDatabase } from '#src/client/db/database.ts';
import { listCurrentPlans } from '#src/client/db/campaign-plan-repository.ts';
import { readOutboxBatch } from '#src/client/db/outbox-repository.ts';
import { listAssignmentsForTeam } from '#src/client/db/target-assignment-repository.ts';
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

  it('version 5 adds the tables of entered values and team targets, and v1 plans still read', async () => {
    const name = `test-v5-${uuidv7()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const planId = uuidv7();
    // A plan as the skeleton's server published it, before plans had versions.
    await v1.table('campaignPlan').put({
      id: planId, orgUnitId: uuidv7(), name: 'Kế hoạch 2025', updatedAt: '2025-01-01T00:00:00.000Z',
      phases: [{ id: 'dot-1', name: 'Đợt 1', startDay: '2025-01-01', endDay: '2025-12-31' }],
      indicators: [{ id: 'households-reached', type: 'household-coverage', label: 'Hộ', logKind: 'outreach', level: 'member', threshold: 0.8, source: '' }],
    });
    v1.close();

    const db = new AnttDatabase(name);
    try {
      expect(await listCurrentPlans(db)).toMatchObject([{ id: planId, planId, version: 1, indicators: [{ metric: { type: 'household-outreach-share' }, target: { value: 80 } }] }]);
      const teamId = uuidv7();
      const assignment = { id: uuidv7(), planId, indicatorId: 'households-reached', teamId, orgUnitId: uuidv7(), periodKey: null, value: 85, note: '', assignedBy: uuidv7(), updatedAt: '2025-02-01T00:00:00.000Z' };
      await db.targetAssignment.put(assignment);
      const unitId = uuidv7();
      await db.manualValue.put({ id: uuidv7(), orgUnitId: unitId, teamId: null, key: 'units-total', startDay: '2025-01-01', endDay: '2025-01-01', value: 40, note: '', enteredBy: uuidv7(), updatedAt: '2025-02-01T00:00:00.000Z' });
      expect(await listAssignmentsForTeam(db, teamId)).toEqual([assignment]);
      expect(await db.manualValue.where('[orgUnitId+key]').equals([unitId, 'units-total']).count()).toBe(1);
      expect(db.verno).toBeGreaterThanOrEqual(5);
    } finally {
      await db.delete();
    }
  });

  it('upgrades v1 to the entry-kinds version without losing unsent changes, rows or the cursor, and walks the new indexes', async () => {
    const name = `test-v1-kinds-${uuidv7()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const synced = outreachLog({ date: '2025-03-01' });
    const unsent = outreachLog({ date: '2025-03-02', reviewStatus: 'pending' });
    const household = { id: uuidv7(), hamletId: uuidv7(), headName: 'Lê Thị Hoa', address: 'Tổ 3', memberCount: 4, updatedAt: '2025-03-01T00:00:00.000Z' };
    await v1.table('fieldLog').bulkPut([synced, unsent]);
    await v1.table('household').put(household);
    await v1.table('outbox').bulkAdd([
      { collection: 'fieldLog', recordId: unsent.id, op: 'put', data: unsent, createdAt: '2025-03-02T01:00:00.000Z' },
      { collection: 'household', recordId: household.id, op: 'put', data: household, createdAt: '2025-03-02T01:05:00.000Z' },
    ]);
    await v1.table('meta').put({ key: 'cursor', value: 12 });
    v1.close();

    const db = new AnttDatabase(name);
    try {
      expect(db.verno).toBeGreaterThanOrEqual(3);
      expect((await readOutboxBatch(db)).map((entry) => [entry.seq, entry.recordId])).toEqual([[1, unsent.id], [2, household.id]]);
      expect(await getCursor(db)).toBe('12');
      expect(await db.household.get(household.id)).toEqual(household);
      const teamOutreach = await db.fieldLog.where('[teamId+kind+date]').between([synced.teamId, 'outreach', '2025-03-01'], [synced.teamId, 'outreach', '2025-03-31'], true, true).primaryKeys();
      expect(teamOutreach).toEqual([synced.id, unsent.id]);
      expect(await db.fieldLog.where('date').equals('2025-03-02').primaryKeys()).toEqual([unsent.id]);
      expect(await db.fieldLog.where('[reviewStatus+date]').between(['pending', '2025-01-01'], ['pending', '2025-12-31']).count()).toBe(2);
      expect(await Promise.all([db.checklistTemplate.count(), db.drafts.count(), db.photos.count()])).toEqual([0, 0, 0]);
    } finally {
      await db.delete();
    }
  });
  it('version 7 adds month closes and members\' last syncs to a v1 database with unsent changes', async () => {
    const name = `test-v7-${uuidv7()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const unsent = outreachLog({ date: '2025-03-02', reviewStatus: 'pending' });
    await v1.table('fieldLog').put(unsent);
    await v1.table('outbox').add({ collection: 'fieldLog', recordId: unsent.id, op: 'put', data: unsent, createdAt: '2025-03-02T01:00:00.000Z' });
    v1.close();

    const db = new AnttDatabase(name);
    try {
      expect(db.verno).toBeGreaterThanOrEqual(7);
      expect((await readOutboxBatch(db)).map((entry) => entry.recordId)).toEqual([unsent.id]);
      const teamId = uuidv7();
      const close = { id: uuidv7(), teamId, month: '2025-03', status: 'closed' as const, covered: { [unsent.id]: unsent.updatedAt }, note: '', closedBy: uuidv7(), closedAt: '2025-04-01T00:00:00.000Z', updatedAt: '2025-04-01T00:00:00.000Z' };
      await db.monthClose.put(close);
      expect(await db.monthClose.where('[teamId+month]').equals([teamId, '2025-03']).toArray()).toEqual([close]);
      await db.memberSync.put({ userId: MEMBER_ID, teamId, lastSyncAt: null, fetchedAt: '2025-04-01T00:00:00.000Z' });
      expect(await db.memberSync.where('teamId').equals(teamId).primaryKeys()).toEqual([MEMBER_ID]);
    } finally {
      await db.delete();
    }
  });
});
