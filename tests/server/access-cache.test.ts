/**
 * Each server keeps accounts' reach in memory (sync/access-cache.ts). Here two servers share one
 * database, as behind a load balancer: one has a member's reach cached, the other moves the
 * member to another team through the admin API, and the first must refuse the member's next
 * entry for the old team at once and hand out the new team's scopes. A change made straight in
 * the database (an operator's SQL) invalidates too: the epoch is bumped by triggers.
 */
import { expect, it } from 'vitest';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { demoId } from '#src/server/db/demo-households.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { hashScopes } from '#src/shared/sync/scopes.ts';
import { adminPaths, call, pathFor } from '../support/admin-fixtures.ts';
import { addTeamAp3Member, demoApp, login, outreachLog, pull, push, putMutation } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

forEachDatabase('access cache', (getDb) => {
  it('refuses a member moved to another team by another server at once, and serves the new team', async () => {
    const [serverA, serverB] = [await demoApp(getDb()), await demoApp(getDb())];
    const member = await login(serverA, 'tovien2');
    const police = await login(serverB, 'congan');
    const phone = uuidv7();
    const before = await pull(serverA, member, '', { clientId: phone });
    expect(before.scopes).toContain(`team:${DEMO_IDS.teamAp12}`);
    expect((await push(serverA, member, phone, [putMutation(1, 'fieldLog', outreachLog(member))])).body.rejected).toEqual([]);

    const moved = await call(serverB, police, 'POST', pathFor(adminPaths.accountMove, member.profile.user.id), { teamId: DEMO_IDS.teamAp3, position: 'member' });
    expect(moved.statusCode).toBe(200);

    const stale = await push(serverA, member, phone, [putMutation(2, 'fieldLog', outreachLog(member))]);
    expect(stale.body.rejected.map((r) => r.reason)).toEqual(['forbidden']);
    const after = await pull(serverA, member, '', { clientId: phone });
    expect(after.scopes).toContain(`team:${DEMO_IDS.teamAp3}`);
    expect(after.scopes).not.toContain(`team:${DEMO_IDS.teamAp12}`);
    const inAp3 = outreachLog(member, { teamId: DEMO_IDS.teamAp3, householdIds: [demoId(`household:${DEMO_IDS.hamlets[2]}:0`)] });
    expect((await push(serverA, member, phone, [putMutation(3, 'fieldLog', inAp3)])).body.rejected).toEqual([]);
    await Promise.all([serverA.close(), serverB.close()]);
  });

  it('sees a hamlet moved straight in the database on the next request', async () => {
    const app = await demoApp(getDb());
    const username = await addTeamAp3Member(getDb());
    const member = await login(app, username);
    const first = await pull(app, member, '');
    expect(first.scopes).not.toContain(`unit:${DEMO_IDS.hamlets[1]}`);

    await getDb().query('UPDATE team_hamlets SET team_id = $1 WHERE hamlet_id = $2', [DEMO_IDS.teamAp3, DEMO_IDS.hamlets[1]]);
    const next = await pull(app, member, '', { limit: 1 });
    expect(next.scopesHash).not.toBe(first.scopesHash);
    expect(next.scopes).toContain(`unit:${DEMO_IDS.hamlets[1]}`);
    expect(hashScopes(next.scopes!)).toBe(next.scopesHash);
    await getDb().query('UPDATE team_hamlets SET team_id = $1 WHERE hamlet_id = $2', [DEMO_IDS.teamAp12, DEMO_IDS.hamlets[1]]);
    await app.close();
  });
});
