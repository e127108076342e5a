/**
 * Org unit (đơn vị hành chính, cơ quan, trường học) as a synced record: the server writes one
 * per unit whenever the organisation changes, so devices know their units' names and settings
 * offline. Devices never push it. Scope `unit:<id>`: everyone whose work covers the unit.
 */
import { z } from 'zod';
import { orgUnitKinds } from './account.ts';
import { UUID_PATTERN } from './ids.ts';

const uuid = z.string().regex(UUID_PATTERN, 'Mã không hợp lệ');

/** Minutes within which the force must be on the scene when `promptMinutes` was never set. */
export const DEFAULT_PROMPT_MINUTES = 30;

/** A Vietnamese phone number as people write it: digits, spaces, dots, an optional leading +. */
export const phoneNumberSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 .]{5,18}[0-9]$/, 'Số điện thoại chỉ gồm chữ số (có thể có dấu cách, dấu chấm), từ 7 đến 20 ký tự');

/** What commune police set for their commune (admin route; republished to devices). */
export const orgUnitSettingsSchema = z.looseObject({
  /** The number to call for the commune's duty officer (số trực ban), or null when not set. */
  dutyPhone: phoneNumberSchema.nullable(),
  /** Minutes within which members must reach an incident to count as "có mặt kịp thời". */
  promptMinutes: z
    .number({ error: 'Nhập số phút' })
    .int('Số phút phải là số nguyên')
    .min(1, 'Số phút phải từ 1 trở lên')
    .max(1440, 'Số phút tối đa là 1440 (một ngày)'),
});
export type OrgUnitSettings = z.infer<typeof orgUnitSettingsSchema>;

export const orgUnitSchema = z.looseObject({
  id: uuid,
  /** The unit above; null for a province (the root of a deployment). */
  parentId: uuid.nullable(),
  kind: z.enum(orgUnitKinds),
  name: z.string().trim().min(1, 'Nhập tên đơn vị').max(120, 'Tên đơn vị quá dài (tối đa 120 ký tự)'),
  settings: orgUnitSettingsSchema,
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;
