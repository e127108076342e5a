// A backup of one account's phone, and its import on another phone of that account: every
// collection with its server versions, the unsent changes (queued again, folded per record), the
// refusals; never the token, the client id or the cursor; never a duplicate.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBackup, encodeBackup } from '#src/client/db/backup-file.ts';
import { BackupError, exportBackup, foldOutbox, importBackup, summariseBackup, type BackupFile } from '#src/client/db/backup-repository.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { settlePush } from '#src/client/db/outbox-repository.ts';
import { getClientId, saveSession } from '#src/client/db/session-repository.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { freshDatabase, HOUSEHOLD_ID, MEMBER_ID, OTHER_MEMBER_ID as OTHER, outreachLog, TEAM_ID } from '../sync/support/fixtures.ts';
import { validEntries } from '../../shared/kinds/entry-fixtures.ts';
import { BACKUP_PASSWORD, passwordSeal } from './support/backup-seal.ts';

const profile = (id = MEMBER_ID): Profile => ({
  user: { id, username: id === MEMBER_ID ? 'tovien' : 'nguoikhac', displayName: 'Nguyễn Văn An', role: 'member' },
  team: { id: TEAM_ID, name: 'Tổ bảo vệ ANTT thôn Đông' }, hamlets: [], orgUnits: [],
});

async function phone(label: string, userId = MEMBER_ID): Promise<AnttDatabase> {
  const db = freshDatabase(label);
  await saveSession(db, { token: `secret-token-${label}`, expiresAt: '2099-01-01T00:00:00.000Z', profile: profile(userId), loggedInAt: '2026-03-01T00:00:00.000Z' });
  return db;
}

/** A phone with two synced entries (versions 7 and 8), one of them edited twice offline, a new entry, a household and a refusal. */
async function usedPhone() {
  const db = await phone('old');
  const synced = outreachLog({ topic: 'Đã gửi' });
  const edited = outreachLog({ topic: 'Sẽ sửa' });
  await db.fieldLog.bulkPut([{ ...synced, serverVersion: 7 }, { ...edited, serverVersion: 8 }]);
  await db.household.put({ id: HOUSEHOLD_ID, hamletId: uuidv7(), headName: 'Trần Văn Ba', address: '', memberCount: 3, updatedAt: '2026-01-01T00:00:00.000Z', serverVersion: 2 });
  await putRecord(db, 'fieldLog', { ...edited, peopleReached: 9, updatedAt: '2026-03-02T00:00:00.000Z' });
  await putRecord(db, 'fieldLog', { ...edited, peopleReached: 9, note: 'Hộ vắng nhà', updatedAt: '2026-03-03T00:00:00.000Z' });
  const fresh = outreachLog({ topic: 'Chưa gửi' });
  await putRecord(db, 'fieldLog', fresh);
  await db.rejections.add({ collection: 'fieldLog', recordId: uuidv7(), reason: 'bad-reference', message: 'Hộ gia đình đã chọn không thuộc các thôn, ấp của tổ.', status: 'open', at: '2026-03-01T05:00:00.000Z' });
  await getClientId(db);
  await db.meta.put({ key: 'cursor', value: 42 });
  return { db, synced, edited, fresh };
}

describe('exportBackup', () => {
  it('gives a record this phone pushed the version the server gave it', async () => {
    const db = await phone('pushed');
    const log = outreachLog();
    await putRecord(db, 'fieldLog', log);
    const [entry] = await db.outbox.toArray();
    await settlePush(db, { protocolVersion: 2, lastAppliedSeq: entry!.seq!, written: [{ seq: entry!.seq!, version: 77 }], rejected: [] });
    const file = await exportBackup(db);
    expect(file.collections.fieldLog).toEqual([{ ...log, serverVersion: 77 }]);
    expect(file.outbox).toEqual([]);
  });

  it('holds every record with its server version, the unsent changes in order and the refusals, but no token, client id or cursor', async () => {
    const { db, synced, edited, fresh } = await usedPhone();
    const file = await exportBackup(db, new Date('2026-03-04T01:00:00.000Z'));

    expect(file).toMatchObject({ format: 1, app: 'so-tay-antt', exportedAt: '2026-03-04T01:00:00.000Z', account: { userId: MEMBER_ID, username: 'tovien' } });
    expect(file.collections.fieldLog).toEqual(expect.arrayContaining([
      { ...synced, serverVersion: 7 }, expect.objectContaining({ id: edited.id, note: 'Hộ vắng nhà', serverVersion: 8 }), fresh,
    ]));
    expect(file.collections.household).toEqual([expect.objectContaining({ id: HOUSEHOLD_ID, serverVersion: 2 })]);
    expect(file.outbox.map((entry) => [entry.recordId, entry.base])).toEqual([[edited.id, 8], [edited.id, 8], [fresh.id, 0]]);
    expect(file.rejections).toEqual([expect.objectContaining({ reason: 'bad-reference', status: 'open' })]);
    const text = JSON.stringify(file);
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain(await getClientId(db));
    expect(text).not.toContain('"cursor"');
    expect(summariseBackup(file)).toMatchObject({ counts: { fieldLog: 3, 'fieldLog:outreach': 3, household: 1 }, pending: 2, rejections: 1 });
  });
});

