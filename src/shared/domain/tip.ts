// Nguồn tin (DOMAIN.md duty 4.1), RESTRICTED: residents' tips passed on to commune police.
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
  urgentContactSchema,
  yesNo,
} from './entry-base.ts';

/**
 * A tip names residents and sometimes the informant: it is read only by its author, the team
 * leader and commune police (field-log.ts `restrictedKinds`). An anonymous tip keeps no name.
 */
export const tipLogSchema = z
  .looseObject({
    ...fieldLogBase,
    kind: z.literal('tip'),
    receivedAt: instantSchema,
    isAnonymous: yesNo(false),
    sourceName: optionalText(fieldLogLimits.nameMaxLength),
    content: requiredText('Nhập nội dung nguồn tin', fieldLogLimits.longTextMaxLength),
    /** When the tip reached commune police; null while not passed on yet. */
    passedToPoliceAt: instantSchema.nullable().default(null),
    isUrgent: yesNo(false),
    urgentContact: urgentContactSchema.nullable().default(null),
  })
  .superRefine((log, context) => {
    if (log.isAnonymous && log.sourceName !== '') {
      context.addIssue({ code: 'custom', path: ['sourceName'], message: rules.tipAnonymousWithName });
    }
    if (!log.isAnonymous && log.sourceName === '') {
      context.addIssue({ code: 'custom', path: ['sourceName'], message: rules.tipSourceMissing });
    }
    if (log.passedToPoliceAt !== null && !isNotBefore(log.passedToPoliceAt, log.receivedAt)) {
      context.addIssue({ code: 'custom', path: ['passedToPoliceAt'], message: rules.tipPassedBeforeReceived });
    }
    checkDateIsDayOf(log, log.receivedAt, context, rules.tipDay);
  });
export type TipLog = z.infer<typeof tipLogSchema>;
