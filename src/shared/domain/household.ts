/**
 * Household (hộ gia đình): the unit that outreach targets count. Households belong to a hamlet
 * (thôn, ấp, tổ dân phố) and travel to the devices of the teams covering that hamlet.
 */
import { z } from 'zod';
import { UUID_PATTERN } from './ids.ts';

export const householdSchema = z.looseObject({
  id: z.string().regex(UUID_PATTERN),
  hamletId: z.string().regex(UUID_PATTERN),
  /** Head of household (chủ hộ), as people say it, with diacritics. */
  headName: z.string().trim().min(1, 'Nhập tên chủ hộ').max(120),
  /** House number, lane, group: whatever finds the house. */
  address: z.string().trim().max(200).default(''),
  /** Members living there (nhân khẩu). */
  memberCount: z.number().int().min(0).max(100).default(0),
  updatedAt: z.string(),
});

export type Household = z.infer<typeof householdSchema>;
