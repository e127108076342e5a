/**
 * Photos over a bad network, between the real client (Dexie on fake-indexeddb, the photo
 * transport with Node's fetch) and the server process, through the faulty TCP proxy:
 * - an upload cut midway stores nothing (the server never keeps half a photo), and the retry
 *   stores it whole;
 * - with connections reset, cut and answers lost at random, every photo ends on the server once,
 *   byte for byte, and a teammate's phone fetches each of them.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getSession } from '#src/client/db/session-repository.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import type { AnttDatabase, PhotoRow } from '#src/client/db/database.ts';
import { SyncError } from '#src/client/sync/http-transport.ts';
import { downloadPhotos } from '#src/client/sync/photo-download.ts';
import { uploadWaitingPhotos } from '#src/client/sync/photo-upload.ts';
import { createHttpPhotoTransport, type PhotoTransport } from '#src/client/sync/photo-transport.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { FaultyProxy } from '../support/tcp-proxy.ts';
import { loginOverHttp, openHttpDevice, syncUntilDone, teamLog, type HttpDevice } from './support/http-devices.ts';
import { createServerStorage, forEachEngine, type ServerStorage } from './support/server-storage.ts';

function photoTransport(baseUrl: string, db: AnttDatabase): PhotoTransport {
  return createHttpPhotoTransport({ baseUrl, getSession: () => getSession(db), timeoutMs: 2_000 });
}

/** An entry of the phone's user naming `count` photos of ~100 KB of JPEG-looking bytes. */
async function entryWithPhotos(phone: HttpDevice, count: number): Promise<{ entryId: string; photos: PhotoRow[] }> {
  const log = teamLog(phone.session);
  const photos = Array.from({ length: count }, (): PhotoRow => {
    const bytes = randomBytes(100_000);
    bytes.set([0xff, 0xd8, 0xff, 0xe0]);
    return { id: uuidv7(), entryId: log.id, blob: new Blob([bytes], { type: 'image/jpeg' }), width: 1600, height: 1200, bytes: bytes.length, createdAt: new Date().toISOString(), uploadedAt: null };
  });
  await phone.db.photos.bulkAdd(photos);
  await putRecord(phone.db, 'fieldLog', { ...log, photoIds: photos.map((photo) => photo.id) });
  return { entryId: log.id, photos };
}

async function bytesOf(blob: Blob): Promise<Buffer> {
  return Buffer.from(await blob.arrayBuffer());
}

forEachEngine('photos over a flaky network', (kind) => {
  let storage: ServerStorage;
  let server: RunningServer;
  let proxy: FaultyProxy;

  beforeAll(async () => {
    storage = await createServerStorage(kind);
    server = await startServer(storage.env);
    proxy = new FaultyProxy({ targetPort: Number(new URL(server.url).port), seed: 9, weights: { pass: 1 } });
    await proxy.listen();
  });

  /** A teammate's phone (device databases are deleted after each test). */
  const openTeammate = async () => openHttpDevice(server.url, await loginOverHttp(server.url, 'tovien2'), 'teammate');
  afterAll(async () => {
    await proxy?.close();
    await server?.stop('SIGKILL');
    await storage?.dispose();
  });

  it('stores nothing of an upload cut midway, and the whole photo on the retry', async () => {
    const phone = await openHttpDevice(proxy.url, await loginOverHttp(server.url, 'tovien'), 'phone');
    const { entryId, photos } = await entryWithPhotos(phone, 1);
    await syncUntilDone(phone);
    const transport = photoTransport(proxy.url, phone.db);
    const teammate = await openTeammate();

    proxy.force('cut-request');
    await expect(uploadWaitingPhotos(phone.db, transport)).rejects.toBeInstanceOf(SyncError);
    expect((await phone.db.photos.get(photos[0]!.id))?.uploadedAt).toBeNull();
    await syncUntilDone(teammate);
    expect(await downloadPhotos(teammate.db, photoTransport(server.url, teammate.db), entryId, [photos[0]!.id])).toEqual([photos[0]!.id]);

    expect(await uploadWaitingPhotos(phone.db, transport)).toEqual({ uploaded: 1, refused: 0, waiting: 0 });
    expect(await downloadPhotos(teammate.db, photoTransport(server.url, teammate.db), entryId, [photos[0]!.id])).toEqual([]);
    expect(await bytesOf((await teammate.db.photos.get(photos[0]!.id))!.blob)).toEqual(await bytesOf(photos[0]!.blob));
  });

  it('gets every photo to the server once, whole, while connections fail at random', async () => {
    await proxy.close();
    proxy = new FaultyProxy({
      targetPort: Number(new URL(server.url).port), seed: 2026,
      weights: { pass: 3, reset: 1, 'cut-request': 2, 'drop-response': 1, 'cut-response': 1 },
    });
    await proxy.listen();
    const phone = await openHttpDevice(proxy.url, await loginOverHttp(server.url, 'tovien'), 'flaky-phone', { timeoutMs: 2_000 });
    const entries = [await entryWithPhotos(phone, 3), await entryWithPhotos(phone, 2)];
    const transport = photoTransport(proxy.url, phone.db);
    let failures = 0;
    for (let attempt = 0; attempt < 200; attempt += 1) {
      try {
        await syncUntilDone(phone, { onFailure: () => (failures += 1), pauseMs: 10 });
        await uploadWaitingPhotos(phone.db, transport);
        if ((await phone.db.photos.filter((photo) => photo.uploadedAt === null).count()) === 0) break;
      } catch (error) {
        if (!(error instanceof SyncError)) throw error;
        failures += 1;
      }
    }
    console.info(`[${kind}] ${failures} failed runs retried; fates ${JSON.stringify(proxy.counts)}`);
    expect(await phone.db.photos.filter((photo) => photo.uploadedAt === null).count()).toBe(0);
    expect(failures).toBeGreaterThan(0);

    const teammate = await openTeammate();
    await syncUntilDone(teammate);
    for (const { entryId, photos } of entries) {
      const ids = photos.map((photo) => photo.id);
      expect(await downloadPhotos(teammate.db, photoTransport(server.url, teammate.db), entryId, ids)).toEqual([]);
      for (const photo of photos) expect(await bytesOf((await teammate.db.photos.get(photo.id))!.blob)).toEqual(await bytesOf(photo.blob));
    }
  });
});