describe('backup files', () => {
  it.each([[true, 'application/gzip', /\.json\.gz$/], [false, 'application/json', /\.json$/]] as const)(
    'are encrypted (format 2) and read back with the key or the password (gzip %s)', async (isGzipWanted, mimeType, name) => {
      const { db } = await usedPhone();
      const file = await exportBackup(db);
      const seal = await passwordSeal();
      const encoded = await encodeBackup(file, seal, { isGzipWanted });
      expect(encoded.mimeType).toBe(mimeType);
      expect(encoded.fileName).toMatch(name);
      expect(encoded.fileName).toContain('so-tay-antt-tovien-');
      expect(await decodeBackup(encoded.bytes, { key: seal.key })).toEqual(file);
      expect(await decodeBackup(encoded.bytes, { secret: BACKUP_PASSWORD })).toEqual(file);
    });

  it('hold nothing readable but the account, and need the password on another phone', async () => {
    const { db } = await usedPhone();
    const encoded = await encodeBackup(await exportBackup(db), await passwordSeal(), { isGzipWanted: false });
    const text = new TextDecoder().decode(encoded.bytes);
    expect(JSON.parse(text)).toMatchObject({ format: 2, account: { username: 'tovien' } });
    for (const words of ['Sẽ sửa', 'Trần Văn Ba', 'Hộ vắng nhà', 'Chưa gửi']) expect(text).not.toContain(words);
    await expect(decodeBackup(encoded.bytes)).rejects.toMatchObject({ name: 'BackupSecretError', isWrong: false, by: 'password' });
    await expect(decodeBackup(encoded.bytes, { key: (await passwordSeal()).key, secret: 'sai-mat-khau' })).rejects.toThrow('Mật khẩu không mở được');
  });

  it.each([true, false])('of format 1 (plain, gzip %s) still import', async (isGzip) => {
    const { db } = await usedPhone();
    const file = await exportBackup(db);
    const json = new TextEncoder().encode(JSON.stringify(file));
    const bytes = isGzip ? gzipSync(json) : json;
    expect(await decodeBackup(bytes)).toEqual(file);
  });

  it('refuses, in Vietnamese, a file that is not a backup, and one from a newer app', async () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    await expect(decodeBackup(bytes('ten_to,ap\nTổ 1,Ấp 1'))).rejects.toThrow('không phải tệp sao lưu');
    await expect(decodeBackup(bytes(JSON.stringify({ format: 1, app: 'khac' })))).rejects.toBeInstanceOf(BackupError);
    await expect(decodeBackup(new Uint8Array([0x1f, 0x8b, 1, 2, 3]))).rejects.toThrow('không phải tệp sao lưu');
    await expect(decodeBackup(bytes(JSON.stringify({ format: 2, app: 'so-tay-antt', encrypted: 'xyz' })))).rejects.toThrow('không phải tệp sao lưu');
    await expect(decodeBackup(bytes(JSON.stringify({ format: 3, app: 'so-tay-antt', encrypted: 'xyz' })))).rejects.toThrow('phiên bản mới hơn');
  });
});

describe('restricted records in a backup', () => {
  const tip = (memberId: string, content: string, teamId = TEAM_ID) => ({ ...validEntries.tip, id: uuidv7(), teamId, memberId, content });

  it('holds the tips the account wrote or holds the scope of, and no one else\'s', async () => {
    const db = await phone('old');
    const own = tip(MEMBER_ID, 'Tin của chính tôi');
    const held = tip(OTHER, 'Tin trong phạm vi được đọc');
    const foreign = tip(OTHER, 'Tin của người khác', uuidv7());
    await db.meta.put({ key: 'scopes', value: { scopes: [`team:${TEAM_ID}`, `restricted:${TEAM_ID}:${OTHER}`], hash: 'h' } });
    await putRecord(db, 'fieldLog', own);
    await db.fieldLog.bulkPut([held, foreign]);
    await db.outbox.add({ collection: 'fieldLog', recordId: foreign.id, op: 'put', data: foreign, base: 0, createdAt: '2026-03-01T00:00:00.000Z' });
    await db.rejections.add({ collection: 'fieldLog', recordId: foreign.id, reason: 'forbidden', message: 'Không được ghi', data: foreign, status: 'open', at: '2026-03-01T00:00:00.000Z' });
    await db.conflict.put({
      id: uuidv7(), kind: 'concurrent-edit', collection: 'fieldLog', recordId: foreign.id, scope: `restricted:${foreign.teamId}:${OTHER}`,
      fields: [{ field: 'content', values: [{ value: 'a', userId: OTHER, at: 'x', isCurrent: true }, { value: 'b', userId: OTHER, at: 'y', isCurrent: false }] }],
      status: 'open', choices: {}, resolvedBy: null, resolvedAt: null, createdAt: '2026-03-01T00:00:00.000Z',
    });

    const file = await exportBackup(db);
    expect(file.collections.fieldLog!.map((row) => row.content).sort()).toEqual([own.content, held.content].sort());
    expect(file.collections.conflict).toEqual([]);
    expect(file.outbox.map((entry) => entry.recordId)).toEqual([own.id]);
    expect(file.rejections).toEqual([]);
    expect(JSON.stringify(file)).not.toContain('Tin của người khác');
  });
});

