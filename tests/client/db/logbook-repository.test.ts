// The logbook's index walks: scope, kind and days pick one index range, review status and sync
// state narrow it, and the order is newest day first, newest created first within a day.
import { describe, expect, it } from 'vitest';
import { listLogbookIds, type LogbookFilter } from '#src/client/db/logbook-repository.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { freshDb, memberProfile, outreachLog, teamId } from '../features/test-kit.tsx';
import { validEntries } from '../../shared/kinds/entry-fixtures.ts';

const me = memberProfile().user.id;
const mate = memberProfile().user.id;
const otherTeam = uuidv7();

const all: LogbookFilter = { scope: { kind: 'all' }, kind: null, fromDay: null, toDay: null, reviewStatus: null, syncState: null };

async function device() {
  const db = freshDb();
  const a = outreachLog(me, { date: '2026-03-01' });
  const b = outreachLog(me, { date: '2026-03-03', reviewStatus: 'approved' });
  const c = outreachLog(me, { date: '2026-03-03' });
  const d = outreachLog(mate, { date: '2026-03-02', reviewStatus: 'returned' });
  const e = { ...validEntries['good-deed'], id: uuidv7(), memberId: me, teamId, date: '2026-03-02' };
  const f = outreachLog(uuidv7(), { date: '2026-03-04', teamId: otherTeam });
  await db.fieldLog.bulkPut([a, b, d, e, f]);
  await putRecord(db, 'fieldLog', c);
  return { db, a, b, c, d, e, f };
}

describe('listLogbookIds', () => {
  it('orders newest day first, newest created first within a day, per scope', async () => {
    const { db, a, b, c, d, e, f } = await device();
    expect(await listLogbookIds(db, { ...all, scope: { kind: 'member', memberId: me } })).toEqual([c.id, b.id, e.id, a.id]);
    expect(await listLogbookIds(db, { ...all, scope: { kind: 'team', teamId } })).toEqual([c.id, b.id, e.id, d.id, a.id]);
    expect(await listLogbookIds(db, all)).toEqual([f.id, c.id, b.id, e.id, d.id, a.id]);
  });

  it('filters by kind, days, review status and sync state', async () => {
    const { db, a, b, c, d, e } = await device();
    const team: LogbookFilter = { ...all, scope: { kind: 'team', teamId } };
    expect(await listLogbookIds(db, { ...team, kind: 'good-deed' })).toEqual([e.id]);
    expect(await listLogbookIds(db, { ...team, kind: 'outreach', fromDay: '2026-03-02', toDay: '2026-03-03' })).toEqual([c.id, b.id, d.id]);
    expect(await listLogbookIds(db, { ...team, reviewStatus: 'pending' })).toEqual([c.id, e.id, a.id]);
    expect(await listLogbookIds(db, { ...team, reviewStatus: 'returned' })).toEqual([d.id]);
    expect(await listLogbookIds(db, { ...team, syncState: 'pending' })).toEqual([c.id]);
    expect(await listLogbookIds(db, { ...team, syncState: 'sent', kind: 'outreach', reviewStatus: 'pending' })).toEqual([a.id]);
    expect(await listLogbookIds(db, { ...team, fromDay: '2026-03-05', toDay: '2026-03-01' })).toEqual([]);
  });
});
