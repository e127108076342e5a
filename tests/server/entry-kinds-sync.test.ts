// Checklist templates travel by sync: commune police of the commune write them, nobody else
// does, and the commune's members pull them (scope unit:<commune>). Restricted entries (tips)
// are accepted in their author's own restricted scope.
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { defaultChecklists } from '#src/shared/domain/default-checklists.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { pushResponseSchema } from '#src/shared/sync/protocol.ts';
import { demoApp, household, login, outreachLog, pullAll, push, putMutation, storedRecords, type Session } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

function template(communeId: string) {
  return { ...defaultChecklists.patrol, id: uuidv7(), communeId, name: 'Tuần tra đêm', isActive: true, updatedAt: new Date().toISOString() };
}

forEachDatabase('checklist templates', (getDb) => {
  let app: FastifyInstance;
  let police: Session;
  let leader: Session;
  let member: Session;
  beforeAll(async () => {
    app = await demoApp(getDb());
    [police, leader, member] = await Promise.all([login(app, 'congan'), login(app, 'totruong'), login(app, 'tovien')]);
  });

  it('commune police publish a template of their commune and the commune\'s members pull it', async () => {
    const written = template(DEMO_IDS.commune);
    const { body } = await push(app, police, uuidv7(), [putMutation(1, 'checklistTemplate', written)]);
    expect(pushResponseSchema.parse(body).rejected).toEqual([]);
    const { changes } = await pullAll(app, member);
    expect(changes.find((change) => change.id === written.id)).toMatchObject({ collection: 'checklistTemplate', data: { name: 'Tuần tra đêm' } });
  });

  it('refuses templates from leaders and members, and for another commune', async () => {
    const attempts: Array<[Session, ReturnType<typeof template>]> = [
      [leader, template(DEMO_IDS.commune)],
      [member, template(DEMO_IDS.commune)],
      [police, template(uuidv7())],
    ];
    for (const [session, written] of attempts) {
      const { body } = await push(app, session, uuidv7(), [putMutation(1, 'checklistTemplate', written)]);
      expect(pushResponseSchema.parse(body).rejected).toMatchObject([{ id: written.id, reason: 'forbidden' }]);
    }
    const stored = (await storedRecords(getDb(), 'checklistTemplate')).map((record) => record.id);
    for (const [, written] of attempts) expect(stored).not.toContain(written.id);
  });

  it('still lets a leader keep the households of the team\'s hamlets, with the new flags', async () => {
    const flagged = household(DEMO_IDS.hamlets[0], { isRentalHousing: true, hasConditionalBusiness: true });
    const { body } = await push(app, leader, uuidv7(), [putMutation(1, 'household', flagged)]);
    expect(pushResponseSchema.parse(body).rejected).toEqual([]);
    const stored = (await storedRecords(getDb(), 'household')).find((record) => record.id === flagged.id);
    expect(stored?.data).toMatchObject({ isRentalHousing: true, hasConditionalBusiness: true, mergedIntoId: null });
  });
});

forEachDatabase('restricted entries', (getDb) => {
  let app: FastifyInstance;
  let member: Session;
  beforeAll(async () => {
    app = await demoApp(getDb());
    member = await login(app, 'tovien');
  });

  it('accepts a member\'s tip in the member\'s own restricted scope, and refuses one filed under another author', async () => {
    const base = outreachLog(member);
    const tip = {
      ...base, kind: 'tip', receivedAt: '2026-03-05T01:00:00.000Z', date: '2026-03-05', isAnonymous: true, sourceName: '',
      content: 'Có người lạ hỏi mua xe không giấy tờ', passedToPoliceAt: null, isUrgent: false, urgentContact: null,
    };
    const { body } = await push(app, member, uuidv7(), [putMutation(1, 'fieldLog', tip)]);
    expect(pushResponseSchema.parse(body).rejected).toEqual([]);
    const rows = await getDb().query<{ scope: string }>('SELECT scope FROM records WHERE id = $1', [tip.id]);
    expect(rows).toEqual([{ scope: `restricted:${tip.teamId}:${member.profile.user.id}` }]);

    const forged = { ...tip, id: uuidv7(), memberId: uuidv7() };
    const refused = await push(app, member, uuidv7(), [putMutation(1, 'fieldLog', forged)]);
    expect(pushResponseSchema.parse(refused.body).rejected).toMatchObject([{ id: forged.id, reason: 'forbidden' }]);
  });
});
