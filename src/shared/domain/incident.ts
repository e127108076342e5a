// Vụ việc về an ninh, trật tự (DOMAIN.md duty 4.1): reported, arrived, actions, handed over.
import { z } from 'zod';
import { entryRuleMessages as rules } from './entry-rules.ts';
import { checklistAnswerSchema } from './checklist.ts';
import {
  checkDateIsDayOf,
  fieldLogBase,
  fieldLogLimits,
  instantSchema,
  isNotBefore,
  optionalText,
  urgentContactSchema,
  yesNo,
} from './entry-base.ts';

export const incidentTypes = ['security-order', 'traffic', 'fire', 'rescue', 'dispute', 'other'] as const;
export type IncidentType = (typeof incidentTypes)[number];

export const incidentLogSchema = z
  .looseObject({
    ...fieldLogBase,
    kind: z.literal('incident'),
    incidentType: z.enum(incidentTypes, { error: 'Chọn loại vụ việc' }),
    /** When the member learned of it (báo tin lúc). */
    reportedAt: instantSchema,
    /** When the member was on the scene; null when they could not go. */
    arrivedAt: instantSchema.nullable().default(null),
    /** The actions taken, as a checklist. */
    checklist: checklistAnswerSchema,
    handedOverAt: instantSchema.nullable().default(null),
    handedOverTo: optionalText(fieldLogLimits.shortTextMaxLength),
    outcome: optionalText(fieldLogLimits.longTextMaxLength),
    /** A serious traffic accident (counts against "0 serious traffic accidents"). */
    isSerious: yesNo(false),
    isUrgent: yesNo(false),
    urgentContact: urgentContactSchema.nullable().default(null),
  })
  .superRefine((log, context) => {
    if (log.arrivedAt !== null && !isNotBefore(log.arrivedAt, log.reportedAt)) {
      context.addIssue({ code: 'custom', path: ['arrivedAt'], message: rules.incidentArrivedBeforeReport });
    }
    if (log.handedOverAt !== null && !isNotBefore(log.handedOverAt, log.reportedAt)) {
      context.addIssue({ code: 'custom', path: ['handedOverAt'], message: rules.incidentHandedOverBeforeReport });
    }
    if (log.handedOverAt !== null && log.handedOverTo === '') {
      context.addIssue({ code: 'custom', path: ['handedOverTo'], message: rules.incidentHandedOverToMissing });
    }
    checkDateIsDayOf(log, log.reportedAt, context, rules.incidentDay);
  });
export type IncidentLog = z.infer<typeof incidentLogSchema>;
