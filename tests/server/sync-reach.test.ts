/**
 * What each device pulls: not its own writes back (no echo, unless the server changed them);
 * when the user's reach changes (a hamlet or a member moved to another team), the new scopes and
 * a backfill of the gained ones' earlier records; records that leave a scope reach that scope's
 * devices as tombstones; a backfill never widens a user's reach.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { demoId } from '#src/server/db/demo-households.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { apiPaths, PROTOCOL_VERSION, pullResponseSchema, type PullResponse } from '#src/shared/sync/protocol.ts';
import { hashScopes } from '#src/shared/sync/scopes.ts';
import {
  addTeamAp3Member,
  demoApp,
  household,
  login,
  outreachLog,
  pullAll,
  push,
  putMutation,
  versionOf,
  type Session,
} from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const [AP1, AP2, AP3] = DEMO_IDS.hamlets;

async function pullAs(app: FastifyInstance, session: Session, body: Record<string, unknown>): Promise<PullResponse> {
  const response = await app.inject({
    method: 'POST', url: apiPaths.pull, headers: session.headers,
    payload: { protocolVersion: PROTOCOL_VERSION, clientId: uuidv7(), cursor: '', ...body },
  });
  expect(response.statusCode).toBe(200);
  return pullResponseSchema.parse(response.json());
}

forEachDatabase('sync reach', (getDb) => {
  let app: FastifyInstance;
  let member: Session;
  let leader: Session;
  let team3Member: Session;
  let police: Session;
  beforeAll(async () => {
    app = await demoApp(getDb());
    await addTeamAp3Member(getDb());
    [member, leader, team3Member, police] = await Promise.all([login(app, 'tovien'), login(app, 'totruong'), login(app, 'tovien3'), login(app, 'congan')]);
  });
  beforeEach(async () => {
    // Every test starts from the demo organisation.
    await getDb().query('UPDATE team_hamlets SET team_id = $1 WHERE hamlet_id = ANY($2::uuid[])', [DEMO_IDS.teamAp12, [AP1, AP2]]);
    await getDb().query('UPDATE users SET team_id = $1 WHERE username = $2', [DEMO_IDS.teamAp12, 'tovien']);
  });

  it('does not send a device back what it pushed, but does when the server changed it', async () => {
    const phone = uuidv7();
    const { cursor } = await pullAll(app, member);
    const log = outreachLog(member);
    await push(app, member, phone, [putMutation(1, 'fieldLog', log)]);
    const mine = await pullAs(app, member, { clientId: phone, cursor });
    expect(mine.changes).toEqual([]);
    expect(mine.cursor).not.toBe(cursor);
    expect((await pullAs(app, member, { cursor })).changes.map((c) => c.id)).toEqual([log.id]);

    // The leader's approval is stamped by the server (reviewedBy, reviewedAt): its phone pulls it back.
    const leaderPhone = uuidv7();
    const { cursor: leaderCursor } = await pullAll(app, leader);
    const approval = await push(app, leader, leaderPhone, [
      putMutation(1, 'fieldLog', { ...log, reviewStatus: 'approved' }, { base: await versionOf(getDb(), log.id), changed: ['reviewStatus'] }),
    ]);
    expect(approval.body.written).toMatchObject([{ seq: 1, isChanged: true }]);
    const back = await pullAs(app, leader, { clientId: leaderPhone, cursor: leaderCursor });
    expect(back.changes).toMatchObject([{ id: log.id, data: { reviewStatus: 'approved', reviewedBy: leader.profile.user.id } }]);
  });

  it('tells a device its new scopes when a hamlet moves to another team, and backfills the gained one', async () => {
    const before = await pullAs(app, team3Member, {});
    const held = before.scopes!;
    expect(held).not.toContain(`unit:${AP2}`);
    const { cursor } = await pullAll(app, team3Member);
    const unchanged = await pullAs(app, team3Member, { cursor, scopesHash: hashScopes(held) });
    expect(unchanged.scopes).toBeUndefined();

    await getDb().query('UPDATE team_hamlets SET team_id = $1 WHERE hamlet_id = $2', [DEMO_IDS.teamAp3, AP2]);
    const after = await pullAs(app, team3Member, { cursor, scopesHash: hashScopes(held) });
    expect(after.scopes).toContain(`unit:${AP2}`);
    expect(after.scopesHash).toBe(hashScopes(after.scopes!));
    const backfill = await pullAs(app, team3Member, { cursor: '', limit: 1000, scopesHash: after.scopesHash, backfill: { scopes: [`unit:${AP2}`], until: cursor } });
    expect(backfill.changes.filter((c) => c.collection === 'household')).toHaveLength(262);
    expect(backfill.hasMore).toBe(false);
    expect(backfill.cursor).toBe(cursor);

    const memberAfter = await pullAs(app, member, { cursor, scopesHash: hashScopes(held) });
    expect(memberAfter.scopes).not.toContain(`unit:${AP2}`);
    // The log that named an Ấp 2 household can no longer be written by team Ấp 1–2.
    const refused = await push(app, member, uuidv7(), [putMutation(1, 'fieldLog', outreachLog(member, { householdIds: [demoId(`household:${AP2}:0`)] }))]);
    expect(refused.body.rejected).toMatchObject([{ reason: 'bad-reference' }]);
  });

  it('moves a member to another team: the old team drops out of reach and the new one is backfilled', async () => {
    const teamLog = outreachLog(team3Member, { householdIds: [demoId(`household:${AP3}:0`)] });
    await push(app, team3Member, uuidv7(), [putMutation(1, 'fieldLog', teamLog)]);
    const first = await pullAs(app, member, {});
    const { cursor } = await pullAll(app, member);
    await getDb().query('UPDATE users SET team_id = $1 WHERE username = $2', [DEMO_IDS.teamAp3, 'tovien']);

    const moved = await pullAs(app, member, { cursor, scopesHash: hashScopes(first.scopes!) });
    expect(moved.scopes).toEqual(expect.arrayContaining([`team:${DEMO_IDS.teamAp3}`, `unit:${AP3}`]));
    expect(moved.scopes).not.toContain(`team:${DEMO_IDS.teamAp12}`);
    const backfill = await pullAs(app, member, { cursor: '', scopesHash: moved.scopesHash, backfill: { scopes: [`team:${DEMO_IDS.teamAp3}`], until: cursor } });
    expect(backfill.changes.map((c) => c.id)).toContain(teamLog.id);
  });

  it('sends a tombstone to the old hamlet when a household moves, and the record to the new one', async () => {
    const moving = household(AP1, { headName: 'Trương Văn Dời' });
    await push(app, police, uuidv7(), [putMutation(1, 'household', moving)]);
    const memberStart = (await pullAll(app, member)).cursor;
    const team3Start = (await pullAll(app, team3Member)).cursor;
    const move = await push(app, police, uuidv7(), [
      putMutation(1, 'household', { ...moving, hamletId: AP3 }, { base: await versionOf(getDb(), moving.id), changed: ['hamletId'] }),
    ]);
    expect(move.body.rejected).toEqual([]);
    expect((await pullAll(app, member, memberStart)).changes).toEqual([
      { collection: 'household', id: moving.id, seq: expect.any(Number), deleted: true, data: null },
    ]);
    expect((await pullAll(app, team3Member, team3Start)).changes).toMatchObject([{ id: moving.id, deleted: false, data: { hamletId: AP3 } }]);
    // Police read both hamlets: they receive the record, not a tombstone.
    const policeChanges = (await pullAll(app, police, memberStart)).changes.filter((c) => c.id === moving.id);
    expect(policeChanges).toMatchObject([{ deleted: false, data: { hamletId: AP3 } }]);
  });

  it('never backfills a scope the user does not hold', async () => {
    const { cursor } = await pullAll(app, member);
    const sneaky = await pullAs(app, member, { cursor: '', backfill: { scopes: [`unit:${AP3}`, `team:${DEMO_IDS.teamAp3}`], until: cursor } });
    expect(sneaky.changes).toEqual([]);
  });
});
