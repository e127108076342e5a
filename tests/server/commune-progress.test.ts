// A province's per-commune progress, aggregated by SQL over the records (jsonb) and judged by the
// shared engine, against the engine run on the same entries (every commune-level indicator of
// every seed template) and against values worked out by hand; then the route: who may ask,
// and what a bad request gets.
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '#src/server/db/database.ts';
import { DEMO_IDS, demoCampaignPlan } from '#src/server/db/demo-data.ts';
import { writeServerRecords, type NewVersion } from '#src/server/db/sync-repository.ts';
import { computeCommuneProgress } from '#src/server/progress/commune-progress.ts';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { metricInfo } from '#src/shared/domain/plan-metric.ts';
import { communeProgressResponseSchema, progressPaths, type CommuneProgressResponse } from '#src/shared/domain/progress-api.ts';
import { computeIndicator } from '#src/shared/progress/plan-progress.ts';
import type { ProgressEntry } from '#src/shared/progress/progress-input.ts';
import { ProgressState } from '#src/shared/progress/progress-state.ts';
import { generatedCommune, monthOfWork, planFrom, type GeneratedCommune } from '../support/progress-fixtures.ts';
import { demoApp, login, outreachLog, pull, push, putMutation } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const version = (collection: string, id: string, scope: string, data: Record<string, unknown>): NewVersion =>
  ({ collection, id, scope, deleted: false, data: { ...data, id }, originClient: null });

/** The generated province in the database: units, teams, active members, households, entries, values. */
async function store(db: Database, c: GeneratedCommune, entries: readonly ProgressEntry[], values: ReturnType<typeof monthOfWork>['values']): Promise<void> {
  for (const unit of c.org.units) {
    await db.query('INSERT INTO org_units (id, parent_id, kind, name) VALUES ($1, $2, $3, $4)', [unit.id, unit.parentId, unit.kind, `Đơn vị ${unit.id.slice(-4)}`]);
  }
  for (const team of c.org.teams) {
    await db.query('INSERT INTO teams (id, commune_id, name) VALUES ($1, $2, $3)', [team.id, team.communeId, `Tổ ${team.id.slice(-4)}`]);
    for (const memberId of team.memberIds) {
      await db.query(
        `INSERT INTO users (id, username, display_name, role, team_id, org_unit_id, password_hash, position)
         VALUES ($1, $2, $3, 'member', $4, $5, 'not-a-hash', 'member')`,
        [memberId, `m${memberId.slice(-6)}`, `Tổ viên ${memberId.slice(-4)}`, team.id, team.communeId],
      );
    }
  }
  const teamScope = (e: ProgressEntry) => (e.kind === 'tip' || e.kind === 'reintegration-visit' ? `restricted:${e.teamId}:${e.memberId}` : `team:${e.teamId}`);
  await db.transaction((tx) => writeServerRecords(tx, [
    ...c.org.households.map((h) => version('household', h.id, `unit:${h.hamletId}`, { hamletId: h.hamletId, mergedIntoId: h.mergedIntoId ?? null, headName: 'Hộ' })),
    ...entries.map((e) => version('fieldLog', e.id, teamScope(e), { ...e })),
    ...values.map((v) => version('manualValue', v.id, v.teamId ? `team:${v.teamId}` : `unit:${v.orgUnitId}`, { ...v })),
  ], { userId: null, now: new Date() }));
}

const line = (response: CommuneProgressResponse, communeName: (id: string) => string) => response.indicators.flatMap((indicator) =>
  indicator.results.map((r) => `${indicator.indicatorId}@${communeName(r.communeId)} ${r.numerator}/${r.denominator ?? '-'} ${r.status}`));

