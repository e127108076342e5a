/**
 * Photos on the wire: an entry names its photos by id (`photoIds`); each photo travels apart from
 * the records, as one whole-photo PUT at `photoPath(id)` (idempotent: the same bytes again are
 * accepted, other bytes under the same id refused) and one GET to read it back. Pure: both the
 * phone and the server use these bounds and the type check.
 */

/** The largest photo the server stores; the phone shrinks every photo below it. */
export const PHOTO_MAX_BYTES = 300_000;

/** The image types a photo may be, recognised by their first bytes (never by the name or header alone). */
export const photoContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoContentType = (typeof photoContentTypes)[number];

/** Request and answer headers of a photo upload and download. */
export const photoHeaders = {
  /** The entry that names the photo (upload). */
  entryId: 'x-entry-id',
  /** Lowercase hex SHA-256 of the bytes (upload: checked by the server; download: as stored). */
  sha256: 'x-content-sha256',
  width: 'x-photo-width',
  height: 'x-photo-height',
} as const;

/** The URL of one photo, for PUT (upload) and GET (download). */
export function photoPath(id: string): string {
  return `/api/photos/${id}`;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((byte, index) => bytes[at + index] === byte);

/**
 * The image type the bytes really are (JPEG: FF D8 FF; PNG: its 8-byte signature; WebP: "RIFF",
 * a size, "WEBP"), or null for anything else.
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoContentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** Vietnamese words for a photo the server refused, shown beside the photo. */
export const photoRefusalMessages = {
  tooLarge: `Ảnh quá lớn (tối đa ${PHOTO_MAX_BYTES / 1000} KB).`,
  badType: 'Tệp này không phải ảnh JPEG, PNG hoặc WebP.',
  hashMismatch: 'Ảnh bị hỏng trên đường gửi. Ứng dụng sẽ gửi lại.',
  notNamed: 'Chưa có nhật ký nào trên máy chủ ghi tên ảnh này.',
  forbidden: 'Bạn không có quyền gửi ảnh cho nhật ký này.',
  otherBytes: 'Máy chủ đã có một ảnh khác với mã này.',
  notFound: 'Không tìm thấy ảnh trên máy chủ.',
  notReadable: 'Bạn không có quyền xem ảnh này.',
} as const;
