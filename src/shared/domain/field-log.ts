/**
 * Field log (nhật ký công tác): what a team member did. Every kind of log is one record of the
 * `fieldLog` collection, told apart by `kind`, so sync, review and the progress engine treat all
 * ten kinds alike. Only household outreach (tuyên truyền) exists so far; later kinds extend the
 * discriminated union below.
 */
import { z } from 'zod';
import { isoDaySchema } from './dates.ts';
import { UUID_PATTERN } from './ids.ts';

const uuid = z.string().regex(UUID_PATTERN);

/** Team leader's monthly review (tổ trưởng duyệt). A reviewed log can no longer be edited by its author. */
export const reviewStatuses = ['pending', 'approved', 'returned'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** How the message reached people (hình thức tuyên truyền). */
export const outreachForms = ['home-visit', 'meeting', 'loudspeaker', 'leaflet', 'online-group'] as const;
export type OutreachForm = (typeof outreachForms)[number];

/**
 * Size limits of a log's fields. The device's form checks them to word its messages in the
 * user's language; the schemas below enforce them on the device and on the server.
 */
export const fieldLogLimits = {
  noteMaxLength: 2000,
  topicMaxLength: 300,
  peopleReachedMax: 10_000,
} as const;

const fieldLogBase = {
  id: uuid,
  teamId: uuid,
  /** The member who wrote the log (tổ viên). */
  memberId: uuid,
  /** The day the work was done, in Vietnam, `yyyy-MM-dd`. */
  date: isoDaySchema,
  note: z.string().trim().max(fieldLogLimits.noteMaxLength).default(''),
  reviewStatus: z.enum(reviewStatuses).default('pending'),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** Household outreach (tuyên truyền, vận động) — DOMAIN.md duty 4.2. */
export const outreachLogSchema = z.looseObject({
  ...fieldLogBase,
  kind: z.literal('outreach'),
  householdIds: z.array(uuid).min(1, 'Chọn ít nhất một hộ').max(500),
  topic: z.string().trim().min(1, 'Nhập nội dung tuyên truyền').max(fieldLogLimits.topicMaxLength, `Nội dung quá dài (tối đa ${fieldLogLimits.topicMaxLength} ký tự)`),
  form: z.enum(outreachForms, { error: 'Chọn hình thức tuyên truyền' }),
  peopleReached: z
    .number({ error: 'Nhập số người được tuyên truyền' })
    .int('Số người phải là số nguyên')
    .min(1, 'Số người phải từ 1 trở lên')
    .max(fieldLogLimits.peopleReachedMax, 'Số người quá lớn'),
});

export type OutreachLog = z.infer<typeof outreachLogSchema>;

export const fieldLogSchema = z.discriminatedUnion('kind', [outreachLogSchema]);
export type FieldLog = z.infer<typeof fieldLogSchema>;
export type FieldLogKind = FieldLog['kind'];
