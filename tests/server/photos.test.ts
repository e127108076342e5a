// Entry photos travel apart from records: PUT by id after the entry that names them, GET for
// whoever may read that entry. Asserted through HTTP answers and the rows of `photos`.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { PHOTO_MAX_BYTES, photoHeaders, photoPath } from '#src/shared/domain/photo.ts';
import { pushResponseSchema } from '#src/shared/sync/protocol.ts';
import { teamEntry } from '../support/entry-builders.ts';
import { addTeamAp3Member, demoApp, login, push, putMutation, type Session } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const JPEG_START = [0xff, 0xd8, 0xff, 0xe0];
const PNG_START = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Bytes that begin like a real image of the type and go on with `fill`. */
function imageBytes(start: number[], size = 2048, fill = 7): Buffer {
  const bytes = Buffer.alloc(size, fill);
  Buffer.from(start).copy(bytes);
  return bytes;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

forEachDatabase('entry photos', (getDb) => {
  let app: FastifyInstance;
  let member: Session;
  let teammate: Session;
  let leader: Session;
  let police: Session;
  let otherTeam: Session;

  beforeAll(async () => {
    app = await demoApp(getDb());
    await addTeamAp3Member(getDb());
    [member, teammate, leader, police, otherTeam] = await Promise.all([
      login(app, 'tovien'), login(app, 'tovien2'), login(app, 'totruong'), login(app, 'congan'), login(app, 'tovien3'),
    ]);
  });

  /** Pushes an entry of `kind` by `author` naming one new photo id; returns both ids. */
  async function entryWithPhoto(author: Session, kind: 'incident' | 'tip' = 'incident'): Promise<{ entryId: string; photoId: string }> {
    const photoId = uuidv7();
    const entry = teamEntry(kind, author.profile.user.id, { photoIds: [photoId] });
    const { body } = await push(app, author, uuidv7(), [putMutation(1, 'fieldLog', entry)]);
    expect(pushResponseSchema.parse(body).rejected).toEqual([]);
    return { entryId: entry.id, photoId };
  }

  function upload(session: Session | null, photoId: string, entryId: string, bytes: Buffer, options: { type?: string; hash?: string } = {}) {
    return app.inject({
      method: 'PUT',
      url: photoPath(photoId),
      headers: {
        ...(session ? session.headers : {}),
        'content-type': options.type ?? 'image/jpeg',
        [photoHeaders.entryId]: entryId,
        [photoHeaders.sha256]: options.hash ?? sha256(bytes),
        [photoHeaders.width]: '1600',
        [photoHeaders.height]: '1200',
      },
      payload: bytes,
    });
  }

  const download = (session: Session, photoId: string) => app.inject({ method: 'GET', url: photoPath(photoId), headers: session.headers });
  const storedCount = async (photoId: string) =>
    (await getDb().query<{ count: number }>('SELECT count(*)::int AS count FROM photos WHERE id = $1', [photoId]))[0]!.count;

  it('stores the author\'s photo once, whole, and serves the same bytes to the team', async () => {
    const { entryId, photoId } = await entryWithPhoto(member);
    const bytes = imageBytes(JPEG_START, 250_000);
    expect((await upload(member, photoId, entryId, bytes)).statusCode).toBe(200);
    // A retry after a lost answer is harmless.
    expect((await upload(member, photoId, entryId, bytes)).statusCode).toBe(200);
    const rows = await getDb().query<{ bytes: number; content_type: string; width: number; entry_id: string }>(
      'SELECT bytes, content_type, width, entry_id::text FROM photos WHERE id = $1', [photoId]);
    expect(rows).toEqual([{ bytes: 250_000, content_type: 'image/jpeg', width: 1600, entry_id: entryId }]);

    for (const reader of [member, teammate, leader, police]) {
      const answer = await download(reader, photoId);
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('image/jpeg');
      expect(answer.headers[photoHeaders.height]).toBe('1200');
      expect(answer.rawPayload.equals(bytes)).toBe(true);
    }
    expect((await download(otherTeam, photoId)).statusCode).toBe(403);
  });

  it('refuses other bytes under a stored id', async () => {
    const { entryId, photoId } = await entryWithPhoto(member);
    expect((await upload(member, photoId, entryId, imageBytes(JPEG_START, 4000, 1))).statusCode).toBe(200);
    const other = await upload(member, photoId, entryId, imageBytes(JPEG_START, 4000, 2));
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ error: { reason: 'conflict' } });
    expect((await download(member, photoId)).rawPayload.equals(imageBytes(JPEG_START, 4000, 1))).toBe(true);
  });

  it('takes photos only for a pushed entry that names them, from its author or its leader', async () => {
    const { entryId, photoId } = await entryWithPhoto(member);
    const bytes = imageBytes(JPEG_START);
    expect((await upload(member, uuidv7(), entryId, bytes)).statusCode).toBe(404);
    expect((await upload(member, photoId, uuidv7(), bytes)).statusCode).toBe(404);
    expect((await upload(teammate, photoId, entryId, bytes)).statusCode).toBe(403);
    expect((await upload(otherTeam, photoId, entryId, bytes)).statusCode).toBe(403);
    expect((await upload(police, photoId, entryId, bytes)).statusCode).toBe(403);
    expect((await upload(null, photoId, entryId, bytes)).statusCode).toBe(401);
    expect(await storedCount(photoId)).toBe(0);
    expect((await upload(leader, photoId, entryId, bytes)).statusCode).toBe(200);
  });

  it('refuses what is not an allowed image, too large, or damaged on the way, storing nothing', async () => {
    const { entryId, photoId } = await entryWithPhoto(member);
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(100)]);
    const answers = [
      await upload(member, photoId, entryId, gif),
      await upload(member, photoId, entryId, gif, { type: 'image/gif' }),
      await upload(member, photoId, entryId, imageBytes(PNG_START)),
      await upload(member, photoId, entryId, imageBytes(JPEG_START, PHOTO_MAX_BYTES + 1)),
      await upload(member, photoId, entryId, imageBytes(JPEG_START), { hash: sha256(imageBytes(JPEG_START, 10)) }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([415, 415, 415, 413, 400]);
    for (const answer of answers) expect(answer.json()).toMatchObject({ error: { reason: expect.any(String), message: expect.any(String) } });
    expect(await storedCount(photoId)).toBe(0);
    expect((await upload(member, photoId, entryId, imageBytes(PNG_START), { type: 'image/png' })).statusCode).toBe(200);
  });

  describe('a tip\'s photo', () => {
    it('is read by its author, the leader and commune police only', async () => {
      const { entryId, photoId } = await entryWithPhoto(member, 'tip');
      expect((await upload(member, photoId, entryId, imageBytes(JPEG_START))).statusCode).toBe(200);
      const statuses = await Promise.all([member, leader, police, teammate, otherTeam].map(async (reader) => (await download(reader, photoId)).statusCode));
      expect(statuses).toEqual([200, 200, 200, 403, 403]);
    });
  });

  it('answers 404 for a photo nobody uploaded', async () => {
    const answer = await download(member, uuidv7());
    expect(answer.statusCode).toBe(404);
    expect(answer.json()).toMatchObject({ error: { reason: 'not-found' } });
  });
});
