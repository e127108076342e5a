// The app lock: a PIN wraps the account's data key (PBKDF2-SHA-256 at the shipped iteration
// count), the right PIN unlocks, five wrong ones lock the data until an online login, whose
// password opens the key again; the key is never stored in clear nor extractable once unlocked.
import { afterEach, describe, expect, it } from 'vitest';
import { getAppLock, MAX_PIN_ATTEMPTS, setUpAppLock, unlockWithPassword, unlockWithPin } from '#src/client/db/app-lock.ts';
import { AnttDatabase } from '#src/client/db/database.ts';
import { createDataKey, PBKDF2_ITERATIONS, unwrapDataKey, wrapDataKey } from '#src/client/db/data-key.ts';
import { DeviceDatabase } from '#src/client/db/device-database.ts';
import { keyFor, lockDatabase } from '#src/client/db/key-ring.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { validEntries } from '../../shared/kinds/entry-fixtures.ts';
import { MEMBER_ID, TEAM_ID } from '../sync/support/fixtures.ts';
import { rawText } from './support/raw-indexeddb.ts';

const PIN = '246810';
const PASSWORD = 'antt2026';
const opened: AnttDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

async function phone(): Promise<{ device: DeviceDatabase; db: AnttDatabase }> {
  const device = new DeviceDatabase(`lock-device-${uuidv7()}`);
  const db = new AnttDatabase(`lock-${uuidv7()}`);
  opened.push(db);
  await setUpAppLock(device, { userId: MEMBER_ID, dbName: db.name }, PIN, PASSWORD, { iterations: 1000 });
  lockDatabase(db.name);
  return { device, db };
}

describe('data key wrapping', () => {
  it('opens with the right secret only, and the opened key cannot be exported', async () => {
    const key = await createDataKey();
    const wrapped = await wrapDataKey(key, PIN);
    expect(wrapped.iterations).toBe(PBKDF2_ITERATIONS);
    expect(await unwrapDataKey(wrapped, '135790')).toBeNull();
    const opened = await unwrapDataKey(wrapped, PIN);
    expect(opened?.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', opened!)).rejects.toThrow();
  });
});

describe('the app lock', () => {
  it('stores only wrapped keys and unlocks with the PIN', async () => {
    const { device, db } = await phone();
    const record = await getAppLock(device, MEMBER_ID);
    expect(record).toMatchObject({ userId: MEMBER_ID, dbName: db.name, failedAttempts: 0 });
    expect(keyFor(db.name)).toBe('locked');
    expect(await unlockWithPin(device, MEMBER_ID, PIN)).toEqual({ status: 'unlocked' });
    expect(keyFor(db.name)).toBeInstanceOf(CryptoKey);
  });

  it('counts wrong PINs, forgets the count after the right one, and locks out after five in a row', async () => {
    const { device, db } = await phone();
    expect(await unlockWithPin(device, MEMBER_ID, '000000')).toEqual({ status: 'wrong', remaining: MAX_PIN_ATTEMPTS - 1 });
    expect(await unlockWithPin(device, MEMBER_ID, PIN)).toEqual({ status: 'unlocked' });
    lockDatabase(db.name);
    for (let attempt = 1; attempt < MAX_PIN_ATTEMPTS; attempt += 1) {
      expect(await unlockWithPin(device, MEMBER_ID, '111111')).toEqual({ status: 'wrong', remaining: MAX_PIN_ATTEMPTS - attempt });
    }
    expect(await unlockWithPin(device, MEMBER_ID, '111111')).toEqual({ status: 'locked-out' });
    expect(await unlockWithPin(device, MEMBER_ID, PIN)).toEqual({ status: 'locked-out' });
    expect(keyFor(db.name)).toBe('locked');
    expect((await getAppLock(device, MEMBER_ID))?.pin).toBeNull();
  });

  it('after a lockout, an online login opens the same key and a new PIN is set', async () => {
    const { device, db } = await phone();
    await unlockWithPin(device, MEMBER_ID, PIN);
    const tip = { ...validEntries.tip, id: uuidv7(), teamId: TEAM_ID, memberId: MEMBER_ID, content: 'Xe máy không giấy tờ ở bãi sông' };
    await putRecord(db, 'fieldLog', tip);
    lockDatabase(db.name);
    for (let attempt = 0; attempt < MAX_PIN_ATTEMPTS; attempt += 1) await unlockWithPin(device, MEMBER_ID, '999999');

    expect(await unlockWithPassword(device, MEMBER_ID, PASSWORD)).toBe('needs-setup');
    await setUpAppLock(device, { userId: MEMBER_ID, dbName: db.name }, '135790', PASSWORD, { iterations: 1000 });
    expect(await db.fieldLog.get(tip.id)).toMatchObject({ content: tip.content });
    lockDatabase(db.name);
    expect(await unlockWithPin(device, MEMBER_ID, '135790')).toEqual({ status: 'unlocked' });
    expect(Object.values(await rawText(db.name)).join('')).not.toContain(tip.content);
  });

  it('unlocks with the password of an online login; a changed password leaves the PIN to do it', async () => {
    const { device, db } = await phone();
    expect(await unlockWithPassword(device, MEMBER_ID, 'mat-khau-moi')).toBe('needs-pin');
    expect(keyFor(db.name)).toBe('locked');
    expect(await unlockWithPassword(device, MEMBER_ID, PASSWORD)).toBe('unlocked');
    expect(keyFor(db.name)).toBeInstanceOf(CryptoKey);
  });

  it('seals what the account held in clear before it had a PIN', async () => {
    const device = new DeviceDatabase(`lock-device-${uuidv7()}`);
    const db = new AnttDatabase(`lock-${uuidv7()}`);
    opened.push(db);
    const tip = { ...validEntries.tip, id: uuidv7(), teamId: TEAM_ID, memberId: MEMBER_ID, content: 'Người lạ dò hỏi nhà vắng chủ' };
    await putRecord(db, 'fieldLog', tip);
    expect(Object.values(await rawText(db.name)).join('')).toContain(tip.content);
    await setUpAppLock(device, { userId: MEMBER_ID, dbName: db.name }, PIN, PASSWORD, { iterations: 1000 });
    expect(Object.values(await rawText(db.name)).join('')).not.toContain(tip.content);
    expect(await db.fieldLog.get(tip.id)).toMatchObject({ content: tip.content });
  });
});
