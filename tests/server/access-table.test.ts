/**
 * Who reads and who writes what, as a table: every role (member, leader, commune police, province
 * admin, and a member of another team) against every record kind (each sync collection, and each
 * kind of field log in the schema), read (pull) and write (push), one test per cell. The tables
 * below are the access rules of src/server/sync/access.ts and write-rules.ts written out as
 * data; a collection or entry kind without rows fails the guard test at the end, so a new kind
 * cannot arrive unjudged. Restricted kinds (tips, reintegration visits) are read by their
 * author, the team's leader and commune police only.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, demoCampaignPlan } from '#src/server/db/demo-data.ts';
import { demoId } from '#src/server/db/demo-households.ts';
import { writeServerRecords } from '#src/server/db/sync-repository.ts';
import type { Database } from '#src/server/db/database.ts';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import type { Conflict } from '#src/shared/domain/conflict.ts';
import { fieldLogKinds, fieldLogSchema, isRestrictedKind, type FieldLogKind } from '#src/shared/domain/field-log.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { collectionNames } from '#src/shared/sync/collections.ts';
import type { Mutation, RejectReason, ServerRecord } from '#src/shared/sync/protocol.ts';
import { demoApp, household, login, outreachLog, pullAll, push, putMutation, versionOf, type Session } from '../support/server-fixtures.ts';
import { planOf } from '../support/plan-fixtures.ts';
import { checklistTemplate, manualValue, targetAssignment, teamEntry } from '../support/entry-builders.ts';
import { forEachDatabase } from '../support/test-databases.ts';

type Role = 'member' | 'leader' | 'commune police' | 'province admin' | 'member of another team';
const roles: Role[] = ['member', 'leader', 'commune police', 'province admin', 'member of another team'];
const usernames: Record<Role, string> = {
  member: 'tovien', leader: 'totruong', 'commune police': 'congan', 'province admin': 'tinh', 'member of another team': 'tovien5',
};
const [AP1, , AP3] = DEMO_IDS.hamlets;

/** What the test set up and may refer to. */
interface World {
  db: Database;
  app: FastifyInstance;
  sessions: Record<Role, Session>;
  /** An outreach entry of tovien2 in team Ấp 1–2, an Ấp 1 plan, a team Ấp 1–2 conflict, the leader's close of a month of team Ấp 1–2. */
  ids: { entry: string; hamletPlan: string; conflict: string; monthClose: string };
  /** One entry of each kind by tovien2 (team Ấp 1–2), a tip by tovien, and records police and province wrote. */
  more: { byKind: Record<string, string>; ownTip: string; template: string; communeValue: string; teamValue: string; teamTarget: string; commendation: string };
}

// ---- Read: does a pull of the role bring the record? -------------------------------------------

interface ReadRow {
  target: string;
  collection: string;
  /** fieldLog rows: the entry kind. */
  kind?: string;
  id: (world: World) => string;
  reads: Record<Role, boolean>;
}

const all = (value: boolean, except: Partial<Record<Role, boolean>> = {}): Record<Role, boolean> =>
  Object.fromEntries(roles.map((role) => [role, except[role] ?? value])) as Record<Role, boolean>;

