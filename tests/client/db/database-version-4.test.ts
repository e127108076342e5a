// Dexie version 4 (accounts): a device database of version 1 with its rows opens as version 4
// with every row kept and the new org tables (orgUnit, team) empty and usable.
import Dexie from 'dexie';
import { expect, it } from 'vitest';
import { AnttDatabase } from '#src/client/db/database.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';

it('upgrade a version 1 database to version 4, keeping its rows', async () => {
  const name = `upgrade-${uuidv7()}`;
  const old = new Dexie(name);
  old.version(1).stores({
    household: 'id, hamletId', fieldLog: 'id, [memberId+date], [teamId+date], [kind+date], *householdIds', campaignPlan: 'id, orgUnitId',
    outbox: '++seq, recordId, createdAt', meta: 'key', session: 'key', prefs: 'key', rejections: '++id, recordId, at',
  });
  const householdId = uuidv7();
  await old.table('household').put({ id: householdId, hamletId: uuidv7(), headName: 'Nguyễn Văn An', address: '', memberCount: 3, updatedAt: '2026-01-01T00:00:00.000Z' });
  await old.table('meta').put({ key: 'clientId', value: 'c-1' });
  old.close();

  const db = new AnttDatabase(name);
  await db.open();
  expect(db.verno).toBeGreaterThanOrEqual(4);
  expect((await db.household.get(householdId))?.headName).toBe('Nguyễn Văn An');
  expect(await db.meta.get('clientId')).toEqual({ key: 'clientId', value: 'c-1' });
  const teamId = uuidv7();
  await db.team.put({ id: teamId, communeId: uuidv7(), name: 'Tổ Ấp 1', hamletIds: [], establishedOn: null, members: [], updatedAt: '2026-01-01T00:00:00.000Z' });
  expect((await db.team.where('communeId').anyOf([(await db.team.get(teamId))!.communeId]).toArray()).map((t) => t.name)).toEqual(['Tổ Ấp 1']);
  db.close();
});
