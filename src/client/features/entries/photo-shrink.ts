/**
 * Shrinking a photo on the phone before it is stored: the long side at most 1600 px and the JPEG
 * at most 300 KB, so that a member's own mobile data carries it. A phone camera's 4 MB photo
 * becomes about 200 KB. Decoding uses createImageBitmap (EXIF orientation applied), encoding a
 * canvas; quality steps down, then the size, until the JPEG fits.
 */
export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_MAX_BYTES = 300_000;

const QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45];

/** The size that fits `maxSide` on its long side, keeping the proportions; never enlarged. */
export function fitWithin(width: number, height: number, maxSide: number = PHOTO_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export interface ShrunkPhoto {
  blob: Blob;
  width: number;
  height: number;
}

type Encode = (size: { width: number; height: number }, quality: number) => Promise<Blob>;

/**
 * The first encoding that fits `maxBytes`: each quality at the full size, then the same at
 * 80% of the size, and so on. Gives the smallest attempt when nothing fits (a 1-pixel image).
 */
export async function encodeUnder(encode: Encode, size: { width: number; height: number }, maxBytes: number = PHOTO_MAX_BYTES): Promise<ShrunkPhoto> {
  let current = size;
  let smallest: ShrunkPhoto | null = null;
  for (let round = 0; round < 6; round += 1) {
    for (const quality of QUALITIES) {
      const blob = await encode(current, quality);
      if (blob.size <= maxBytes) return { blob, ...current };
      if (!smallest || blob.size < smallest.blob.size) smallest = { blob, ...current };
    }
    current = { width: Math.max(1, Math.round(current.width * 0.8)), height: Math.max(1, Math.round(current.height * 0.8)) };
  }
  return smallest as ShrunkPhoto;
}

/** Decodes a camera or gallery file and encodes it as a small JPEG. */
export async function shrinkPhoto(file: Blob): Promise<ShrunkPhoto> {
  const bitmap = await createImageBitmap(file);
  try {
    const size = fitWithin(bitmap.width, bitmap.height);
    return await encodeUnder(async ({ width, height }, quality) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('canvas 2d unavailable');
      context.drawImage(bitmap, 0, 0, width, height);
      return new Promise<Blob>((resolve, reject) => {
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', quality);
      });
    }, size);
  } finally {
    bitmap.close();
  }
}
