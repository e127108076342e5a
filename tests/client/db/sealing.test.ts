// Encryption at rest: every write path stores tips and reintegration visits sealed (searched in
// the raw IndexedDB values for the tip's words), every read path opens them while unlocked, and
// locked nothing of their content is readable nor can be written.
import { serverVersionOf } from '#src/client/db/server-versions.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpAppLock } from '#src/client/db/app-lock.ts';
import { AnttDatabase } from '#src/client/db/database.ts';
import { DeviceDatabase } from '#src/client/db/device-database.ts';
import { lockDatabase } from '#src/client/db/key-ring.ts';
import { putRecord, putRecords } from '#src/client/db/record-repository.ts';
import { applyPull } from '#src/client/db/pull-repository.ts';
import { settlePush } from '#src/client/db/outbox-repository.ts';
import { resolveConflict } from '#src/client/db/conflict-repository.ts';
import { listOpenRejections } from '#src/client/db/rejection-repository.ts';
import { saveDraft, getDraft } from '#src/client/db/draft-repository.ts';
import { addPhoto, getPhotos } from '#src/client/db/photo-repository.ts';
import { listLogbookIds } from '#src/client/db/logbook-repository.ts';
import { LockedError, SEALED_FIELD } from '#src/client/db/sealing.ts';
import { exportBackup, importBackup } from '#src/client/db/backup-repository.ts';
import { saveSession } from '#src/client/db/session-repository.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import { PROTOCOL_VERSION } from '#src/shared/sync/protocol.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { validEntries } from '../../shared/kinds/entry-fixtures.ts';
import { MEMBER_ID, outreachLog, TEAM_ID } from '../sync/support/fixtures.ts';
import { rawStores, rawText } from './support/raw-indexeddb.ts';

const SECRET = 'Có người lạ hỏi mua xe máy cũ không giấy tờ';
const SOURCE = 'Bà Lê Thị Hoa';
const opened: AnttDatabase[] = [];
const memberProfile: Profile = {
  user: { id: MEMBER_ID, username: 'tovien', displayName: 'Nguyễn Văn An', role: 'member' },
  team: { id: TEAM_ID, name: 'Tổ bảo vệ ANTT thôn Đông' }, hamlets: [], orgUnits: [],
};

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

function tip(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...validEntries.tip, id: uuidv7(), teamId: TEAM_ID, memberId: MEMBER_ID, content: SECRET, sourceName: SOURCE, ...overrides };
}

/** An account database whose PIN is set and which is unlocked (few iterations: a test). */
async function unlockedDb(): Promise<AnttDatabase> {
  const device = new DeviceDatabase(`sealing-device-${uuidv7()}`);
  const db = new AnttDatabase(`sealing-${uuidv7()}`);
  opened.push(db);
  await setUpAppLock(device, { userId: MEMBER_ID, dbName: db.name }, '246810', 'antt2026', { iterations: 1000 });
  return db;
}

async function expectNoSecret(db: AnttDatabase): Promise<void> {
  const text = Object.values(await rawText(db.name)).join('\n');
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(SOURCE);
}

