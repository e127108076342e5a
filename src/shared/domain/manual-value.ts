/**
 * A value entered by an authorised person (số liệu nhập tay): commune police or province staff
 * enter, for a unit or a team and a span of days, what no field log records, e.g. the total of
 * residents' tips commune police received in a month, or how many units were rated "Khá" at
 * year end. The plan says what each key means and whether spans add up (campaign-plan.ts
 * `manualInputs`); the progress engine reads the values by key.
 *
 * Synced as collection `manualValue`: scope `team:<teamId>` for a team's value, otherwise
 * `unit:<orgUnitId>`.
 */
import { z } from 'zod';
import { isoDaySchema } from './dates.ts';
import { UUID_PATTERN } from './ids.ts';
import { slugSchema } from './plan-metric.ts';

const uuid = z.string().regex(UUID_PATTERN);

/** A value entered by hand; its span must not end before it starts. */
export const manualValueSchema = z
  .looseObject({
    id: uuid,
    /** The unit the value is about (a team's value names the team's commune). */
    orgUnitId: uuid,
    /** The team the value is about, or null for a unit's value. */
    teamId: uuid.nullable().default(null),
    key: slugSchema,
    /** The span of days the value covers, inclusive (a month, a year, one day for a state). */
    startDay: isoDaySchema,
    endDay: isoDaySchema,
    value: z.number({ error: 'Nhập một số' }).min(0, 'Số liệu không được âm').max(100_000_000, 'Số liệu quá lớn'),
    note: z.string().trim().max(1000, 'Ghi chú quá dài (tối đa 1.000 ký tự)').default(''),
    /** The account that entered it. */
    enteredBy: uuid,
    updatedAt: z.string(),
  })
  .refine((value) => value.endDay >= value.startDay, { path: ['endDay'], message: 'Ngày kết thúc phải sau ngày bắt đầu' });
export type ManualValue = z.infer<typeof manualValueSchema>;
