/**
 * Field log (nhật ký công tác): what a team member did. Every kind of log is one record of the
 * `fieldLog` collection, told apart by `kind`, so sync, review and the progress engine treat all
 * ten kinds alike. Only household outreach (tuyên truyền) exists so far; later kinds extend the
 * discriminated union below.
 */
import { z } from 'zod';
import { isoDaySchema } from './dates.ts';
import { REVIEW_COMMENT_MAX_LENGTH, reviewStatusSchema } from './review.ts';
import { UUID_PATTERN } from './ids.ts';

const uuid = z.string().regex(UUID_PATTERN);


/**
 * Kinds whose entries name people who must be protected (tips name residents and informants;
 * reintegration visits name people who served sentences): readable only by the author, the
 * team leader and commune police (sync scope `restricted:<team>:<author>`).
 */
export const restrictedKinds = ['tip', 'reintegration-visit'] as const;

export function isRestrictedKind(kind: string): boolean {
  return (restrictedKinds as readonly string[]).includes(kind);
}

/** Where the entry was made, when the member allowed it; never required to save. */
export const locationSchema = z.looseObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** Radius of 68% confidence, in metres, as the phone reported it. */
  accuracyM: z.number().min(0).max(100_000),
  at: z.string(),
});
export type EntryLocation = z.infer<typeof locationSchema>;

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
  reviewStatus: reviewStatusSchema.default('pending'),
  /** The leader's words when returning an entry (or approving it with a remark). */
  reviewComment: z.string().trim().max(REVIEW_COMMENT_MAX_LENGTH).default(''),
  reviewedBy: uuid.nullable().default(null),
  reviewedAt: z.string().nullable().default(null),
  /** Photos (uploaded apart from the record); ids of the `photo` blobs. */
  photoIds: z.array(uuid).max(6).default([]),
  location: locationSchema.nullable().default(null),
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