describe('sealing restricted records', () => {
  it('putRecord stores a tip and its outbox entry sealed, and reads it back whole', async () => {
    const db = await unlockedDb();
    const entry = tip();
    await putRecord(db, 'fieldLog', entry);

    await expectNoSecret(db);
    const raw = (await rawStores(db.name)).fieldLog![0] as Record<string, unknown>;
    expect(raw).toMatchObject({ id: entry.id, kind: 'tip', teamId: TEAM_ID, memberId: MEMBER_ID, date: entry.date });
    expect(raw[SEALED_FIELD]).toBeDefined();
    expect(await db.fieldLog.get(entry.id as string)).toEqual(entry);
    expect((await db.outbox.toArray())[0]?.data).toEqual(entry);
    expect(await listLogbookIds(db, { scope: { kind: 'member', memberId: MEMBER_ID }, kind: 'tip', fromDay: null, toDay: null, reviewStatus: null, syncState: 'pending' })).toEqual([entry.id]);
  });

  it('leaves other kinds in clear', async () => {
    const db = await unlockedDb();
    const log = outreachLog();
    await putRecord(db, 'fieldLog', log);
    expect((await rawStores(db.name)).fieldLog![0]).toEqual(log);
  });

  it('seals reintegration visits written by putRecords, and outbox rows read through a cursor', async () => {
    const db = await unlockedDb();
    const visit = { ...validEntries['reintegration-visit'], id: uuidv7(), teamId: TEAM_ID, memberId: MEMBER_ID, personName: SOURCE };
    await putRecords(db, 'fieldLog', [visit, tip()]);
    await expectNoSecret(db);
    const viaCursor = await db.outbox.filter((entry) => entry.collection === 'fieldLog').toArray();
    expect(viaCursor.map((entry) => entry.data?.kind).sort()).toEqual(['reintegration-visit', 'tip']);
    expect(viaCursor.find((entry) => entry.data?.kind === 'tip')?.data?.content).toBe(SECRET);
  });

  it('seals pulled tips, tips put back after a refusal, and the refused copy', async () => {
    const db = await unlockedDb();
    const pulled = tip();
    const { id, ...data } = pulled;
    await applyPull(db, { protocolVersion: PROTOCOL_VERSION, changes: [{ collection: 'fieldLog', id: id as string, seq: 3, deleted: false, data }], cursor: 'c1', hasMore: false, scopesHash: '' });
    expect((await db.fieldLog.get(id as string))?.kind).toBe('tip');
    expect(await db.fieldLog.get(id as string)).toMatchObject({ content: SECRET });

    const edited = await putRecord(db, 'fieldLog', { ...pulled, content: `${SECRET} (sửa)` });
    const [entry] = await db.outbox.toArray();
    await settlePush(db, {
      protocolVersion: PROTOCOL_VERSION, lastAppliedSeq: entry!.seq!, written: [],
      rejected: [{ seq: entry!.seq!, collection: 'fieldLog', id: edited.id, reason: 'forbidden', message: 'Không được sửa', current: { collection: 'fieldLog', id: id as string, seq: 3, deleted: false, data } }],
    });
    await expectNoSecret(db);
    expect(await db.fieldLog.get(id as string)).toMatchObject({ content: SECRET, serverVersion: 3 });
    expect((await listOpenRejections(db))[0]?.data).toMatchObject({ content: `${SECRET} (sửa)` });
  });

  it('keeps a tip sealed when a push settles and records its server version', async () => {
    const db = await unlockedDb();
    const entry = tip();
    await putRecord(db, 'fieldLog', entry);
    const [queued] = await db.outbox.toArray();
    await settlePush(db, { protocolVersion: PROTOCOL_VERSION, lastAppliedSeq: queued!.seq!, written: [{ seq: queued!.seq!, version: 11 }], rejected: [] });
    await expectNoSecret(db);
    expect(await db.fieldLog.get(entry.id as string)).toEqual(entry);
    expect(await serverVersionOf(db, 'fieldLog', entry.id as string, await db.fieldLog.get(entry.id as string))).toBe(11);
    expect(await db.outbox.count()).toBe(0);
  });

  it('seals conflicts of restricted records, also once resolved', async () => {
    const db = await unlockedDb();
    const entry = tip();
    await putRecord(db, 'fieldLog', entry);
    const conflict = {
      id: uuidv7(), kind: 'concurrent-edit' as const, collection: 'fieldLog', recordId: entry.id as string, scope: `restricted:${TEAM_ID}:${MEMBER_ID}`,
      fields: [{ field: 'content', values: [{ value: SECRET, userId: MEMBER_ID, at: '2026-03-05T01:00:00.000Z', isCurrent: true }, { value: SOURCE, userId: MEMBER_ID, at: '2026-03-05T01:01:00.000Z', isCurrent: false }] }],
      status: 'open' as const, choices: {}, resolvedBy: null, resolvedAt: null, createdAt: '2026-03-05T01:02:00.000Z',
    };
    await db.conflict.put(conflict);
    await expectNoSecret(db);
    expect(await db.conflict.get(conflict.id)).toEqual(conflict);
    await resolveConflict(db, conflict, { content: 1 }, MEMBER_ID);
    await expectNoSecret(db);
    expect(await db.fieldLog.get(entry.id as string)).toMatchObject({ content: SOURCE });
  });

  it('seals tips a backup import brings, with their unsent change', async () => {
    const source = await unlockedDb();
    await saveSession(source, { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', profile: memberProfile, loggedInAt: '2026-03-01T00:00:00.000Z' });
    await putRecord(source, 'fieldLog', tip());
    const file = await exportBackup(source);
    const db = await unlockedDb();
    await saveSession(db, { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', profile: memberProfile, loggedInAt: '2026-03-01T00:00:00.000Z' });

    expect(await importBackup(db, file)).toMatchObject({ added: 1, queued: 1 });
    await expectNoSecret(db);
    expect((await db.fieldLog.toArray())[0]).toMatchObject({ content: SECRET });
    expect((await db.outbox.toArray())[0]?.data).toMatchObject({ content: SECRET });
  });

  it('seals drafts of restricted kinds and every photo', async () => {
    const db = await unlockedDb();
    await saveDraft(db, { key: 'new:tip', userId: MEMBER_ID, kind: 'tip', entryId: uuidv7(), formatVersion: 1, values: { content: SECRET }, updatedAt: '2026-03-05T01:00:00.000Z' });
    const photoId = uuidv7();
    await addPhoto(db, { id: photoId, entryId: uuidv7(), blob: new Blob([SOURCE], { type: 'image/jpeg' }), width: 1, height: 1, bytes: 10, createdAt: '2026-03-05T01:00:00.000Z', uploadedAt: null });

    await expectNoSecret(db);
    expect((await rawStores(db.name)).photos![0]).not.toHaveProperty('blob');
    expect((await getDraft(db, 'new:tip', MEMBER_ID))?.values).toEqual({ content: SECRET });
    const [photo] = await getPhotos(db, [photoId]);
    expect(photo?.blob.type).toBe('image/jpeg');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(photo!.blob);
    });
    expect(text).toBe(SOURCE);
  });
});

describe('a locked database', () => {
  it('yields nothing readable of a tip and refuses to write one, while other kinds still work', async () => {
    const db = await unlockedDb();
    const entry = tip();
    await putRecord(db, 'fieldLog', entry);
    lockDatabase(db.name);

    const row = await db.fieldLog.get(entry.id as string) as unknown as Record<string, unknown>;
    expect(row).toMatchObject({ id: entry.id, kind: 'tip' });
    expect(row).not.toHaveProperty('content');
    expect(JSON.stringify(await db.outbox.toArray())).not.toContain(SECRET);
    await expect(putRecord(db, 'fieldLog', tip())).rejects.toBeInstanceOf(LockedError);
    expect(await db.fieldLog.count()).toBe(1);
    await putRecord(db, 'fieldLog', outreachLog());
    expect(await db.fieldLog.count()).toBe(2);
  });
});
