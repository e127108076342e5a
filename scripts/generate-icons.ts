/**
 * Draws the app icons (a red shield with a yellow star) as PNG files with node:zlib only, so
 * the icons can be regenerated without an image tool: `npx tsx scripts/generate-icons.ts`.
 * Writes public/icons/icon-192.png, icon-512.png and icon-maskable-512.png (the maskable one
 * keeps the emblem inside the 80% safe zone on a full red background).
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
type Point = [number, number];

const RED: Rgba = [0x9f, 0x1d, 0x20, 255];
const YELLOW: Rgba = [0xff, 0xd2, 0x3f, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x += 1) {
      const offset = y * (size * 4 + 1) + 1 + x * 4;
      const [r, g, b, a] = pixel(x, y);
      raw[offset] = r;
      raw[offset + 1] = g;
      raw[offset + 2] = b;
      raw[offset + 3] = a;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function insidePolygon([x, y]: Point, polygon: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A shield in a unit square: flat top with shoulders, sides, and a rounded point at the bottom. */
function insideShield(u: number, v: number): boolean {
  if (u < 0.11 || u > 0.89 || v < 0.05 || v > 0.95) return false;
  const top = 0.05 + 0.12 * (Math.abs(u - 0.5) / 0.39); // the top rises to a peak in the middle
  if (v < top) return false;
  if (v < 0.47) return true;
  // Lower half: the sides curve in to the point at (0.5, 0.95).
  const t = (v - 0.47) / 0.48;
  const halfWidth = 0.39 * Math.cos((t * Math.PI) / 2);
  return Math.abs(u - 0.5) <= halfWidth;
}

function star(cx: number, cy: number, outer: number): Point[] {
  const inner = outer * 0.382;
  return Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)] as Point;
  });
}

/** Samples 4×4 points per pixel for smooth edges. */
function drawEmblem(size: number, options: { scale: number; background: Rgba }): Buffer {
  const starPoints = star(0.5, 0.47, 0.27);
  const samples = 4;
  return encodePng(size, (x, y) => {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < samples; sy += 1) {
      for (let sx = 0; sx < samples; sx += 1) {
        const u = ((x + (sx + 0.5) / samples) / size - 0.5) / options.scale + 0.5;
        const v = ((y + (sy + 0.5) / samples) / size - 0.5) / options.scale + 0.5;
        const color = insidePolygon([u, v], starPoints) && insideShield(u, v) ? YELLOW
          : insideShield(u, v) ? RED : options.background;
        r += color[0] * color[3];
        g += color[1] * color[3];
        b += color[2] * color[3];
        a += color[3];
      }
    }
    if (a === 0) return CLEAR;
    return [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round(a / (samples * samples))];
  });
}

const outDir = new URL('../public/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', outDir), drawEmblem(192, { scale: 1, background: CLEAR }));
writeFileSync(new URL('icon-512.png', outDir), drawEmblem(512, { scale: 1, background: CLEAR }));
// Maskable: launchers crop to a circle or squircle; the emblem stays within the safe zone.
writeFileSync(new URL('icon-maskable-512.png', outDir), drawEmblem(512, {
  scale: 0.7,
  background: WHITE,
}));
console.info('Wrote public/icons/icon-192.png, icon-512.png, icon-maskable-512.png');
