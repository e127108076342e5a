import { expect, it } from 'vitest';
import { countAccounts } from '#src/server/db/accounts-repository.ts';
import { DEMO_ACCOUNTS, DEMO_IDS, loadDemoData } from '#src/server/db/demo-data.ts';
import { demoHouseholds } from '#src/server/db/demo-households.ts';
import { campaignPlanSchema } from '#src/shared/domain/campaign-plan.ts';
import { householdSchema } from '#src/shared/domain/household.ts';
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

    // Numbered like pushed changes: one change number each, the counter at the last one.
    const numbers = await getDb().query<{ seq: number }>('SELECT seq FROM records ORDER BY seq');
    expect(numbers.map((n) => n.seq)).toEqual(Array.from({ length: 794 }, (_, i) => i + 1));
    expect(await getDb().query('SELECT value FROM change_counter')).toEqual([{ value: 794 }]);
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
