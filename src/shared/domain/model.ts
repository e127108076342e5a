// Mô hình (DOMAIN.md duty 4.2): a movement model the team built, and its recognition.
import { z } from 'zod';
import { entryRuleMessages as rules } from './entry-rules.ts';
import { isoDaySchema } from './dates.ts';
import { fieldLogBase, fieldLogLimits, optionalText, requiredText } from './entry-base.ts';

export const modelKinds = ['crime-prevention', 'self-management', 'fire-safety', 'traffic-safety', 'other'] as const;
export type ModelKind = (typeof modelKinds)[number];

/** "≥1 effective model per locality, recognised by district police" (seed 001 §II.4.2). */
export const modelLogSchema = z
  .looseObject({
    ...fieldLogBase,
    kind: z.literal('model'),
    name: requiredText('Nhập tên mô hình', fieldLogLimits.shortTextMaxLength),
    modelKind: z.enum(modelKinds, { error: 'Chọn loại mô hình' }),
    startedOn: z.string({ error: 'Nhập ngày bắt đầu' }).pipe(isoDaySchema),
    /** Who recognised it (e.g. "Công an huyện"); '' while not recognised yet. */
    recognisedBy: optionalText(fieldLogLimits.shortTextMaxLength),
    recognisedOn: isoDaySchema.nullable().default(null),
  })
  .superRefine((log, context) => {
    if (log.recognisedBy !== '' && log.recognisedOn === null) {
      context.addIssue({ code: 'custom', path: ['recognisedOn'], message: rules.modelRecognisedOnMissing });
    }
    if (log.recognisedBy === '' && log.recognisedOn !== null) {
      context.addIssue({ code: 'custom', path: ['recognisedBy'], message: rules.modelRecognisedByMissing });
    }
    if (log.recognisedOn !== null && log.recognisedOn < log.startedOn) {
      context.addIssue({ code: 'custom', path: ['recognisedOn'], message: rules.modelRecognisedBeforeStart });
    }
  });
export type ModelLog = z.infer<typeof modelLogSchema>;
