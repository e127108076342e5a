// Households: flags, merging duplicates, and the Vietnamese messages of a bad row.
import { describe, expect, it } from 'vitest';
import { canonicalHouseholdId, householdSchema } from '#src/shared/domain/household.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';

const hamletId = uuidv7();
const valid = { id: uuidv7(), hamletId, headName: 'Nguyễn Văn An', address: 'Số 3, Tổ 1', memberCount: 4, updatedAt: '2026-03-01T00:00:00.000Z' };

describe('household schema', () => {
  it('defaults the flags and the merge of a household written by an older app', () => {
    expect(householdSchema.parse(valid)).toMatchObject({ isRentalHousing: false, hasConditionalBusiness: false, mergedIntoId: null });
  });

  it.each([
    [{ headName: '' }, 'headName', 'Nhập tên chủ hộ'],
    [{ memberCount: -1 }, 'memberCount', 'Số nhân khẩu không được âm'],
    [{ memberCount: 1.5 }, 'memberCount', 'Số nhân khẩu phải là số nguyên'],
    [{ memberCount: 101 }, 'memberCount', 'Số nhân khẩu quá lớn (tối đa 100)'],
    [{ hamletId: 'x' }, 'hamletId', 'Chọn thôn, ấp'],
    [{ mergedIntoId: valid.id }, 'mergedIntoId', 'Không thể gộp một hộ vào chính nó'],
  ])('refuses %o at %s: %s', (change, path, message) => {
    const result = householdSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((issue) => issue.path.join('.') === path)?.message).toBe(message);
  });
});

describe('canonicalHouseholdId', () => {
  it('follows merges to the kept household, through a chain, and stops at a cycle', () => {
    const byId = new Map([
      ['a', { mergedIntoId: 'b' }],
      ['b', { mergedIntoId: 'c' }],
      ['c', { mergedIntoId: null }],
      ['x', { mergedIntoId: 'y' }],
      ['y', { mergedIntoId: 'x' }],
    ]);
    expect(canonicalHouseholdId('a', byId)).toBe('c');
    expect(canonicalHouseholdId('c', byId)).toBe('c');
    expect(canonicalHouseholdId('unknown', byId)).toBe('unknown');
    expect(['x', 'y']).toContain(canonicalHouseholdId('x', byId));
  });
});
