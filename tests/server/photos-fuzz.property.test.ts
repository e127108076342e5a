// The photo routes under generated requests: random and image-looking bytes, every content type
// (image ones included, with odd parameters), good, missing and broken entry ids, hashes and
// sizes, good and bad path ids, signed in or not. Every answer is a 2xx or a 4xx in the error
// shape, never a 5xx; and nothing but a well-formed upload of a named photo stores a row.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { photoHeaders, photoPath } from '#src/shared/domain/photo.ts';
import { errorResponseSchema } from '#src/shared/sync/protocol.ts';
import { teamEntry } from '../support/entry-builders.ts';
import { pathIds } from '../support/request-fuzz.ts';
import { demoApp, login, push, putMutation, type Session } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const imageTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/JPEG', 'image/jpeg; charset=binary', 'image/gif', 'application/octet-stream', 'application/json', 'text/plain', null];
const starts = [[0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50], [0x47, 0x49, 0x46], []];

forEachDatabase('the photo routes under fuzzing', (getDb) => {
  let app: FastifyInstance;
  let member: Session;
  let entryId: string;
  let photoIds: string[];

  beforeAll(async () => {
    app = await demoApp(getDb());
    member = await login(app, 'tovien');
    photoIds = [uuidv7(), uuidv7()];
    const entry = teamEntry('incident', member.profile.user.id, { photoIds });
    entryId = entry.id;
    await push(app, member, uuidv7(), [putMutation(1, 'fieldLog', entry)]);
  });

  it('answers every request with a 2xx or a 4xx in the error shape, and stores only named photos', async () => {
    const request = fc.record({
      method: fc.constantFrom('PUT', 'GET'),
      id: fc.oneof(fc.constantFrom(...photoIds), pathIds([uuidv7()])),
      start: fc.constantFrom(...starts),
      rest: fc.uint8Array({ maxLength: 3000 }),
      type: fc.constantFrom(...imageTypes),
      entry: fc.constantFrom('real', 'random', 'garbage', 'missing'),
      hash: fc.constantFrom('right', 'wrong', 'garbage', 'missing'),
      width: fc.constantFrom('1600', '-1', 'abc', '1e9', undefined),
      isSignedIn: fc.boolean(),
    });
    await fc.assert(fc.asyncProperty(request, async (r) => {
      const bytes = Buffer.concat([Buffer.from(r.start), Buffer.from(r.rest)]);
      const headers: Record<string, string> = {};
      if (r.isSignedIn) Object.assign(headers, member.headers);
      if (r.type) headers['content-type'] = r.type;
      if (r.entry !== 'missing') headers[photoHeaders.entryId] = r.entry === 'real' ? entryId : r.entry === 'random' ? uuidv7() : 'không-phải-mã';
      if (r.hash !== 'missing') headers[photoHeaders.sha256] = r.hash === 'right' ? createHash('sha256').update(bytes).digest('hex') : r.hash === 'wrong' ? 'a'.repeat(64) : 'xyz';
      if (r.width) headers[photoHeaders.width] = r.width;
      const answer = await app.inject({ method: r.method, url: photoPath(r.id), headers, ...(r.method === 'PUT' ? { payload: bytes } : {}) });
      expect(answer.statusCode, answer.body).toBeLessThan(500);
      if (answer.statusCode >= 400) expect(errorResponseSchema.safeParse(answer.json()).success).toBe(true);
    }), { numRuns: RUNS });
    const stored = await getDb().query<{ id: string; entry_id: string }>('SELECT id::text, entry_id::text FROM photos');
    for (const row of stored) {
      expect(photoIds).toContain(row.id);
      expect(row.entry_id).toBe(entryId);
    }
  });
});
