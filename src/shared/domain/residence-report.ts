// Cung cấp thông tin nhân khẩu, tạm trú, tạm vắng (DOMAIN.md duty 4.4) to commune police.
import { z } from 'zod';
import { fieldLogBase, fieldLogLimits, instantSchema, requiredText, uuidSchema } from './entry-base.ts';

export const residenceReportTypes = ['temporary-residence', 'temporary-absence', 'household-members', 'other'] as const;
export type ResidenceReportType = (typeof residenceReportTypes)[number];

export const residenceReportLogSchema = z.looseObject({
  ...fieldLogBase,
  kind: z.literal('residence-report'),
  householdId: z.string({ error: 'Chọn hộ gia đình' }).pipe(uuidSchema),
  reportType: z.enum(residenceReportTypes, { error: 'Chọn loại thông tin' }),
  details: requiredText('Nhập nội dung thông tin', fieldLogLimits.noteMaxLength),
  /** When it reached commune police; null while not passed on yet. */
  passedToPoliceAt: instantSchema.nullable().default(null),
});
export type ResidenceReportLog = z.infer<typeof residenceReportLogSchema>;
