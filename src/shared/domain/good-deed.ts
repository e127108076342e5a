// Người tốt, việc tốt (DOMAIN.md duty 4.7): what was done and for whom; photos through photoIds.
import { z } from 'zod';
import { fieldLogBase, fieldLogLimits, requiredText } from './entry-base.ts';

export const goodDeedLogSchema = z.looseObject({
  ...fieldLogBase,
  kind: z.literal('good-deed'),
  description: requiredText('Nhập việc tốt đã làm', fieldLogLimits.noteMaxLength),
  beneficiary: requiredText('Nhập người hoặc nơi được giúp', fieldLogLimits.shortTextMaxLength),
});
export type GoodDeedLog = z.infer<typeof goodDeedLogSchema>;
