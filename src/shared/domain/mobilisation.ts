// Huy động phòng cháy, chữa cháy, cứu nạn, cứu hộ (DOMAIN.md duty 4.3): called, arrived, role.
import { z } from 'zod';
import { entryRuleMessages as rules } from './entry-rules.ts';
import {
  checkDateIsDayOf,
  fieldLogBase,
  fieldLogLimits,
  instantSchema,
  isNotBefore,
  optionalText,
  requiredText,
} from './entry-base.ts';

export const mobilisationTypes = ['fire', 'rescue'] as const;
export type MobilisationType = (typeof mobilisationTypes)[number];

export const mobilisationLogSchema = z
  .looseObject({
    ...fieldLogBase,
    kind: z.literal('mobilisation'),
    mobilisationType: z.enum(mobilisationTypes, { error: 'Chọn chữa cháy hoặc cứu nạn, cứu hộ' }),
    /** When commune police called the member out. */
    calledAt: instantSchema,
    arrivedAt: instantSchema.nullable().default(null),
    /** The role the member took (nhiệm vụ đảm nhận). */
    role: requiredText('Nhập nhiệm vụ đã đảm nhận', fieldLogLimits.shortTextMaxLength),
    outcome: optionalText(fieldLogLimits.longTextMaxLength),
  })
  .superRefine((log, context) => {
    if (log.arrivedAt !== null && !isNotBefore(log.arrivedAt, log.calledAt)) {
      context.addIssue({ code: 'custom', path: ['arrivedAt'], message: rules.mobilisationArrivedBeforeCalled });
    }
    checkDateIsDayOf(log, log.calledAt, context, rules.mobilisationDay);
  });
export type MobilisationLog = z.infer<typeof mobilisationLogSchema>;
