import { expect, it } from 'vitest';
import { countAccounts } from '#src/server/db/accounts-repository.ts';
import { DEMO_ACCOUNTS, DEMO_DUTY_PHONE, DEMO_IDS, loadDemoData } from '#src/server/db/demo-data.ts';
import { demoHouseholds } from '#src/server/db/demo-households.ts';
import { campaignPlanSchema } from '#src/shared/domain/campaign-plan.ts';
import { householdSchema } from '#src/shared/domain/household.ts';
import { orgUnitSchema } from '#src/shared/domain/org-unit.ts';
import { teamSchema } from '#src/shared/domain/team.ts';
import { storedRecords, tableCounts } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const VIETNAMESE_NAME = /^(Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Trương) \p{L}+ \p{L}+$/u;

forEachDatabase('demo data', (getDb) => {
  const now = new Date('2026-05-10T03:00:00Z');

  it('load the commune, hamlets, accounts, households and the plan once, as pullable records', async () => {
    expect(await loadDemoData(getDb(), now)).toBe(true);
    expect(await countAccounts(getDb())).toBe(DEMO_ACCOUNTS.length);

    const households = (await storedRecords(getDb(), 'household')).map((row) => householdSchema.parse(row.data));
    const perHamlet = DEMO_IDS.hamlets.map((id) => households.filter((h) => h.hamletId === id).length);
    expect(perHamlet).toEqual([184, 262, 347]);
    for (const h of households) expect(h.headName).toMatch(VIETNAMESE_NAME);
    expect(new Set(households.map((h) => h.headName)).size).toBeGreaterThan(300);
    expect(households.find((h) => h.hamletId === DEMO_IDS.hamlets[1])?.address).toMatch(/^Số \d+, Tổ 1, Ấp 2$/);
    expect(households.filter((h) => h.hamletId === DEMO_IDS.hamlets[2]).at(-1)?.address).toMatch(/, Tổ 9, Ấp 3$/);

    const [plan] = (await storedRecords(getDb(), 'campaignPlan')).map((row) => campaignPlanSchema.parse(row.data));
    expect(plan?.name).toBe('Kế hoạch phong trào Toàn dân bảo vệ ANTQ năm 2026');
    expect(plan?.phases.map((p) => [p.startDay, p.endDay])).toEqual([['2026-01-01', '2026-06-30'], ['2026-07-01', '2026-12-31']]);
    expect(plan?.indicators[0]).toMatchObject({ id: 'households-reached', metric: { type: 'household-outreach-share' }, target: { comparator: '>=', value: 80, unit: 'percent' }, level: 'commune', isAssignable: true });

    // The organisation as synced records: five units (the commune's duty phone set), two teams
    // with a leader, a deputy and members each.
    const units = (await storedRecords(getDb(), 'orgUnit')).map((row) => orgUnitSchema.parse(row.data));
    expect(units.map((u) => u.name).sort()).toEqual(['Tỉnh Đồng Nai', 'Xã Tân Lập', 'Ấp 1', 'Ấp 2', 'Ấp 3'].sort());
    expect(units.find((u) => u.id === DEMO_IDS.commune)?.settings).toEqual({ dutyPhone: DEMO_DUTY_PHONE, promptMinutes: 30 });
    const teams = (await storedRecords(getDb(), 'team')).map((row) => teamSchema.parse(row.data));
    const ap12 = teams.find((t) => t.id === DEMO_IDS.teamAp12);
    expect(ap12?.hamletIds).toEqual([...DEMO_IDS.hamlets.slice(0, 2)].sort());
    expect(ap12?.members.map((m) => [m.displayName, m.position])).toEqual([
      ['Trần Thị Bình', 'leader'], ['Hoàng Văn Đức', 'deputy'], ['Đỗ Thị Hoa', 'member'], ['Nguyễn Văn An', 'member'],
    ]);
    expect(teams.find((t) => t.id === DEMO_IDS.teamAp3)?.members.map((m) => m.position)).toEqual(['leader', 'deputy', 'member']);

    // Numbered like pushed changes: one change number each, all in the one loading transaction.
    const numbers = await getDb().query<{ seq: number }>('SELECT seq FROM records ORDER BY seq');
    expect(numbers.map((n) => n.seq)).toEqual(Array.from({ length: 801 }, (_, i) => i + 1));
    expect(await getDb().query('SELECT count(DISTINCT xid)::int AS writers FROM records')).toEqual([{ writers: 1 }]);
  });

  it('not load twice into a database that has accounts', async () => {
    const before = await tableCounts(getDb());
    expect(await loadDemoData(getDb(), now)).toBe(false);
    expect(await tableCounts(getDb())).toEqual(before);
    expect(await countAccounts(getDb())).toBe(DEMO_ACCOUNTS.length);
  });

  it('generate the same households from the same seed (every fresh database is identical)', async () => {
    const hamlet = { id: DEMO_IDS.hamlets[0], name: 'Ấp 1' };
    const first = demoHouseholds(hamlet, 184, 2026, now.toISOString());
    expect(demoHouseholds(hamlet, 184, 2026, now.toISOString())).toEqual(first);
    expect(demoHouseholds(hamlet, 184, 99, now.toISOString()).map((h) => h.headName)).not.toEqual(first.map((h) => h.headName));
    const stored = (await storedRecords(getDb(), 'household')).filter((row) => row.data?.hamletId === hamlet.id).map((row) => row.data);
    expect(stored).toEqual(first);
  });
});