const readTable: ReadRow[] = [
  { target: 'a household of Ấp 1', collection: 'household', id: () => demoId(`household:${AP1}:0`), reads: all(true, { 'member of another team': false }) },
  { target: 'a household of Ấp 3', collection: 'household', id: () => demoId(`household:${AP3}:0`), reads: all(true, { member: false, leader: false }) },
  { target: 'an outreach entry of team Ấp 1–2', collection: 'fieldLog', kind: 'outreach', id: (w) => w.ids.entry, reads: all(true, { 'member of another team': false }) },
  { target: 'the campaign plan of the province', collection: 'campaignPlan', id: () => demoCampaignPlan(new Date()).id, reads: all(true) },
  { target: 'a campaign plan of Ấp 1', collection: 'campaignPlan', id: (w) => w.ids.hamletPlan, reads: all(true, { 'member of another team': false }) },
  { target: 'a conflict of team Ấp 1–2', collection: 'conflict', id: (w) => w.ids.conflict, reads: all(true, { 'member of another team': false }) },
  { target: 'the commune (orgUnit)', collection: 'orgUnit', id: () => DEMO_IDS.commune, reads: all(true) },
  { target: 'hamlet Ấp 1 (orgUnit)', collection: 'orgUnit', id: () => AP1, reads: all(true, { 'member of another team': false }) },
  { target: 'team Ấp 1–2 (team)', collection: 'team', id: () => DEMO_IDS.teamAp12, reads: all(true, { 'member of another team': false }) },
  { target: 'team Ấp 3 (team)', collection: 'team', id: () => DEMO_IDS.teamAp3, reads: all(true, { member: false, leader: false }) },
  ...fieldLogKinds.map((kind): ReadRow => ({
    target: `a ${kind} entry of another member of team Ấp 1–2`, collection: 'fieldLog', kind, id: (w) => w.more.byKind[kind]!,
    // Tips and reintegration visits: the author, the team's leader and commune police only.
    reads: isRestrictedKind(kind)
      ? { member: false, leader: true, 'commune police': true, 'province admin': false, 'member of another team': false }
      : all(true, { 'member of another team': false }),
  })),
  {
    target: 'its own tip', collection: 'fieldLog', kind: 'tip', id: (w) => w.more.ownTip,
    reads: { member: true, leader: true, 'commune police': true, 'province admin': false, 'member of another team': false },
  },
  { target: "the commune's checklist template", collection: 'checklistTemplate', id: (w) => w.more.template, reads: all(true) },
  { target: "a value entered for the commune", collection: 'manualValue', id: (w) => w.more.communeValue, reads: all(true) },
  { target: 'a value entered for team Ấp 1–2', collection: 'manualValue', id: (w) => w.more.teamValue, reads: all(true, { 'member of another team': false }) },
  { target: 'a target assigned to team Ấp 1–2', collection: 'targetAssignment', id: (w) => w.more.teamTarget, reads: all(true, { 'member of another team': false }) },
  { target: "the commune's commendation list", collection: 'commendation', id: (w) => w.more.commendation, reads: all(true) },
  { target: 'the close of a month of team Ấp 1–2 (monthClose)', collection: 'monthClose', id: (w) => w.ids.monthClose, reads: all(true, { 'member of another team': false }) },
];

// ---- Write: does a push of the role land, or which refusal does it get? -------------------------

type Outcome = 'written' | RejectReason;

interface WriteRow {
  target: string;
  collection: string;
  kind?: string;
  /** The mutation the role pushes (seq 1 on a fresh device). */
  mutation: (world: World, role: Role) => Promise<Mutation>;
  outcomes: Record<Role, Outcome>;
}

const only = (allowed: Role[]): Record<Role, Outcome> =>
  Object.fromEntries(roles.map((role) => [role, allowed.includes(role) ? 'written' : 'forbidden'])) as Record<Role, Outcome>;

/** A fresh outreach entry of tovien2 in team Ấp 1–2, and the version a device would start from. */
async function entryOfAnotherMember(world: World) {
  const author = await login(world.app, 'tovien2');
  const entry = outreachLog(author);
  await push(world.app, author, uuidv7(), [putMutation(1, 'fieldLog', entry)]);
  return { entry, base: await versionOf(world.db, entry.id) };
}

function plan(orgUnitId: string): CampaignPlan {
  return planOf({
    orgUnitId, name: 'Kế hoạch thử', startDay: '2026-01-01', endDay: '2026-12-31',
    phases: [{ id: 'dot-1', name: 'Đợt 1', startDay: '2026-01-01', endDay: '2026-06-30' }], updatedAt: new Date().toISOString(),
  });
}

async function storedData(world: World, collection: string, id: string): Promise<Record<string, unknown>> {
  const rows = await world.db.query<{ data: Record<string, unknown> }>('SELECT data FROM records WHERE collection = $1 AND id = $2', [collection, id]);
  return rows[0]!.data;
}

