// An entry's photos say where each stands (waiting, sent, refused with the server's words), and
// a photo this phone lacks is fetched from the server when the entry is shown.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { PhotoRow } from '#src/client/db/database.ts';
import { PhotoList } from '#src/client/features/entries/widgets/photo-list.tsx';
import { SyncDetailsScreen } from '#src/client/features/sync-status/components/sync-details-screen.tsx';
import { setAppPhotoTransport } from '#src/client/sync/app-photo-transport.ts';
import type { PhotoTransport } from '#src/client/sync/photo-transport.ts';
import { SyncError } from '#src/client/sync/http-transport.ts';
import { freshDb, memberProfile, outreachLog, renderWithDb } from '../test-kit.tsx';

const entryId = uuidv7();

function photo(overrides: Partial<PhotoRow>): PhotoRow {
  return { id: uuidv7(), entryId, blob: new Blob([new Uint8Array(10)], { type: 'image/jpeg' }), width: 10, height: 10, bytes: 10,
    createdAt: new Date().toISOString(), uploadedAt: null, ...overrides };
}

beforeEach(() => {
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:photo', revokeObjectURL: () => undefined }));
});

afterEach(() => {
  setAppPhotoTransport(null);
});

it('tells, per photo, whether it waits, was sent, or was refused and why', async () => {
  const db = freshDb();
  const waiting = photo({});
  const sent = photo({ uploadedAt: new Date().toISOString() });
  const refused = photo({ uploadError: 'Ảnh quá lớn (tối đa 300 KB).' });
  await db.photos.bulkAdd([waiting, sent, refused]);
  renderWithDb(db, <PhotoList entryId={entryId} photoIds={[waiting.id, sent.id, refused.id]} shouldFetch />);
  await screen.findByText('Chờ gửi');
  const items = screen.getAllByRole('listitem');
  expect(items.map((item) => item.textContent)).toEqual(['Chờ gửi', 'Đã gửi', 'Không gửi được: Ảnh quá lớn (tối đa 300 KB).']);
  expect(screen.getAllByRole('img').map((image) => image.getAttribute('alt'))).toEqual(['Ảnh 1', 'Ảnh 2', 'Ảnh 3']);
});

it('fetches a photo the phone lacks, keeps it, and says so when the server cannot give one', async () => {
  const db = freshDb();
  const present = uuidv7();
  const absent = uuidv7();
  const downloadPhoto = vi.fn(async (id: string) => {
    if (id === absent) throw new SyncError('not-found', 404);
    return { blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }), width: 640, height: 480 };
  });
  const transport: PhotoTransport = { uploadPhoto: vi.fn(), downloadPhoto };
  setAppPhotoTransport(transport);
  renderWithDb(db, <PhotoList entryId={entryId} photoIds={[present, absent]} shouldFetch />);
  expect(await screen.findByRole('img', { name: 'Ảnh 1' })).toBeInTheDocument();
  expect(await screen.findByText('Chưa tải được ảnh (cần mạng)')).toBeInTheDocument();
  expect(await db.photos.get(present)).toMatchObject({ entryId, width: 640, height: 480, bytes: 3, uploadedAt: expect.any(String) });
  expect(screen.queryByRole('img', { name: 'Ảnh 2' })).toBeNull();
});

it('counts on the sync screen the photos of saved entries still to send, not a draft\'s nor a refused one', async () => {
  const db = freshDb();
  const profile = memberProfile();
  const log = outreachLog(profile.user.id);
  const [waiting, sent, refused] = [photo({ entryId: log.id }), photo({ entryId: log.id, uploadedAt: new Date().toISOString() }), photo({ entryId: log.id, uploadError: 'Ảnh quá lớn' })];
  const draftOnly = photo({ entryId: uuidv7() });
  await db.photos.bulkAdd([waiting, sent, refused, draftOnly]);
  await db.fieldLog.put({ ...log, photoIds: [waiting.id, sent.id, refused.id] });
  renderWithDb(db, <SyncDetailsScreen profile={profile} />);
  expect(await screen.findByText('Ảnh chờ gửi: 1')).toBeInTheDocument();
});