describe('importBackup', () => {
  it('brings every record and queues the unsent changes again, folded per record, on a new phone', async () => {
    const { db, synced, edited, fresh } = await usedPhone();
    const file = await exportBackup(db);
    const newPhone = await phone('new');

    expect(await importBackup(newPhone, file)).toEqual({ added: 4, updated: 0, queued: 2, isRepeat: false });
    expect(await newPhone.fieldLog.get(synced.id)).toEqual({ ...synced, serverVersion: 7 });
    expect(await newPhone.household.count()).toBe(1);
    const queued = await newPhone.outbox.orderBy('seq').toArray();
    expect(queued).toEqual([
      expect.objectContaining({ recordId: edited.id, op: 'put', base: 8, changed: expect.arrayContaining(['peopleReached', 'note', 'updatedAt']), data: expect.objectContaining({ note: 'Hộ vắng nhà', peopleReached: 9 }) }),
      expect.objectContaining({ recordId: fresh.id, op: 'put', base: 0, data: fresh }),
    ]);
    expect(queued[1]).not.toHaveProperty('changed');
    expect(await newPhone.rejections.count()).toBe(1);
    expect((await newPhone.session.get('current'))?.token).toBe('secret-token-new');
    expect(await newPhone.meta.get('cursor')).toBeUndefined();
  });

  it('adds nothing twice when the same file is imported again', async () => {
    const { db } = await usedPhone();
    const file = await exportBackup(db);
    const newPhone = await phone('new');
    await importBackup(newPhone, file);

    expect(await importBackup(newPhone, file)).toEqual({ added: 0, updated: 0, queued: 0, isRepeat: true });
    expect(await newPhone.fieldLog.count()).toBe(3);
    expect(await newPhone.outbox.count()).toBe(2);
    expect(await newPhone.rejections.count()).toBe(1);
  });

  it("keeps this phone's unsent change and its newer server copy; takes the backup's unsent work", async () => {
    const { db, synced, edited } = await usedPhone();
    const file = await exportBackup(db);
    const newPhone = await phone('new');
    const newer = { ...synced, topic: 'Bản mới hơn trên máy chủ', serverVersion: 12 };
    await newPhone.fieldLog.put(newer);
    await newPhone.fieldLog.put({ ...edited, serverVersion: 15 });
    const mine = outreachLog({ topic: 'Sửa trên máy mới' });
    await putRecord(newPhone, 'fieldLog', mine);
    const stale: BackupFile = { ...file, collections: { ...file.collections, fieldLog: [...file.collections.fieldLog!, { ...mine, topic: 'Bản cũ', serverVersion: 3 }] } };

    // New here: the unsent entry and the household; updated: the entry the backup has unsent edits of.
    expect(await importBackup(newPhone, stale)).toMatchObject({ added: 2, updated: 1 });
    expect(await newPhone.fieldLog.get(synced.id)).toEqual(newer);
    expect(await newPhone.fieldLog.get(edited.id)).toMatchObject({ note: 'Hộ vắng nhà', serverVersion: 8 });
    expect(await newPhone.fieldLog.get(mine.id)).toMatchObject({ topic: 'Sửa trên máy mới' });
  });

  it("refuses another account's backup and changes nothing", async () => {
    const { db } = await usedPhone();
    const file = await exportBackup(db);
    const otherPhone = await phone('other', uuidv7());

    await expect(importBackup(otherPhone, file)).rejects.toThrow('Tệp sao lưu này của tài khoản “tovien”');
    expect(await otherPhone.fieldLog.count()).toBe(0);
    expect(await otherPhone.outbox.count()).toBe(0);
  });
});

describe('foldOutbox', () => {
  it('keeps the first base and the last data; a new record or a delete stays whole', () => {
    const id = uuidv7();
    const other = uuidv7();
    const at = '2026-03-01T00:00:00.000Z';
    const folded = foldOutbox([
      { collection: 'fieldLog', recordId: id, op: 'put', data: { n: 1 }, base: 0, createdAt: at },
      { collection: 'fieldLog', recordId: other, op: 'put', data: { n: 1 }, base: 4, changed: ['n'], createdAt: at },
      { collection: 'fieldLog', recordId: id, op: 'put', data: { n: 2 }, base: 0, changed: ['n'], createdAt: at },
      { collection: 'fieldLog', recordId: other, op: 'delete', base: 4, createdAt: at },
      { collection: 'newerKind', recordId: uuidv7(), op: 'put', data: {}, base: 0, createdAt: at },
    ]);
    expect(folded).toEqual([
      { collection: 'fieldLog', recordId: id, op: 'put', data: { n: 2 }, base: 0, createdAt: at },
      { collection: 'fieldLog', recordId: other, op: 'delete', base: 4, createdAt: at },
    ]);
  });
});
