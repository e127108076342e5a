// Tái hòa nhập cộng đồng (DOMAIN.md duty 4.5), RESTRICTED: visits to people who served sentences.
import { z } from 'zod';
import { fieldLogBase, fieldLogLimits, requiredText, yesNo } from './entry-base.ts';

/** Names a person who served a sentence: read only by the author, the leader and commune police. */
export const reintegrationVisitLogSchema = z.looseObject({
  ...fieldLogBase,
  kind: z.literal('reintegration-visit'),
  personName: requiredText('Nhập họ tên người được giúp đỡ', fieldLogLimits.nameMaxLength),
  /** What was done: talk, job help, family visit… */
  actions: requiredText('Nhập việc đã làm', fieldLogLimits.noteMaxLength),
  /** Counts against "0 re-offences in the area". */
  reoffenceObserved: yesNo(false),
});
export type ReintegrationVisitLog = z.infer<typeof reintegrationVisitLogSchema>;
