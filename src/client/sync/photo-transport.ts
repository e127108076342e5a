/**
 * Photos over HTTP, apart from push and pull: one whole-photo PUT per photo (with the entry that
 * names it and the SHA-256 of its bytes, so the server stores it whole or refuses it, and a
 * repeated upload is harmless) and one GET to fetch a photo this device lacks. Failures are
 * `SyncError`s like the sync transport's; nothing here retries (photo-upload.ts and the runner do).
 */
import { photoHeaders, photoPath } from '#src/shared/domain/photo.ts';
import { APP_HEADER } from '#src/shared/domain/app-header.ts';
import { errorFromAnswer, sessionHeaders, SyncError, type HttpTransportOptions } from './http-transport.ts';

export interface PhotoUpload {
  id: string;
  entryId: string;
  blob: Blob;
  width: number;
  height: number;
}

export interface DownloadedPhoto {
  blob: Blob;
  width: number;
  height: number;
}

export interface PhotoTransport {
  /** Resolves once the server holds exactly these bytes under the id. */
  uploadPhoto(photo: PhotoUpload): Promise<void>;
  downloadPhoto(id: string): Promise<DownloadedPhoto>;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Lowercase hex SHA-256: WebCrypto where the page is a secure context, else @noble/hashes (loaded on demand). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = globalThis.crypto?.subtle
    ? new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes))
    : (await import('@noble/hashes/sha2.js')).sha256(bytes);
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createHttpPhotoTransport(options: HttpTransportOptions): PhotoTransport {
  const baseUrl = options.baseUrl ?? '';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function send(path: string, init: RequestInit): Promise<Response> {
    const session = await options.getSession();
    if (!session) throw new SyncError('unauthorized', null, 'Chưa đăng nhập, hãy đăng nhập để đồng bộ');
    // The HttpOnly cookie carries the session; a device signed in before it still holds a token.
    const auth = sessionHeaders(session);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await fetchImpl(`${baseUrl}${path}`, { ...init, headers: { ...init.headers, [APP_HEADER]: '1', ...auth }, signal: controller.signal });
      if (!response.ok) throw errorFromAnswer(response.status, await response.json().catch(() => undefined), path);
      // Read the whole body before the timer stops: a half-read photo is a failure, not a photo.
      return new Response(await response.arrayBuffer(), { status: response.status, headers: response.headers });
    } catch (error) {
      if (error instanceof SyncError) throw error;
      throw new SyncError(timedOut ? 'timeout' : 'network', null);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async uploadPhoto(photo) {
      const bytes = new Uint8Array(await photo.blob.arrayBuffer());
      await send(photoPath(photo.id), {
        method: 'PUT',
        body: bytes,
        headers: {
          'content-type': photo.blob.type || 'image/jpeg',
          [photoHeaders.entryId]: photo.entryId,
          [photoHeaders.sha256]: await sha256Hex(bytes),
          [photoHeaders.width]: String(photo.width),
          [photoHeaders.height]: String(photo.height),
        },
      });
    },
    async downloadPhoto(id) {
      const response = await send(photoPath(id), { method: 'GET' });
      const type = response.headers.get('content-type') ?? 'image/jpeg';
      const blob = new Blob([await response.arrayBuffer()], { type });
      const size = (name: string) => Number(response.headers.get(name)) || 0;
      return { blob, width: size(photoHeaders.width), height: size(photoHeaders.height) };
    },
  };
}
