// Shrinking a photo: the long side fits 1600 px, and quality then size step down until the JPEG
// fits 300 KB (the canvas encoder is replaced by one whose output size follows its inputs).
import { describe, expect, it } from 'vitest';
import { encodeUnder, fitWithin, PHOTO_MAX_BYTES } from '#src/client/features/entries/photo-shrink.ts';

describe('fitWithin', () => {
  it('scales the long side down to 1600 px, keeps proportions, never enlarges', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });
});

describe('encodeUnder', () => {
  /** A JPEG of about 0.4 bytes per pixel per quality step: big photos need smaller sizes. */
  const encode = async (size: { width: number; height: number }, quality: number) =>
    new Blob([new Uint8Array(Math.round(size.width * size.height * quality * 0.4))]);

  it('returns the first encoding under the limit, lowering quality before size', async () => {
    const small = await encodeUnder(encode, { width: 1000, height: 750 });
    expect(small.blob.size).toBeLessThanOrEqual(PHOTO_MAX_BYTES);
    expect(small).toMatchObject({ width: 1000, height: 750 });

    const big = await encodeUnder(encode, { width: 1600, height: 1200 });
    expect(big.blob.size).toBeLessThanOrEqual(PHOTO_MAX_BYTES);
    expect(big.width).toBeLessThan(1600);
    expect(big.width / big.height).toBeCloseTo(4 / 3, 1);
  });
});
