// Values entered by hand (manualValue) and teams' own targets (targetAssignment) travel through
// sync like any record: commune police and province staff write them for the units and teams
// they supervise, nobody else does, and each team's phones receive their own.
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { ManualValue } from '#src/shared/domain/manual-value.ts';
import type { TargetAssignment } from '#src/shared/domain/target-assignment.ts';
import { addTeamAp3Member, demoApp, login, pullAll, push, putMutation, storedRecords, type Session } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

function value(by: Session, overrides: Partial<ManualValue> = {}): ManualValue {
  return {
    id: uuidv7(), orgUnitId: DEMO_IDS.commune, teamId: null, key: 'tips-received-by-police', startDay: '2025-03-01', endDay: '2025-03-31',
    value: 12, note: '', enteredBy: by.profile.user.id, updatedAt: new Date().toISOString(), ...overrides,
  };
}

function assignment(by: Session, overrides: Partial<TargetAssignment> = {}): TargetAssignment {
  return {
    id: uuidv7(), planId: uuidv7(), indicatorId: 'households-reached', teamId: DEMO_IDS.teamAp12, orgUnitId: DEMO_IDS.commune,
    periodKey: null, value: 85, note: 'Tổ có nhiều hộ mới', assignedBy: by.profile.user.id, updatedAt: new Date().toISOString(), ...overrides,
  };
}

const reasons = (body: { rejected: { seq: number; reason: string }[] }) => body.rejected.map((r) => [r.seq, r.reason]);

forEachDatabase('entered values and team targets', (getDb) => {
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
      login(app, 'tovien'), login(app, 'totruong'), login(app, 'tovien3'), login(app, 'congan'), login(app, 'tinh'),
    ]);
  });

  it('let commune police and province staff enter values for their units and teams, and nobody else', async () => {
    const forCommune = value(police);
    const forTeam = value(police, { teamId: DEMO_IDS.teamAp12, key: 'members-commended', value: 1 });
    const forHamlet = value(police, { orgUnitId: DEMO_IDS.hamlets[0] });
    const elsewhere = value(police, { orgUnitId: uuidv7() });
    const byPolice = await push(app, police, uuidv7(), [forCommune, forTeam, forHamlet, elsewhere].map((v, i) => putMutation(i + 1, 'manualValue', v)));
    expect(reasons(byPolice.body)).toEqual([[4, 'forbidden']]);
    expect((await push(app, province, uuidv7(), [putMutation(1, 'manualValue', value(province, { key: 'units-total' }))])).body.rejected).toEqual([]);
    const byLeader = await push(app, leader, uuidv7(), [putMutation(1, 'manualValue', value(leader, { teamId: DEMO_IDS.teamAp12 }))]);
    const byMember = await push(app, member, uuidv7(), [putMutation(1, 'manualValue', value(member))]);
    expect([reasons(byLeader.body), reasons(byMember.body)]).toEqual([[[1, 'forbidden']], [[1, 'forbidden']]]);
    const stored = await storedRecords(getDb(), 'manualValue');
    expect(stored.map((row) => row.id).sort()).toEqual(expect.arrayContaining([forCommune.id, forTeam.id, forHamlet.id].sort()));
    expect(stored.map((row) => row.id)).not.toContain(elsewhere.id);
  });

  it('refuse an entered value that fails the schema, with its reason', async () => {
    const { body } = await push(app, police, uuidv7(), [putMutation(1, 'manualValue', value(police, { endDay: '2025-02-01', value: -3 }))]);
    expect(reasons(body)).toEqual([[1, 'invalid-record']]);
  });

  it('let commune police give a team its own target, which only that team\'s phones receive', async () => {
    const start = (await pullAll(app, member)).cursor;
    const start3 = (await pullAll(app, team3Member)).cursor;
    const target = assignment(police);
    expect((await push(app, police, uuidv7(), [putMutation(1, 'targetAssignment', target)])).body.rejected).toEqual([]);
    expect(reasons((await push(app, leader, uuidv7(), [putMutation(1, 'targetAssignment', assignment(leader))])).body)).toEqual([[1, 'forbidden']]);
    expect(reasons((await push(app, police, uuidv7(), [putMutation(1, 'targetAssignment', assignment(police, { teamId: uuidv7() }))])).body)).toEqual([[1, 'forbidden']]);

    const pulled = (await pullAll(app, member, start)).changes.filter((change) => change.collection === 'targetAssignment');
    expect(pulled).toMatchObject([{ id: target.id, data: { value: 85, teamId: DEMO_IDS.teamAp12 } }]);
    expect((await pullAll(app, team3Member, start3)).changes.filter((change) => change.collection === 'targetAssignment')).toEqual([]);
  });
});
