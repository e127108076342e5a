/**
 * What every entry of the notebook shares (the `fieldLog` collection, field-log.ts): the base
 * fields, where it was made, the urgent contact, and small field builders whose messages are
 * Vietnamese sentences a member can act on. Each kind's own fields live in a file of its own.
 */
import { z } from 'zod';
import { dayInVietnam, isoDaySchema } from './dates.ts';
import { REVIEW_COMMENT_MAX_LENGTH, reviewStatusSchema } from './review.ts';
import { UUID_PATTERN } from './ids.ts';

/** A record id (UUID) with a Vietnamese message. */
export const uuidSchema = z.string({ error: 'Thiếu mã' }).regex(UUID_PATTERN, 'Mã không hợp lệ');

/** An instant as an ISO string (UTC, or with an offset). */
export const instantSchema = z.iso.datetime({ offset: true, error: 'Thời điểm không hợp lệ' });

/**
 * Size limits of an entry's fields. Forms check them to word messages in the user's language;
 * the schemas enforce them on the device and on the server.
 */
export const fieldLogLimits = {
  noteMaxLength: 2000,
  topicMaxLength: 300,
  peopleReachedMax: 10_000,
  shortTextMaxLength: 200,
  nameMaxLength: 120,
  longTextMaxLength: 4000,
} as const;

/** Required text: trimmed, at least one character, at most `max`. */
export function requiredText(missing: string, max: number = fieldLogLimits.shortTextMaxLength) {
  return z.string({ error: missing }).trim().min(1, missing).max(max, `Quá dài (tối đa ${max} ký tự)`);
}

/** Optional text: '' when left empty. */
export function optionalText(max: number = fieldLogLimits.noteMaxLength) {
  return z.string({ error: 'Phải là chữ' }).trim().max(max, `Quá dài (tối đa ${max} ký tự)`).default('');
}

/** Yes/no with a default. */
export function yesNo(defaultValue = false) {
  return z.boolean({ error: 'Chọn có hoặc không' }).default(defaultValue);
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

/** At most this many photos per entry (photos travel apart from records). */
export const MAX_PHOTOS = 6;

/** The fields of every entry kind; each kind adds its own and its `kind` literal. */
export const fieldLogBase = {
  id: uuidSchema,
  teamId: uuidSchema,
  /** The member who wrote the entry (tổ viên). */
  memberId: uuidSchema,
  /** The day the work was done, in Vietnam, `yyyy-MM-dd`. */
  date: isoDaySchema,
  note: z.string().trim().max(fieldLogLimits.noteMaxLength, `Ghi chú quá dài (tối đa ${fieldLogLimits.noteMaxLength} ký tự)`).default(''),
  reviewStatus: reviewStatusSchema.default('pending'),
  /** The leader's words when returning an entry (or approving it with a remark). */
  reviewComment: z.string().trim().max(REVIEW_COMMENT_MAX_LENGTH).default(''),
  reviewedBy: uuidSchema.nullable().default(null),
  reviewedAt: z.string().nullable().default(null),
  /** Photos (uploaded apart from the record); ids of the device's `photos` rows. */
  photoIds: z.array(uuidSchema).max(MAX_PHOTOS, `Tối đa ${MAX_PHOTOS} ảnh`).default([]),
  location: locationSchema.nullable().default(null),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** How the one-tap urgent contact to the commune police duty number was made. */
export const urgentChannels = ['call', 'sms'] as const;
export type UrgentChannel = (typeof urgentChannels)[number];

/**
 * When the member tapped "call" or "SMS" to the commune police duty number. Stored in the entry
 * because sync may come hours later: the record says when the police were told, not when the
 * server heard of it.
 */
export const urgentContactSchema = z.looseObject({
  channel: z.enum(urgentChannels, { error: 'Cách liên lạc không hợp lệ' }),
  at: instantSchema,
});
export type UrgentContact = z.infer<typeof urgentContactSchema>;

/** True when `later` is not before `earlier` (both ISO instants). */
export function isNotBefore(later: string, earlier: string): boolean {
  return Date.parse(later) >= Date.parse(earlier);
}

/**
 * A check for time-based kinds: `date` must be the Vietnamese day of the instant the work
 * started (a patrol from 23:00 on the 4th to 05:00 on the 5th belongs to the 4th).
 */
export function checkDateIsDayOf(
  entry: { date: string },
  instant: string,
  context: z.RefinementCtx,
  message: string,
): void {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return;
  if (dayInVietnam(new Date(time)) !== entry.date) context.addIssue({ code: 'custom', path: ['date'], message });
}
