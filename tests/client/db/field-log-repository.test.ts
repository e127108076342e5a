// A team's entries on the device, read through the [teamId+date] index: the review queue keeps
// only pending and resubmitted entries and stops reading once its page is full; team activity
// counts a period and finds the newest entry without reading the team's rows.
import { describe, expect, it } from 'vitest';
import { listLogsAwaitingReview, listTeamLogs, readTeamActivity } from '#src/client/db/field-log-repository.ts';
import { freshDb, otherTeamId, outreachLog, teamId } from '../features/test-kit.tsx';
import { uuidv7 } from '#src/shared/domain/ids.ts';

const author = uuidv7();

function day(index: number): string {
  const date = new Date(Date.UTC(2025, 0, 1 + index));
  return date.toISOString().slice(0, 10);
}

describe('team entries on the device', () => {
  it('pages a team\'s entries newest day first, leaving other teams out', async () => {
    const db = freshDb();
    await db.fieldLog.bulkPut([
      outreachLog(author, { date: day(1) }),
      outreachLog(author, { date: day(3) }),
      outreachLog(author, { date: day(2), teamId: otherTeamId }),
      outreachLog(author, { date: day(2) }),
    ]);
    const page = await listTeamLogs(db, teamId, 2);
    expect(page.logs.map((log) => log.date)).toEqual([day(3), day(2)]);
    expect(page.hasMore).toBe(true);
    expect((await listTeamLogs(db, otherTeamId, 5)).logs).toHaveLength(1);
  });

  it('lists entries waiting for review, and reads only the recent rows it needs', async () => {
    const db = freshDb();
    // Two years of reviewed entries, then recent ones waiting.
    await db.fieldLog.bulkPut(Array.from({ length: 700 }, (_, i) => outreachLog(author, { date: day(i), reviewStatus: i % 2 ? 'approved' : 'returned' })));
    await db.fieldLog.bulkPut([
      outreachLog(author, { date: day(700), reviewStatus: 'pending' }),
      outreachLog(author, { date: day(701), reviewStatus: 'approved' }),
      outreachLog(author, { date: day(702), reviewStatus: 'resubmitted' }),
      outreachLog(author, { date: day(703), reviewStatus: 'pending', teamId: otherTeamId }),
    ]);
    let rowsRead = 0;
    db.fieldLog.hook('reading', (row) => {
      rowsRead += 1;
      return row;
    });
    const page = await listLogsAwaitingReview(db, teamId, 1);
    expect(page.logs.map((log) => [log.date, log.reviewStatus])).toEqual([[day(702), 'resubmitted']]);
    expect(page.hasMore).toBe(true);
    expect(rowsRead).toBeLessThanOrEqual(3);

    const all = await listLogsAwaitingReview(db, teamId, 10);
    expect(all.logs.map((log) => log.reviewStatus)).toEqual(['resubmitted', 'pending']);
    expect(all.hasMore).toBe(false);
  });

  it('gives each team its newest entry and its count in a period, reading one row per team', async () => {
    const db = freshDb();
    const newest = outreachLog(author, { date: '2026-03-20' });
    await db.fieldLog.bulkPut([
      outreachLog(author, { date: '2026-02-28' }),
      outreachLog(author, { date: '2026-03-01' }),
      outreachLog(author, { date: '2026-03-10' }),
      newest,
    ]);
    const silentTeam = uuidv7();
    let rowsRead = 0;
    db.fieldLog.hook('reading', (row) => {
      rowsRead += 1;
      return row;
    });
    const activity = await readTeamActivity(db, [teamId, silentTeam], '2026-03-01', '2026-03-15');
    expect(activity).toEqual([
      { teamId, latest: expect.objectContaining({ id: newest.id }), countInPeriod: 2 },
      { teamId: silentTeam, latest: null, countInPeriod: 0 },
    ]);
    expect(rowsRead).toBe(1);
  });
});
