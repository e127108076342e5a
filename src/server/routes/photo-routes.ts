/**
 * Photos of entries, apart from sync:
 * - PUT /api/photos/:id, body the image bytes (Content-Type image/jpeg, image/png or image/webp,
 *   at most PHOTO_MAX_BYTES), headers x-entry-id (the entry naming the photo) and
 *   x-content-sha256. Allowed to the entry's author, or the leader reviewing its team, once the
 *   entry (pushed first) names the photo. The type is checked on the bytes; the hash must match.
 *   Whole photo or nothing; the same bytes again are a 200, other bytes under the id a 409.
 * - GET /api/photos/:id: the bytes, to an account that may read the entry naming the photo now.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { insertPhoto, readEntryNamingPhoto, readPhoto } from '#src/server/db/photos-repository.ts';
import { ApiError } from '#src/server/plugins/api-errors.ts';
import { mayUploadEntryPhoto } from '#src/server/sync/write-rules.ts';
import { UUID_PATTERN } from '#src/shared/domain/ids.ts';
import { PHOTO_MAX_BYTES, photoContentTypes, photoHeaders, photoPath, photoRefusalMessages as messages, sniffPhotoType } from '#src/shared/domain/photo.ts';
import { idParam } from './parse-body.ts';
import type { RouteContext } from './route-context.ts';
import { createAccessLookup } from './sync-routes.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** A positive pixel count from a header, or null when absent or not one. */
function dimension(request: FastifyRequest, name: string): number | null {
  const value = Number(header(request, name));
  return Number.isInteger(value) && value > 0 && value <= 100_000 ? value : null;
}

/** The upload's bytes, checked: an image of an allowed type, as declared, with the declared hash. */
function checkedUpload(request: FastifyRequest): { bytes: Buffer; contentType: string; sha256: string; entryId: string } {
  const entryId = header(request, photoHeaders.entryId);
  const declaredHash = header(request, photoHeaders.sha256)?.toLowerCase();
  if (!entryId || !UUID_PATTERN.test(entryId) || !declaredHash || !SHA256_HEX.test(declaredHash)) {
    throw new ApiError(400, 'invalid-request', 'Thiếu mã nhật ký hoặc mã băm của ảnh.');
  }
  const bytes = request.body;
  if (!Buffer.isBuffer(bytes)) throw new ApiError(415, 'invalid-request', messages.badType);
  const contentType = (header(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (sniffPhotoType(bytes) !== contentType) throw new ApiError(415, 'invalid-request', messages.badType);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== declaredHash) throw new ApiError(400, 'invalid-request', messages.hashMismatch);
  return { bytes, contentType, sha256, entryId };
}

export function registerPhotoRoutes(app: FastifyInstance, context: RouteContext): void {
  const { database, now, authenticate } = context;
  const accessFor = createAccessLookup(database);
  const route = photoPath(':id');

  void app.register(async (scope) => {
    // Raw image bodies, for this route only; other types get Fastify's 415.
    scope.addContentTypeParser([...photoContentTypes], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_request, body, done) => done(null, body));

    scope.put(route, async (request, reply) => {
      const session = await authenticate(request);
      const id = idParam(request.params);
      const upload = checkedUpload(request);
      const entry = await readEntryNamingPhoto(database, upload.entryId, id);
      if (!entry) throw new ApiError(404, 'not-found', messages.notNamed);
      if (!mayUploadEntryPhoto(await accessFor(session), entry)) throw new ApiError(403, 'forbidden', messages.forbidden);
      const stored = await insertPhoto(database, {
        id, entryId: upload.entryId, contentType: upload.contentType, sha256: upload.sha256, data: upload.bytes,
        width: dimension(request, photoHeaders.width), height: dimension(request, photoHeaders.height),
        uploadedBy: session.account.id, uploadedAt: now(),
      });
      if (stored.sha256 !== upload.sha256 || stored.entryId !== upload.entryId) throw new ApiError(409, 'conflict', messages.otherBytes);
      return reply.status(200).send({ id, sha256: stored.sha256 });
    });

    scope.get(route, async (request, reply) => {
      const session = await authenticate(request);
      const id = idParam(request.params);
      const photo = await readPhoto(database, id);
      if (!photo) throw new ApiError(404, 'not-found', messages.notFound);
      const entry = await readEntryNamingPhoto(database, photo.entryId, id);
      if (!entry) throw new ApiError(404, 'not-found', messages.notFound);
      if (!(await accessFor(session)).readable.has(entry.scope)) throw new ApiError(403, 'forbidden', messages.notReadable);
      void reply.header('content-type', photo.contentType).header(photoHeaders.sha256, photo.sha256).header(photoHeaders.entryId, photo.entryId);
      if (photo.width) void reply.header(photoHeaders.width, String(photo.width));
      if (photo.height) void reply.header(photoHeaders.height, String(photo.height));
      return reply.send(Buffer.from(photo.data.buffer, photo.data.byteOffset, photo.data.byteLength));
    });
  });
}
