// PGlite runs no autovacuum (one standalone backend): the server vacuums and analyzes it itself,
// at start and every night at 02:00 Vietnam time (src/server/db/maintenance.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { msUntilVietnamHour, runMaintenance, scheduleMaintenance } from '#src/server/db/maintenance.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const HOUR = 3_600_000;

forEachDatabase('database maintenance', (getDb) => {
  it('vacuum away the old versions of edited rows and give the planner statistics', async () => {
    const db = getDb();
    await db.exec(`CREATE TABLE maintenance_probe (id int PRIMARY KEY, note text);
      INSERT INTO maintenance_probe SELECT g, 'trước' FROM generate_series(1, 2000) g;
      UPDATE maintenance_probe SET note = 'sau';`);
    // Statistics reach the shared counters at the end of the next transaction.
    await db.query('SELECT pg_stat_force_next_flush()');
    const before = await db.query<{ dead: number }>(`SELECT n_dead_tup::int AS dead FROM pg_stat_user_tables WHERE relname = 'maintenance_probe'`);
    expect(before[0]!.dead).toBe(2000);

    expect(await runMaintenance(db)).toEqual({ ms: expect.any(Number) });
    const after = await db.query<{ dead: number; isVacuumed: boolean }>(
      `SELECT n_dead_tup::int AS dead, last_vacuum IS NOT NULL AS "isVacuumed" FROM pg_stat_user_tables WHERE relname = 'maintenance_probe'`,
    );
    expect(after).toEqual([{ dead: 0, isVacuumed: true }]);
    const analyzed = await db.query<{ attname: string }>(`SELECT attname FROM pg_stats WHERE tablename = 'maintenance_probe' ORDER BY attname`);
    expect(analyzed.map((row) => row.attname)).toEqual(['id', 'note']);
  });
}, { engines: ['pglite'] });

forEachDatabase('database maintenance', (getDb) => {
  it('leave PostgreSQL to its own autovacuum', async () => {
    expect(await runMaintenance(getDb())).toBeNull();
  });
}, { engines: ['postgres'] });

describe('nightly database maintenance', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('count the time to the next 02:00 in Vietnam (UTC+7)', () => {
    expect(msUntilVietnamHour(new Date('2026-12-01T05:00:00Z'))).toBe(14 * HOUR);
    expect(msUntilVietnamHour(new Date('2026-12-01T18:59:00Z'))).toBe(60_000);
    expect(msUntilVietnamHour(new Date('2026-12-01T19:00:00Z'))).toBe(24 * HOUR);
    expect(msUntilVietnamHour(new Date('2026-12-31T16:30:00Z'))).toBe(2.5 * HOUR);
  });

  it('run VACUUM at 02:00 every night on PGlite, report a failure and go on, and stop when told', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T12:00:00Z') });
    const exec = vi.fn<(sql: string) => Promise<void>>().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(undefined);
    const warnings: string[] = [];
    const schedule = scheduleMaintenance({ kind: 'pglite', exec }, (message) => warnings.push(message));

    await vi.advanceTimersByTimeAsync(7 * HOUR - 1);
    expect(exec).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(exec.mock.calls).toEqual([['VACUUM (ANALYZE)']]);
    expect(warnings).toEqual([expect.stringContaining('disk full')]);

    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(exec).toHaveBeenCalledTimes(2);
    expect(warnings).toHaveLength(1);

    schedule.stop();
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    expect(exec).toHaveBeenCalledTimes(2);
  });

  it('schedule nothing on PostgreSQL', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T12:00:00Z') });
    const exec = vi.fn<(sql: string) => Promise<void>>().mockResolvedValue(undefined);
    scheduleMaintenance({ kind: 'postgres', exec }, () => undefined);
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    expect(exec).not.toHaveBeenCalled();
  });
});
