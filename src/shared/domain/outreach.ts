// Tuyên truyền, vận động (DOMAIN.md duty 4.2): households or an agency reached, topic, form.
import { z } from 'zod';
import { fieldLogBase, fieldLogLimits, requiredText, uuidSchema } from './entry-base.ts';

/** How the message reached people (hình thức tuyên truyền). */
export const outreachForms = ['home-visit', 'meeting', 'loudspeaker', 'leaflet', 'online-group'] as const;
export type OutreachForm = (typeof outreachForms)[number];

/**
 * Outreach to households of the hamlet, or to an agency, enterprise or school (`agencyId`),
 * where `peopleReached` counts its staff or students. Households are required unless an agency
 * is named.
 */
export const outreachLogSchema = z
  .looseObject({
    ...fieldLogBase,
    kind: z.literal('outreach'),
    householdIds: z.array(uuidSchema).max(500, 'Tối đa 500 hộ cho một buổi').default([]),
    agencyId: uuidSchema.nullable().default(null),
    topic: requiredText('Nhập nội dung tuyên truyền', fieldLogLimits.topicMaxLength),
    form: z.enum(outreachForms, { error: 'Chọn hình thức tuyên truyền' }),
    peopleReached: z
      .number({ error: 'Nhập số người được tuyên truyền' })
      .int('Số người phải là số nguyên')
      .min(1, 'Số người phải từ 1 trở lên')
      .max(fieldLogLimits.peopleReachedMax, 'Số người quá lớn'),
  })
  .superRefine((log, context) => {
    if (log.householdIds.length === 0 && log.agencyId === null) {
      context.addIssue({ code: 'custom', path: ['householdIds'], message: 'Chọn ít nhất một hộ' });
    }
  });
export type OutreachLog = z.infer<typeof outreachLogSchema>;
