// Nguồn tin: when, from whom (or anonymous), what, when passed to commune police. Restricted.
import { fieldLogLimits } from '#src/shared/domain/entry-base.ts';
import type { KindDescription } from '../field-spec.ts';
import '#src/client/i18n/notebook-messages.ts';

export const tipKind: KindDescription = {
  kind: 'tip',
  name: 'kind.tip',
  description: 'kind.tip.description',
  dateFrom: 'receivedAt',
  fields: [
    { key: 'receivedAt', widget: 'time', label: 'field.tip.receivedAt', isRequired: true },
    { key: 'isUrgent', widget: 'urgent', label: 'field.isUrgent' },
    { key: 'isAnonymous', widget: 'yesNo', label: 'field.tip.isAnonymous' },
    {
      key: 'sourceName', widget: 'text', label: 'field.tip.sourceName', maxLength: fieldLogLimits.nameMaxLength,
      isRequired: true, isShown: (values) => values.isAnonymous !== true,
    },
    { key: 'content', widget: 'longText', label: 'field.tip.content', maxLength: fieldLogLimits.longTextMaxLength, isRequired: true },
    { key: 'passedToPoliceAt', widget: 'time', label: 'field.tip.passedToPoliceAt', hint: 'field.optionalTimeHint' },
  ],
};