const writeTable: WriteRow[] = [
  ...fieldLogKinds.map((kind): WriteRow => ({
    target: `its own new ${kind} entry in team Ấp 1–2`, collection: 'fieldLog', kind, outcomes: only(['member', 'leader']),
    mutation: async (w, role) => putMutation(1, 'fieldLog', teamEntry(kind, w.sessions[role].profile.user.id)),
  })),
  {
    target: "a checklist template of the commune", collection: 'checklistTemplate', outcomes: only(['commune police']),
    mutation: async () => putMutation(1, 'checklistTemplate', checklistTemplate(DEMO_IDS.commune) as { id: string }),
  },
  {
    target: 'a value entered for the commune', collection: 'manualValue', outcomes: only(['commune police', 'province admin']),
    mutation: async (w, role) => putMutation(1, 'manualValue', manualValue(DEMO_IDS.commune, w.sessions[role].profile.user.id) as { id: string }),
  },
  {
    target: 'a target assigned to team Ấp 1–2', collection: 'targetAssignment', outcomes: only(['commune police', 'province admin']),
    mutation: async (w, role) => putMutation(1, 'targetAssignment', targetAssignment(DEMO_IDS.teamAp12, DEMO_IDS.commune, w.sessions[role].profile.user.id) as { id: string }),
  },
  {
    target: 'a new household of Ấp 1', collection: 'household', outcomes: only(['leader', 'commune police']),
    mutation: async () => putMutation(1, 'household', household(AP1)),
  },
  {
    target: 'its own new outreach entry in team Ấp 1–2', collection: 'fieldLog', kind: 'outreach', outcomes: only(['member', 'leader']),
    mutation: async (w, role) => putMutation(1, 'fieldLog', outreachLog(w.sessions[role], { teamId: DEMO_IDS.teamAp12 })),
  },
  {
    target: "an edit of another member's outreach entry", collection: 'fieldLog', kind: 'outreach', outcomes: only(['leader']),
    mutation: async (w) => {
      const { entry, base } = await entryOfAnotherMember(w);
      return putMutation(1, 'fieldLog', { ...entry, note: 'Sửa giúp', updatedAt: new Date().toISOString() }, { base, changed: ['note', 'updatedAt'] });
    },
  },
  {
    target: "the approval of another member's outreach entry", collection: 'fieldLog', kind: 'outreach', outcomes: only(['leader']),
    mutation: async (w) => {
      const { entry, base } = await entryOfAnotherMember(w);
      return putMutation(1, 'fieldLog', { ...entry, reviewStatus: 'approved' }, { base, changed: ['reviewStatus'] });
    },
  },
  {
    target: 'a new campaign plan of the commune', collection: 'campaignPlan', outcomes: only(['commune police', 'province admin']),
    mutation: async () => putMutation(1, 'campaignPlan', plan(DEMO_IDS.commune)),
  },
  {
    target: 'a new campaign plan of the province', collection: 'campaignPlan', outcomes: only(['province admin']),
    mutation: async () => putMutation(1, 'campaignPlan', plan(DEMO_IDS.province)),
  },
  {
    target: 'the resolution of a conflict between two members of team Ấp 1–2', collection: 'conflict',
    outcomes: only(['member', 'leader', 'commune police']),
    mutation: async (w) => {
      const conflict = await writeConflict(w);
      const resolved = { ...conflict, status: 'resolved', choices: { note: 1 } };
      return putMutation(1, 'conflict', resolved, { base: await versionOf(w.db, conflict.id), changed: ['status', 'choices'] });
    },
  },
  {
    target: 'a conflict record made on a device', collection: 'conflict', outcomes: only([]),
    mutation: async (w) => putMutation(1, 'conflict', conflictOf(w)),
  },
  {
    target: 'a new name of the commune (orgUnit)', collection: 'orgUnit', outcomes: only([]),
    mutation: async (w) => putMutation(1, 'orgUnit', { ...(await storedData(w, 'orgUnit', DEMO_IDS.commune)), id: DEMO_IDS.commune, name: 'Xã Đổi Tên' }, {
      base: await versionOf(w.db, DEMO_IDS.commune), changed: ['name'],
    }),
  },
  {
    target: 'a new name of team Ấp 1–2 (team)', collection: 'team', outcomes: only([]),
    mutation: async (w) => putMutation(1, 'team', { ...(await storedData(w, 'team', DEMO_IDS.teamAp12)), id: DEMO_IDS.teamAp12, name: 'Tổ Đổi Tên' }, {
      base: await versionOf(w.db, DEMO_IDS.teamAp12), changed: ['name'],
    }),
  },
  {
    target: 'the close of a month of team Ấp 1–2 (monthClose)', collection: 'monthClose', outcomes: only(['leader']),
    mutation: async (w, role) => putMutation(1, 'monthClose', monthCloseBy(w.sessions[role], '2026-02')),
  },
  {
    target: "a commendation list of the commune", collection: 'commendation', outcomes: only(['commune police', 'province admin']),
    mutation: async (w, role) => putMutation(1, 'commendation', commendationBy(w.sessions[role])),
  },
  {
    target: 'a value entered for the commune (manualValue)', collection: 'manualValue', outcomes: only(['commune police', 'province admin']),
    mutation: async (w, role) => putMutation(1, 'manualValue', communeValueBy(w.sessions[role])),
  },
  {
    target: 'an own target of team Ấp 1–2 (targetAssignment)', collection: 'targetAssignment', outcomes: only(['commune police', 'province admin']),
    mutation: async (w, role) => putMutation(1, 'targetAssignment', teamTargetBy(w.sessions[role])),
  },
];

