import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_IDS, demoCampaignPlan } from '#src/server/db/demo-data.ts';
import { demoId } from '#src/server/db/demo-households.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { apiPaths, errorResponseSchema, PROTOCOL_VERSION, pullResponseSchema } from '#src/shared/sync/protocol.ts';
import {
  addTeamAp3Member,
  deleteMutation,
  demoApp,
  household,
  login,
  outreachLog,
  pull,
  pullAll,
  push,
  putMutation,
  type Session,
} from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const HOUSEHOLDS = { ap1: 184, ap2: 262, ap3: 347 };

forEachDatabase('sync pull', (getDb) => {
  let app: FastifyInstance;
  let member: Session;
  let leader: Session;
  let team3Member: Session;
  let police: Session;
  let province: Session;
  beforeAll(async () => {
    app = await demoApp(getDb());
    await addTeamAp3Member(getDb());
    [member, leader, team3Member, police, province] = await Promise.all([
      login(app, 'tovien'),
      login(app, 'totruong'),
      login(app, 'tovien3'),
      login(app, 'congan'),
      login(app, 'tinh'),
    ]);
  });

  const idsOf = (changes: { id: string }[]) => new Set(changes.map((c) => c.id));

  it('page through changes with hasMore and a cursor, ending at the newest change', async () => {
    const pages = [];
    let cursor = '';
    for (;;) {
      const page = pullResponseSchema.parse(await pull(app, member, cursor, { limit: 100 }));
      pages.push(page);
      if (page.hasMore) expect(page.changes).toHaveLength(100);
      // Cursors are opaque, but every page moves it on.
      expect(page.cursor).not.toBe(cursor);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const changes = pages.flatMap((page) => page.changes);
    expect(new Set(changes.map((c) => c.id)).size).toBe(changes.length);
    // Households of the team's two hamlets, and the province's campaign plan.
    expect(changes.filter((c) => c.collection === 'household')).toHaveLength(HOUSEHOLDS.ap1 + HOUSEHOLDS.ap2);
    expect(changes.filter((c) => c.collection === 'campaignPlan').map((c) => c.data?.name)).toEqual([demoCampaignPlan(new Date()).name]);
    expect(pages.length).toBe(Math.ceil(changes.length / 100));

    // Nothing more; the cursor itself may move on (other transactions, e.g. sessions, advance the feed).
    const again = await pull(app, member, cursor);
    expect(again).toMatchObject({ protocolVersion: 2, changes: [], hasMore: false });
  });

  it('refuse a cursor the server never handed out, and start a cursor of another database over', async () => {
    const answer = await app.inject({
      method: 'POST', url: apiPaths.pull, headers: member.headers,
      payload: { protocolVersion: PROTOCOL_VERSION, clientId: uuidv7(), cursor: 'not-a-cursor' },
    });
    expect(answer.statusCode).toBe(400);
    expect(errorResponseSchema.parse(answer.json()).error.fields?.map((field) => field.path)).toEqual(['cursor']);
    // Another cluster's feed (a restored database): everything again, as for a new device.
    const fresh = await pullAll(app, member);
    const foreign = await pullAll(app, member, '1.999999999999.5');
    expect(idsOf(foreign.changes)).toEqual(idsOf(fresh.changes));
  });

  it("keep each team's logs to that team, and show every team to the commune police and the province", async () => {
    const start = (await pullAll(app, police)).cursor;
    const team1Log = outreachLog(member);
    const team3Log = outreachLog(team3Member, { householdIds: [demoId(`household:${DEMO_IDS.hamlets[2]}:0`)] });
    expect((await push(app, member, uuidv7(), [putMutation(1, 'fieldLog', team1Log)])).body.rejected).toEqual([]);
    expect((await push(app, team3Member, uuidv7(), [putMutation(1, 'fieldLog', team3Log)])).body.rejected).toEqual([]);

    const seenBy = async (session: Session) => idsOf((await pullAll(app, session, start)).changes);
    expect(await seenBy(member)).toEqual(new Set([team1Log.id]));
    expect(await seenBy(leader)).toEqual(new Set([team1Log.id]));
    expect(await seenBy(team3Member)).toEqual(new Set([team3Log.id]));
    expect(await seenBy(police)).toEqual(new Set([team1Log.id, team3Log.id]));
    expect(await seenBy(province)).toEqual(new Set([team1Log.id, team3Log.id]));

    const all = await pullAll(app, team3Member);
    expect(all.changes.filter((c) => c.collection === 'household')).toHaveLength(HOUSEHOLDS.ap3);
    expect(all.changes.some((c) => c.id === team1Log.id)).toBe(false);
  });

  it('send deletes as tombstones to devices that already had the record', async () => {
    const log = outreachLog(member);
    const clientId = uuidv7();
    await push(app, member, clientId, [putMutation(1, 'fieldLog', log)]);
    const { cursor } = await pullAll(app, leader);
    await push(app, member, clientId, [deleteMutation(2, 'fieldLog', log.id)]);
    const after = await pullAll(app, leader, cursor);
    expect(after.changes).toEqual([{ collection: 'fieldLog', id: log.id, seq: expect.any(Number), deleted: true, data: null }]);
    expect(after.cursor).not.toBe(cursor);
  });

  it('merge the changes of several scopes in the order they were written, across small pages', async () => {
    const start = (await pullAll(app, police)).cursor;
    const written: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const team1 = outreachLog(member);
      const team3 = outreachLog(team3Member, { householdIds: [demoId(`household:${DEMO_IDS.hamlets[2]}:${round}`)] });
      const home = household(DEMO_IDS.hamlets[round % 2]!, { headName: `Hộ mới ${round}` });
      expect((await push(app, member, uuidv7(), [putMutation(1, 'fieldLog', team1)])).body.rejected).toEqual([]);
      expect((await push(app, team3Member, uuidv7(), [putMutation(1, 'fieldLog', team3)])).body.rejected).toEqual([]);
      expect((await push(app, leader, uuidv7(), [putMutation(1, 'household', home)])).body.rejected).toEqual([]);
      written.push(team1.id, team3.id, home.id);
    }
    const { changes } = await pullAll(app, police, start, 2);
    expect(changes.map((change) => change.id)).toEqual(written);
    const forTeam1 = await pullAll(app, member, start, 2);
    expect(forTeam1.changes.map((change) => change.id)).toEqual(written.filter((_, index) => index % 3 !== 1));
  });

  it('send a record as stored, but its id inside the data, every character as typed', async () => {
    const note = 'Nhà ông "Tư" \\ cổng sau\nđã nhắc\t✓ 🏠 \u2028 </script> 0.1 + 0.2';
    const log = outreachLog(member, { note });
    await push(app, member, uuidv7(), [putMutation(1, 'fieldLog', log)]);
    const { changes } = await pullAll(app, leader);
    const pulled = changes.find((change) => change.id === log.id);
    const [stored] = await getDb().query<{ data: Record<string, unknown> }>('SELECT data FROM records WHERE id = $1', [log.id]);
    const { id: _id, ...storedData } = stored!.data;
    expect(pulled).toEqual({ collection: 'fieldLog', id: log.id, seq: expect.any(Number), deleted: false, data: storedData });
    expect(pulled!.data).not.toHaveProperty('id');
    expect(pulled!.data!.note).toBe(note);
  });

  it('let leaders and police maintain households, and province and police publish plans, within their units', async () => {
    const start = (await pullAll(app, member)).cursor;
    const newHousehold = household(DEMO_IDS.hamlets[1], { headName: 'Huỳnh Thị Lụa' });
    const outside = household(DEMO_IDS.hamlets[2]);
    const byLeader = await push(app, leader, uuidv7(), [putMutation(1, 'household', newHousehold), putMutation(2, 'household', outside)]);
    expect(byLeader.body.rejected.map((r) => [r.seq, r.reason])).toEqual([[2, 'forbidden']]);
    const byPolice = await push(app, police, uuidv7(), [putMutation(1, 'household', outside)]);
    expect(byPolice.body.rejected).toEqual([]);

    const communePlan = { ...demoCampaignPlan(new Date()), id: uuidv7(), orgUnitId: DEMO_IDS.commune, name: 'Kế hoạch của xã' };
    const provincePlan = { ...demoCampaignPlan(new Date()), id: uuidv7(), name: 'Kế hoạch bổ sung của tỉnh' };
    const byPolicePlans = await push(app, police, uuidv7(), [putMutation(1, 'campaignPlan', communePlan), putMutation(2, 'campaignPlan', provincePlan)]);
    expect(byPolicePlans.body.rejected.map((r) => [r.seq, r.reason])).toEqual([[2, 'forbidden']]);
    expect((await push(app, province, uuidv7(), [putMutation(1, 'campaignPlan', provincePlan)])).body.rejected).toEqual([]);

    // Team Ấp 1–2's member receives its own hamlet's new household and both plans, not Ấp 3's household.
    expect(idsOf((await pullAll(app, member, start)).changes)).toEqual(new Set([newHousehold.id, communePlan.id, provincePlan.id]));
  });
});
