// Household search ranks a hamlet-name match first: "ap 2" is about Ấp 2, even though Ấp 1's
// addresses contain "Tổ 2".
import { describe, expect, it } from 'vitest';
import { findHouseholds, searchableHouseholds } from '#src/shared/domain/household-search.ts';
import type { Household } from '#src/shared/domain/household.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';

const ap1 = uuidv7();
const ap2 = uuidv7();
const names = new Map([[ap1, 'Ấp 1'], [ap2, 'Ấp 2']]);

function household(headName: string, hamletId: string, address: string): Household {
  return { id: uuidv7(), hamletId, headName, address, memberCount: 3, isRentalHousing: false, hasConditionalBusiness: false, mergedIntoId: null, updatedAt: '' };
}

const list = [
  household('Nguyễn Văn An', ap1, 'Số 3, Tổ 2, Ấp 1'),
  household('Trần Thị Hai', ap1, 'Số 5, Tổ 1, Ấp 1'),
  household('Lê Văn Đức', ap2, 'Số 7, Tổ 1, Ấp 2'),
  household('Phạm Thị Dung', ap2, 'Số 9, Tổ 3, Ấp 2'),
];
const searchable = searchableHouseholds(list, (id) => names.get(id) ?? '');

describe('findHouseholds', () => {
  it('lists the households of Ấp 2 first for "ap 2", then other matches', () => {
    expect(findHouseholds(searchable, 'ap 2').map((h) => h.headName)).toEqual(['Lê Văn Đức', 'Phạm Thị Dung', 'Nguyễn Văn An']);
  });

  it('ranks a name match before an address match, ignoring diacritics', () => {
    expect(findHouseholds(searchable, 'hai').map((h) => h.headName)).toEqual(['Trần Thị Hai']);
    expect(findHouseholds(searchable, 'duc').map((h) => h.headName)).toEqual(['Lê Văn Đức']);
    expect(findHouseholds(searchable, 'so 9').map((h) => h.headName)).toEqual(['Phạm Thị Dung']);
  });

  it('finds nothing for an empty query', () => {
    expect(findHouseholds(searchable, '  ')).toEqual([]);
  });
});