/** One entry of each kind by tovien2, a tip by tovien, and the records police and province keep. */
async function writeMore(app: FastifyInstance, sessions: Record<Role, Session>): Promise<World['more']> {
  const author = await login(app, 'tovien2');
  const entries = Object.fromEntries(fieldLogKinds.map((kind) => [kind, teamEntry(kind as FieldLogKind, author.profile.user.id)]));
  const byAuthor = await push(app, author, uuidv7(), Object.values(entries).map((entry, i) => putMutation(i + 1, 'fieldLog', entry)));
  const ownTip = teamEntry('tip', sessions.member.profile.user.id);
  const byMember = await push(app, sessions.member, uuidv7(), [putMutation(1, 'fieldLog', ownTip)]);
  const police = sessions['commune police'].profile.user.id;
  const template = checklistTemplate(DEMO_IDS.commune) as { id: string };
  const communeValue = manualValue(DEMO_IDS.commune, police) as { id: string };
  const teamValue = manualValue(DEMO_IDS.commune, police, DEMO_IDS.teamAp12) as { id: string };
  const teamTarget = targetAssignment(DEMO_IDS.teamAp12, DEMO_IDS.commune, police) as { id: string };
  const commendation = commendationBy(sessions['commune police']);
  const byPolice = await push(app, sessions['commune police'], uuidv7(), [
    putMutation(1, 'checklistTemplate', template), putMutation(2, 'manualValue', communeValue),
    putMutation(3, 'manualValue', teamValue), putMutation(4, 'targetAssignment', teamTarget),
    putMutation(5, 'commendation', commendation),
  ]);
  for (const answer of [byAuthor, byMember, byPolice]) expect(answer.body.rejected).toEqual([]);
  const byKind = Object.fromEntries(Object.entries(entries).map(([kind, entry]) => [kind, entry.id]));
  return { byKind, ownTip: ownTip.id, template: template.id, communeValue: communeValue.id, teamValue: teamValue.id, teamTarget: teamTarget.id, commendation: commendation.id };
}

/** A month close of team Ấp 1–2 signed by the pushing account. */
function monthCloseBy(session: Session, month: string): { id: string } & Record<string, unknown> {
  const at = new Date().toISOString();
  return { id: uuidv7(), teamId: DEMO_IDS.teamAp12, month, status: 'closed', covered: {}, note: '', closedBy: session.profile.user.id, closedAt: at, updatedAt: at };
}

/** A commendation list of the commune prepared by the pushing account. */
function commendationBy(session: Session): { id: string } & Record<string, unknown> {
  return {
    id: uuidv7(), planId: demoCampaignPlan(new Date()).planId, orgUnitId: DEMO_IDS.commune, kind: 'award', periodKey: 'year:2026', quotaId: null,
    nominees: [{ subject: 'collective', refId: DEMO_IDS.teamAp12, name: 'Tổ bảo vệ ANTT Ấp 1–2', unitKind: null, isLeader: false, achievements: '' }],
    dossier: [], preparedBy: session.profile.user.id, updatedAt: new Date().toISOString(),
  };
}

/** A value entered for the commune by the pushing account. */
function communeValueBy(session: Session): { id: string } & Record<string, unknown> {
  return {
    id: uuidv7(), orgUnitId: DEMO_IDS.commune, teamId: null, key: 'tips-received', startDay: '2026-03-01', endDay: '2026-03-31',
    value: 12, note: '', enteredBy: session.profile.user.id, updatedAt: new Date().toISOString(),
  };
}

/** An own target of team Ấp 1–2 given by the pushing account. */
function teamTargetBy(session: Session): { id: string } & Record<string, unknown> {
  return {
    id: uuidv7(), planId: demoCampaignPlan(new Date()).planId, indicatorId: 'households-reached', teamId: DEMO_IDS.teamAp12, orgUnitId: DEMO_IDS.commune,
    periodKey: null, value: 90, note: '', assignedBy: session.profile.user.id, updatedAt: new Date().toISOString(),
  };
}

/** An open concurrent-edit conflict on a team Ấp 1–2 entry, between tovien and tovien2. */
function conflictOf(world: World): Conflict {
  const at = new Date().toISOString();
  return {
    id: uuidv7(), kind: 'concurrent-edit', collection: 'fieldLog', recordId: world.ids.entry, scope: `team:${DEMO_IDS.teamAp12}`,
    fields: [{
      field: 'note',
      values: [
        { value: 'Hộ vắng nhà', userId: world.sessions.member.profile.user.id, at, isCurrent: true },
        { value: 'Đã gặp chủ hộ', userId: demoId('user:tovien2'), at, isCurrent: false },
      ],
    }],
    status: 'open', choices: {}, resolvedBy: null, resolvedAt: null, createdAt: at,
  };
}

