// @vitest-environment node
// Photos travel after the records, against the real server (buildApp + PGlite through
// app.inject): uploaded once their entry is there, each on its own, retried with the runner's
// backoff; another device of the team fetches them when it opens the entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '#src/shared/domain/account.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { AnttDatabase, PhotoRow } from '#src/client/db/database.ts';
import { addPhoto } from '#src/client/db/photo-repository.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { getSyncStatus } from '#src/client/db/sync-state-repository.ts';
import { SyncError } from '#src/client/sync/http-transport.ts';
import { downloadPhotos } from '#src/client/sync/photo-download.ts';
import { uploadWaitingPhotos } from '#src/client/sync/photo-upload.ts';
import type { PhotoTransport } from '#src/client/sync/photo-transport.ts';
import { syncOnce } from '#src/client/sync/sync-engine.ts';
import { createSyncRunner } from '#src/client/sync/sync-runner.ts';
import { memberLog, openDevice } from './support/devices.ts';
import { ManualTimers } from './support/manual-timers.ts';
import { devicePhotoTransport, login, resetSyncState, serverTeamLogs, startTestServer, type TestServer } from './support/server-harness.ts';

let server: TestServer;
let member: LoginResponse;
let leader: LoginResponse;
let householdIds: string[];

beforeAll(async () => {
  server = await startTestServer();
  member = await login(server, 'tovien');
  leader = await login(server, 'totruong');
  const scopes = member.profile.hamlets.map((hamlet) => `unit:${hamlet.id}`);
  const rows = await server.database.query<{ id: string }>(
    `SELECT id::text FROM records WHERE collection = 'household' AND scope = ANY($1::text[]) ORDER BY id LIMIT 1`, [scopes]);
  householdIds = rows.map((row) => row.id);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** A JPEG-looking photo of `size` bytes filled with `fill`, stored on the device for `entryId`. */
async function takePhoto(db: AnttDatabase, entryId: string, fill: number, start = [0xff, 0xd8, 0xff, 0xe0], size = 50_000): Promise<PhotoRow> {
  const bytes = new Uint8Array(size).fill(fill);
  bytes.set(start);
  const photo: PhotoRow = {
    id: uuidv7(), entryId, blob: new Blob([bytes], { type: 'image/jpeg' }), width: 800, height: 600,
    bytes: size, createdAt: new Date().toISOString(), uploadedAt: null,
  };
  await addPhoto(db, photo);
  return photo;
}

async function serverPhotoBytes(id: string): Promise<Uint8Array | undefined> {
  const rows = await server.database.query<{ data: Uint8Array }>('SELECT data FROM photos WHERE id = $1', [id]);
  return rows[0] ? new Uint8Array(rows[0].data) : undefined;
}

async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

describe('photos with the real server', () => {
  it('uploads the photos of a saved entry after it, leaves a draft\'s photo, and another phone of the team fetches them', async () => {
    await resetSyncState(server);
    const phone = await openDevice(server, member, 'photo-phone');
    const log = memberLog(member, householdIds);
    const first = await takePhoto(phone.db, log.id, 1);
    const second = await takePhoto(phone.db, log.id, 2);
    const draftOnly = await takePhoto(phone.db, uuidv7(), 3);
    await putRecord(phone.db, 'fieldLog', { ...log, photoIds: [first.id, second.id] });

    const timers = new ManualTimers();
    const runner = createSyncRunner({ db: phone.db, transport: phone.transport, photos: devicePhotoTransport(server, phone.db), timers, events: null });
    runner.start();
    await runner.whenIdle();
    runner.stop();

    expect((await getSyncStatus(phone.db)).lastError).toBeNull();
    expect(await serverPhotoBytes(first.id)).toEqual(await blobBytes(first.blob));
    expect(await serverPhotoBytes(second.id)).toEqual(await blobBytes(second.blob));
    expect(await serverPhotoBytes(draftOnly.id)).toBeUndefined();
    const rows = await phone.db.photos.toArray();
    expect(rows.filter((row) => row.uploadedAt !== null).map((row) => row.id).sort()).toEqual([first.id, second.id].sort());

    const leaderPhone = await openDevice(server, leader, 'photo-leader');
    await syncOnce(leaderPhone.db, leaderPhone.transport);
    const pulled = await leaderPhone.db.fieldLog.get(log.id);
    expect(pulled?.photoIds).toEqual([first.id, second.id]);
    expect(await leaderPhone.db.photos.count()).toBe(0);
    const missing = await downloadPhotos(leaderPhone.db, devicePhotoTransport(server, leaderPhone.db), log.id, pulled!.photoIds);
    expect(missing).toEqual([]);
    const fetched = await leaderPhone.db.photos.get(first.id);
    expect(fetched).toMatchObject({ entryId: log.id, width: 800, height: 600, bytes: 50_000 });
    expect(await blobBytes(fetched!.blob)).toEqual(await blobBytes(first.blob));
  });

  it('sends the records even when photos cannot go, and retries the photos with the backoff', async () => {
    await resetSyncState(server);
    const phone = await openDevice(server, member, 'photo-offline');
    const log = memberLog(member, householdIds);
    const photo = await takePhoto(phone.db, log.id, 4);
    await putRecord(phone.db, 'fieldLog', { ...log, photoIds: [photo.id] });
    let isPhotoNetworkDown = true;
    const real = devicePhotoTransport(server, phone.db);
    const flaky: PhotoTransport = {
      uploadPhoto: (upload) => (isPhotoNetworkDown ? Promise.reject(new SyncError('network', null)) : real.uploadPhoto(upload)),
      downloadPhoto: (id) => real.downloadPhoto(id),
    };
    const timers = new ManualTimers();
    const runner = createSyncRunner({ db: phone.db, transport: phone.transport, photos: flaky, timers, events: null, random: () => 0.5 });
    runner.start();
    await runner.whenIdle();

    expect(await serverTeamLogs(server)).toEqual([{ ...log, photoIds: [photo.id] }]);
    const status = await getSyncStatus(phone.db);
    expect(status.lastError?.reason).toBe('network');
    expect(status.nextRetryAt).not.toBeNull();
    expect((await phone.db.photos.get(photo.id))?.uploadedAt).toBeNull();

    isPhotoNetworkDown = false;
    timers.fireAll();
    await runner.whenIdle();
    runner.stop();
    expect((await getSyncStatus(phone.db)).lastError).toBeNull();
    expect((await phone.db.photos.get(photo.id))?.uploadedAt).not.toBeNull();
    expect(await serverPhotoBytes(photo.id)).toEqual(await blobBytes(photo.blob));
  });

  it('sets a refused photo aside with the server\'s words and still uploads the others', async () => {
    await resetSyncState(server);
    const phone = await openDevice(server, member, 'photo-refused');
    const log = memberLog(member, householdIds);
    const notAnImage = await takePhoto(phone.db, log.id, 5, [0x47, 0x49, 0x46, 0x38]);
    const good = await takePhoto(phone.db, log.id, 6);
    await putRecord(phone.db, 'fieldLog', { ...log, photoIds: [notAnImage.id, good.id] });
    await syncOnce(phone.db, phone.transport);

    const result = await uploadWaitingPhotos(phone.db, devicePhotoTransport(server, phone.db));
    expect(result).toEqual({ uploaded: 1, refused: 1, waiting: 0 });
    expect(await phone.db.photos.get(notAnImage.id)).toMatchObject({ uploadedAt: null, uploadError: 'Tệp này không phải ảnh JPEG, PNG hoặc WebP.' });
    expect(await serverPhotoBytes(good.id)).toEqual(await blobBytes(good.blob));
    expect(await uploadWaitingPhotos(phone.db, devicePhotoTransport(server, phone.db))).toEqual({ uploaded: 0, refused: 0, waiting: 0 });
  });

  it('keeps a photo waiting while its entry is still in the outbox', async () => {
    await resetSyncState(server);
    const phone = await openDevice(server, member, 'photo-waiting');
    const log = memberLog(member, householdIds);
    const photo = await takePhoto(phone.db, log.id, 7);
    await putRecord(phone.db, 'fieldLog', { ...log, photoIds: [photo.id] });
    expect(await uploadWaitingPhotos(phone.db, devicePhotoTransport(server, phone.db))).toEqual({ uploaded: 0, refused: 0, waiting: 0 });
    expect(await serverPhotoBytes(photo.id)).toBeUndefined();
  });
});
