// Accounts on a shared phone: one database per account; signing out erases only what has reached
// the server; the skeleton's single database is adopted by its owner with its unsent entries.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { LoginResponse, Profile } from '#src/shared/domain/account.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import {
  adoptLegacyDatabase,
  countKeptUnsent,
  databaseNameFor,
  getActiveAccount,
  LEGACY_DATABASE_NAME,
  signInAccount,
  signOutAccount,
} from '#src/client/db/account-repository.ts';
import { AnttDatabase } from '#src/client/db/database.ts';
import { DeviceDatabase } from '#src/client/db/device-database.ts';
import { getLanguage } from '#src/client/db/prefs-repository.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { getSession } from '#src/client/db/session-repository.ts';
import { outreachLog } from '../sync/support/fixtures.ts';

function answer(displayName: string, username: string): LoginResponse {
  const profile: Profile = { user: { id: uuidv7(), username, displayName, role: 'member' }, team: null, hamlets: [], orgUnits: [] };
  return { token: `token-${username}`, expiresAt: '2099-01-01T00:00:00.000Z', profile };
}

const device = () => new DeviceDatabase(`device-${uuidv7()}`);

describe('accounts on a shared phone', () => {
  it('gives each account its own database and never touches the other one', async () => {
    const phone = device();
    const an = answer('Nguyễn Văn An', 'tovien');
    const binh = answer('Trần Thị Bình', 'totruong');
    await signInAccount(phone, an);
    const anDb = new AnttDatabase(databaseNameFor(an.profile.user.id));
    await putRecord(anDb, 'fieldLog', outreachLog());

    expect(await signOutAccount(phone, anDb, an.profile.user.id)).toBe('kept');
    expect(await getActiveAccount(phone)).toBeNull();
    expect(await getSession(anDb)).toBeUndefined();
    expect(await anDb.outbox.count()).toBe(1);

    await signInAccount(phone, binh);
    expect(await getActiveAccount(phone)).toMatchObject({ userId: binh.profile.user.id, displayName: 'Trần Thị Bình' });
    expect(await countKeptUnsent((await phone.accounts.get(an.profile.user.id))!)).toBe(1);

    // An comes back: the same database, its entry still waiting to be sent.
    await signInAccount(phone, an);
    expect((await getActiveAccount(phone))?.dbName).toBe(anDb.name);
    expect(await getSession(anDb)).toMatchObject({ token: 'token-tovien' });
    expect(await anDb.outbox.count()).toBe(1);
  });

  it('erases an account whose work has all reached the server', async () => {
    const phone = device();
    const an = answer('Nguyễn Văn An', 'tovien');
    await signInAccount(phone, an);
    const db = new AnttDatabase(databaseNameFor(an.profile.user.id));
    await db.fieldLog.put(outreachLog());
    expect(await signOutAccount(phone, db, an.profile.user.id)).toBe('erased');
    expect(await Dexie.exists(db.name)).toBe(false);
    expect(await phone.accounts.count()).toBe(0);
  });

  it("adopts the skeleton's database with its session, unsent entries and language", async () => {
    if (await Dexie.exists(LEGACY_DATABASE_NAME)) await Dexie.delete(LEGACY_DATABASE_NAME);
    const an = answer('Nguyễn Văn An', 'tovien');
    const legacy = new AnttDatabase(LEGACY_DATABASE_NAME);
    await legacy.session.put({ key: 'current', token: 'old-token', expiresAt: '2099-01-01T00:00:00.000Z', profile: an.profile, loggedInAt: '2026-01-01T00:00:00.000Z' });
    await legacy.meta.put({ key: 'ownerUserId', value: an.profile.user.id });
    await legacy.prefs.put({ key: 'language', value: 'en' });
    await putRecord(legacy, 'fieldLog', outreachLog());
    legacy.close();

    const phone = device();
    await adoptLegacyDatabase(phone);
    await adoptLegacyDatabase(phone);
    expect(await phone.accounts.toArray()).toMatchObject([{ userId: an.profile.user.id, dbName: LEGACY_DATABASE_NAME }]);
    expect(await getActiveAccount(phone)).toMatchObject({ userId: an.profile.user.id });
    expect(await getLanguage(phone)).toBe('en');
    const reopened = new AnttDatabase(LEGACY_DATABASE_NAME);
    expect(await reopened.outbox.count()).toBe(1);
    await reopened.delete();
  });
});
