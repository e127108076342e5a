/**
 * Deterministic demo households: heads with realistic Vietnamese names (family names weighted
 * roughly as they occur in Vietnam), grouped in residential groups (tổ) of about 40 houses.
 * A seeded PRNG makes every fresh database identical, so screenshots, tests and the README agree.
 */
import { createHash } from 'node:crypto';
import type { Household } from '#src/shared/domain/household.ts';

/** mulberry32: tiny, fast, good enough for demo data (not for anything secret). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable UUID (RFC 9562 version 8, name-based) for a demo entity, so ids survive a reload. */
export function demoId(label: string): string {
  const bytes = createHash('sha256').update(`so-tay-antt-demo:${label}`).digest().subarray(0, 16);
  bytes[6] = 0x80 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const FAMILY_NAMES: [string, number][] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 3], ['Huỳnh', 3], ['Phan', 4], ['Vũ', 2],
  ['Võ', 3], ['Đặng', 2], ['Bùi', 2], ['Đỗ', 2], ['Hồ', 1], ['Ngô', 1], ['Dương', 1], ['Lý', 1], ['Đinh', 1], ['Trương', 1],
];
const MALE_MIDDLE = ['Văn', 'Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Công', 'Xuân', 'Đình'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Kim', 'Thu', 'Mỹ', 'Bích', 'Hồng'];
const MALE_GIVEN = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hùng', 'Khang', 'Lâm', 'Long', 'Lộc', 'Minh', 'Nam', 'Nghĩa',
  'Phong', 'Phúc', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Tiến', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Hòa', 'Khoa',
];
const FEMALE_GIVEN = [
  'Anh', 'Bích', 'Chi', 'Dung', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hương', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'Nga',
  'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Thủy', 'Trang', 'Tuyết', 'Vân', 'Yến', 'Xuân', 'Diệp',
];
const HOUSEHOLDS_PER_GROUP = 40;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function pickWeighted(random: () => number, items: readonly [string, number][]): string {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[0]![0];
}

export function vietnameseName(random: () => number): string {
  const isFemale = random() < 0.35; // heads of household are more often men, not always
  const family = pickWeighted(random, FAMILY_NAMES);
  const middle = pick(random, isFemale ? FEMALE_MIDDLE : MALE_MIDDLE);
  const given = pick(random, isFemale ? FEMALE_GIVEN : MALE_GIVEN);
  return `${family} ${middle} ${given}`;
}

/** `count` households of one hamlet; the same arguments give the same households. */
export function demoHouseholds(hamlet: { id: string; name: string }, count: number, seed: number, updatedAt: string): Household[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const group = Math.floor(index / HOUSEHOLDS_PER_GROUP) + 1;
    const houseNumber = (index % HOUSEHOLDS_PER_GROUP) * 2 + 1 + Math.floor(random() * 2);
    return {
      id: demoId(`household:${hamlet.id}:${index}`),
      hamletId: hamlet.id,
      headName: vietnameseName(random),
      address: `Số ${houseNumber}, Tổ ${group}, ${hamlet.name}`,
      memberCount: 1 + Math.floor(random() * 4) + Math.floor(random() * 3),
      // Fixed by position, not drawn: drawing would change every later household's name.
      isRentalHousing: index % 13 === 5,
      hasConditionalBusiness: index % 29 === 7,
      mergedIntoId: null,
      updatedAt,
    };
  });
}