/** Writes a conflict as the server does (numbered, scoped), outside any push. */
async function writeConflict(world: World): Promise<Conflict> {
  const conflict = conflictOf(world);
  await world.db.transaction(async (tx) => {
    const version = { collection: 'conflict', id: conflict.id, scope: conflict.scope, deleted: false, data: conflict as unknown as Record<string, unknown>, originClient: null };
    await writeServerRecords(tx, [version], { userId: null, now: new Date() });
  });
  return conflict;
}

const readCells = readTable.flatMap((row) => roles.map((role) => ({ ...row, role, verb: row.reads[role] ? 'reads' : 'does not read' })));
const writeCells = writeTable.flatMap((row) => roles.map((role) => ({ ...row, role, outcome: row.outcomes[role] })));

forEachDatabase('access by role and record kind', (getDb) => {
  let world: World;
  const pulled = new Map<Role, ServerRecord[]>();

  beforeAll(async () => {
    const app = await demoApp(getDb());
    const sessions = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await login(app, usernames[role])]))) as Record<Role, Session>;
    world = { db: getDb(), app, sessions, ids: { entry: '', hamletPlan: '', conflict: '', monthClose: '' }, more: await writeMore(app, sessions) };
    world.ids.entry = (await entryOfAnotherMember(world)).entry.id;
    const hamletPlan = plan(AP1);
    const published = await push(app, sessions['province admin'], uuidv7(), [putMutation(1, 'campaignPlan', hamletPlan)]);
    expect(published.body.rejected).toEqual([]);
    world.ids.hamletPlan = hamletPlan.id;
    world.ids.conflict = (await writeConflict(world)).id;
    const close = monthCloseBy(sessions.leader, '2026-01');
    const closed = await push(app, sessions.leader, uuidv7(), [putMutation(1, 'monthClose', close)]);
    expect(closed.body.rejected).toEqual([]);
    world.ids.monthClose = close.id;
  });

  describe('read (pull)', () => {
    it.each(readCells)('$role $verb $target', async ({ role, collection, id, reads }) => {
      if (!pulled.has(role)) pulled.set(role, (await pullAll(world.app, world.sessions[role])).changes);
      const target = id(world);
      const received = pulled.get(role)!.filter((change) => change.collection === collection && change.id === target);
      expect(received).toHaveLength(reads[role] ? 1 : 0);
    });
  });

  describe('write (push)', () => {
    it.each(writeCells)('$role: $target → $outcome', async ({ role, collection, mutation, outcome }) => {
      const sent = await mutation(world, role);
      const before = await world.db.query<{ seq: number }>('SELECT seq FROM records WHERE collection = $1 AND id = $2', [collection, sent.id]);
      const { statusCode, body } = await push(world.app, world.sessions[role], uuidv7(), [sent]);
      expect(statusCode).toBe(200);
      const after = await world.db.query<{ seq: number; data: Record<string, unknown> }>('SELECT seq, data FROM records WHERE collection = $1 AND id = $2', [collection, sent.id]);
      if (outcome === 'written') {
        expect(body.rejected).toEqual([]);
        expect(body.written).toEqual([expect.objectContaining({ seq: 1, version: after[0]!.seq })]);
        // What the push changed is stored (the server adds its own review and resolution stamps).
        const data = sent.op === 'put' ? sent.data : {};
        const changed = (sent.op === 'put' && sent.changed) || Object.keys(data);
        expect(after[0]!.data).toMatchObject(Object.fromEntries(changed.map((field) => [field, data[field]])));
      } else {
        expect(body.rejected).toMatchObject([{ seq: 1, reason: outcome, message: expect.any(String) }]);
        expect(body.written).toEqual([]);
        expect(after.map((row) => row.seq)).toEqual(before.map((row) => row.seq));
      }
    });
  });
});

describe('the access tables', () => {
  const kinds = fieldLogSchema.options.map((option) => option.shape.kind.value as string);

  it('judge every collection and every kind of field log in the schema, for reading and for writing', () => {
    for (const name of collectionNames) {
      expect(readTable.some((row) => row.collection === name), `read rows of ${name}`).toBe(true);
      expect(writeTable.some((row) => row.collection === name), `write rows of ${name}`).toBe(true);
    }
    for (const kind of kinds) {
      expect(readTable.some((row) => row.collection === 'fieldLog' && row.kind === kind), `read rows of fieldLog ${kind}`).toBe(true);
      expect(writeTable.some((row) => row.collection === 'fieldLog' && row.kind === kind), `write rows of fieldLog ${kind}`).toBe(true);
    }
  });
});
