/**
 * Retention: a purge keeps the counts of expired entries per team, kind and month, then turns
 * them into tombstones devices receive, clears the previous values in their history, and leaves
 * younger entries and kinds without a retention alone.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { cutoffDay, parseRetentionPolicy, purgeExpiredEntries } from '#src/server/db/retention-repository.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { teamEntry } from '../support/entry-builders.ts';
import { demoApp, login, pullAll, push, putMutation, type Session } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

forEachDatabase('retention', (getDb) => {
  let app: FastifyInstance;
  let member: Session;
  beforeAll(async () => {
    app = await demoApp(getDb());
    member = await login(app, 'tovien');
  });

  it('keep counts per team, kind and month, then tombstone expired content everywhere', async () => {
    const userId = member.profile.user.id;
    const tipOn = (day: string) => teamEntry('tip', userId, { date: day, receivedAt: `${day}T01:00:00.000Z` });
    const oldTips = [tipOn('2024-08-02'), tipOn('2024-08-20')];
    const youngTip = tipOn('2026-03-02');
    const oldPatrol = teamEntry('outreach', userId, { date: '2024-08-02' });
    const clientId = uuidv7();
    const all = [...oldTips, youngTip, oldPatrol];
    const pushed = await push(app, member, clientId, all.map((entry, index) => putMutation(index + 1, 'fieldLog', entry)));
    expect(pushed.body.rejected).toEqual([]);
    const edited = await push(app, member, clientId, [putMutation(all.length + 1, 'fieldLog', { ...oldTips[0]!, note: 'bí mật' }, { changed: ['note'] })]);
    expect(edited.body.rejected).toEqual([]);
    const { cursor } = await pullAll(app, member);

    const results = await purgeExpiredEntries(getDb(), parseRetentionPolicy('tip=5'), new Date('2030-01-01T00:00:00Z'));
    expect(results).toEqual([{ kind: 'tip', before: '2025-01-01', purged: 2 }]);

    expect(await getDb().query('SELECT team_id::text AS "teamId", kind, month, count FROM retention_aggregates')).toEqual([
      { teamId: DEMO_IDS.teamAp12, kind: 'tip', month: '2024-08', count: 2 },
    ]);
    const rows = await getDb().query<{ id: string; deleted: boolean; data: unknown }>(
      'SELECT id::text, deleted, data FROM records WHERE id = ANY($1::uuid[]) ORDER BY id', [all.map((entry) => entry.id)],
    );
    expect(rows.filter((row) => row.deleted).map((row) => row.id).sort()).toEqual(oldTips.map((tip) => tip.id).sort());
    expect(rows.filter((row) => row.deleted).every((row) => row.data === null)).toBe(true);
    const leftovers = await getDb().query('SELECT 1 FROM record_changes WHERE id = ANY($1::uuid[]) AND previous IS NOT NULL', [oldTips.map((tip) => tip.id)]);
    expect(leftovers).toEqual([]);
    const later = await pullAll(app, member, cursor);
    expect(later.changes.filter((change) => change.deleted).map((change) => change.id).sort()).toEqual(oldTips.map((tip) => tip.id).sort());
  });

  it('read the retention setting and refuse a malformed one', () => {
    expect(parseRetentionPolicy('tip=5, reintegration-visit=10')).toEqual({ tip: 5, 'reintegration-visit': 10 });
    expect(parseRetentionPolicy(undefined)).toEqual({});
    expect(() => parseRetentionPolicy('tip=năm')).toThrow(/RETENTION_YEARS/);
    expect(cutoffDay(new Date('2026-01-01T18:00:00Z'), 5)).toBe('2021-01-02');
  });
});