forEachDatabase('progress of a province\'s communes, aggregated in SQL', (getDb) => {
  const c = generatedCommune();
  const work = monthOfWork(c, '2025-03', '2025-02-03');
  const communes = [{ id: c.unit.commune, name: 'C' }, { id: c.unit.commune2, name: 'C2' }];
  const nameOf = (id: string) => communes.find((commune) => commune.id === id)!.name;
  beforeAll(async () => {
    await store(getDb(), c, work.entries, work.values);
  });

  const run = (plan: CampaignPlan, asOfDay: string, periodKey?: string) => computeCommuneProgress(getDb(), {
    plan, communes, units: c.org.units, manualValues: work.values, asOfDay, periodKey, now: new Date(),
  });

  it('match values worked out by hand (seed 001, March 2025; seed 000, March)', async () => {
    expect(line(await run(planFrom('001-dak-nong-2024'), '2025-03-31'), nameOf)).toEqual(expect.arrayContaining([
      // 3 tips passed in C (T9's is C2's) of the 5 commune police received.
      'tips-forwarded@C 3/5 at-risk',
      // C2 entered no total of tips received.
      'tips-forwarded@C2 1/0 no-data',
      // Nguyễn Văn Tái seen re-offending twice, once written without diacritics: one person.
      'no-reoffence@C 1/- missed',
      'no-serious-traffic-accidents@C 1/- missed',
    ]));
    // Good deeds of March in the whole commune: T1's one, plus the member T1 had commended is a
    // team's value (not the commune's): 1.
    const month = await run(planFrom('001-dak-nong-2024'), '2025-03-31', 'month:2025-03');
    expect(line(month, nameOf)).toEqual(expect.arrayContaining(['monthly-good-deed@C 1/- met']));
  });

  it('count households reached once each, duplicates merged, in the commune of the household', async () => {
    const plan = planFrom('000-binh-phuoc-2023');
    const shifted = { ...plan, startDay: '2025-01-01', endDay: '2025-12-31', phases: [{ ...plan.phases[0]!, startDay: '2025-01-01', endDay: '2025-12-31' }] };
    const result = await run(shifted, '2025-03-31');
    // Over the year: T1 9 in March + 4 on 03/02, T2 16 (its returned entry does not count), of
    // 40 (the 2 duplicates count as the households they were merged into); C2 reached its 5.
    expect(line(result, nameOf)).toEqual(expect.arrayContaining(['households-reached@C 29/40 on-track', 'households-reached@C2 5/5 met']));
  });

  it('agree with the engine run on the same entries, for every commune-level indicator of every template', async () => {
    const cases = [
      ['001-dak-nong-2024', '2025-03-31'], ['000-binh-phuoc-2023', '2023-03-31'], ['002-dong-nai-2023', '2023-03-31'], ['004-so-gddt-binh-phuoc-2022', '2022-12-31'],
    ] as const;
    const state = ProgressState.build(c.org, work.entries, work.values);
    for (const [templateId, day] of cases) {
      const plan = planFrom(templateId);
      const fromSql = await run(plan, day);
      const fromEngine = plan.indicators.filter((i) => metricInfo[i.metric.type].levels.includes('commune')).flatMap((indicator) => communes.map((commune) => {
        const r = computeIndicator(state, { plan, indicator, scope: { level: 'commune', id: commune.id }, asOfDay: day })!;
        return `${indicator.id}@${commune.name} ${r.numerator}/${r.denominator ?? '-'} ${r.status}`;
      }));
      expect(line(fromSql, nameOf), templateId).toEqual(fromEngine);
    }
  });
});

forEachDatabase('GET /api/progress/communes and /member-sync', (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await demoApp(getDb());
  });
  const plan = () => demoCampaignPlan(new Date());
  const get = (token: string, url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it('give province staff every commune, with the outreach pushed by the teams counted', async () => {
    const member = await login(app, 'tovien');
    const households = (await getDb().query<{ id: string }>(
      "SELECT id::text FROM records WHERE collection = 'household' AND scope = $1 ORDER BY id LIMIT 3", [`unit:${DEMO_IDS.hamlets[0]}`],
    )).map((row) => row.id);
    const today = dayInVietnam();
    await push(app, member, crypto.randomUUID(), [putMutation(1, 'fieldLog', outreachLog(member, { householdIds: households, date: today }))]);
    const province = await login(app, 'tinh');
    const answer = await get(province.token, `${progressPaths.communes}?planId=${plan().planId}`);
    expect(answer.statusCode).toBe(200);
    const body = communeProgressResponseSchema.parse(answer.json());
    expect(body.communes.map((commune) => commune.id)).toEqual([DEMO_IDS.commune]);
    const reached = body.indicators.find((i) => i.indicatorId === 'households-reached')!.results[0]!;
    // Ấp 1, 2 and 3 have 184 + 262 + 347 households.
    expect(reached).toMatchObject({ communeId: DEMO_IDS.commune, numerator: 3, denominator: 793 });
  });

  it('refuse members and leaders, an unknown plan, and a malformed query, with Vietnamese words', async () => {
    const [member, leader, police] = await Promise.all([login(app, 'tovien'), login(app, 'totruong'), login(app, 'congan')]);
    expect((await get(member.token, `${progressPaths.communes}?planId=${plan().planId}`)).statusCode).toBe(403);
    expect((await get(leader.token, `${progressPaths.communes}?planId=${plan().planId}`)).statusCode).toBe(403);
    expect((await get(police.token, `${progressPaths.communes}?planId=${plan().planId}`)).statusCode).toBe(200);
    const unknown = await get(police.token, `${progressPaths.communes}?planId=${crypto.randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    const malformed = await get(police.token, `${progressPaths.communes}?planId=abc`);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { reason: 'invalid-request', fields: [{ path: 'planId' }] } });
  });

  it('tell a leader when each member of the team last finished a sync, and nobody else\'s', async () => {
    const [member, leader] = await Promise.all([login(app, 'tovien'), login(app, 'totruong')]);
    const before = await get(leader.token, progressPaths.memberSync);
    expect(before.statusCode).toBe(200);
    expect((await pull(app, member, '')).hasMore).toBe(false);
    const after = (await get(leader.token, progressPaths.memberSync)).json() as { members: Array<{ userId: string; teamId: string; lastSyncAt: string | null }> };
    expect(after.members.every((m) => m.teamId === DEMO_IDS.teamAp12)).toBe(true);
    expect(after.members.find((m) => m.userId === member.profile.user.id)?.lastSyncAt).toEqual(expect.any(String));
    expect((await get(leader.token, `${progressPaths.memberSync}?teamId=${DEMO_IDS.teamAp3}`)).statusCode).toBe(403);
    expect((await get(member.token, progressPaths.memberSync)).statusCode).toBe(403);
  });
});
