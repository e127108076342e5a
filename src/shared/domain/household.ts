/**
 * Household (hộ gia đình): the unit that outreach targets count. Households belong to a hamlet
 * (thôn, ấp, tổ dân phố) and travel to the devices of the teams covering that hamlet. Leaders
 * and commune police keep the list: add, edit, flag, and merge duplicates (a merged household
 * keeps its row with `mergedIntoId`, leaves pickers, and counts as the household it was merged into).
 */
import { z } from 'zod';
import { UUID_PATTERN } from './ids.ts';

export const householdLimits = { headNameMaxLength: 120, addressMaxLength: 200, memberCountMax: 100 } as const;

const uuid = z.string({ error: 'Thiếu mã' }).regex(UUID_PATTERN, 'Mã không hợp lệ');

export const householdSchema = z
  .looseObject({
    id: uuid,
    hamletId: z.string({ error: 'Chọn thôn, ấp' }).regex(UUID_PATTERN, 'Chọn thôn, ấp'),
    /** Head of household (chủ hộ), as people say it, with diacritics. */
    headName: z
      .string({ error: 'Nhập tên chủ hộ' })
      .trim()
      .min(1, 'Nhập tên chủ hộ')
      .max(householdLimits.headNameMaxLength, `Tên chủ hộ quá dài (tối đa ${householdLimits.headNameMaxLength} ký tự)`),
    /** House number, lane, group: whatever finds the house. */
    address: z
      .string()
      .trim()
      .max(householdLimits.addressMaxLength, `Địa chỉ quá dài (tối đa ${householdLimits.addressMaxLength} ký tự)`)
      .default(''),
    /** Members living there (nhân khẩu). */
    memberCount: z
      .number({ error: 'Nhập số nhân khẩu' })
      .int('Số nhân khẩu phải là số nguyên')
      .min(0, 'Số nhân khẩu không được âm')
      .max(householdLimits.memberCountMax, `Số nhân khẩu quá lớn (tối đa ${householdLimits.memberCountMax})`)
      .default(0),
    /** Rents rooms or houses out (nhà cho thuê, nhà trọ). */
    isRentalHousing: z.boolean().default(false),
    /** Runs a business with security and order conditions (kinh doanh có điều kiện về ANTT). */
    hasConditionalBusiness: z.boolean().default(false),
    /** Set when this row was a duplicate: it counts as that household from then on. */
    mergedIntoId: uuid.nullable().default(null),
    updatedAt: z.string(),
  })
  .refine((household) => household.mergedIntoId !== household.id, {
    path: ['mergedIntoId'],
    message: 'Không thể gộp một hộ vào chính nó',
  });

export type Household = z.infer<typeof householdSchema>;

/**
 * The household a reference counts as: follows `mergedIntoId` (a chain too, in case a kept
 * household was merged again later). Stops at a cycle or at an id the map lacks.
 */
export function canonicalHouseholdId(id: string, byId: ReadonlyMap<string, Pick<Household, 'mergedIntoId'>>): string {
  let current = id;
  const seen = new Set<string>();
  for (;;) {
    const next = byId.get(current)?.mergedIntoId ?? null;
    if (next === null || seen.has(next)) return current;
    seen.add(current);
    current = next;
  }
}
