// Người tốt, việc tốt: what was done and for whom; photos through the form's photo field.
import { fieldLogLimits } from '#src/shared/domain/entry-base.ts';
import type { KindDescription } from '../field-spec.ts';
import '#src/client/i18n/notebook-messages.ts';

export const goodDeedKind: KindDescription = {
  kind: 'good-deed',
  name: 'kind.good-deed',
  description: 'kind.good-deed.description',
  fields: [
    { key: 'date', widget: 'day', label: 'field.date', isRequired: true },
    { key: 'description', widget: 'longText', label: 'field.good-deed.description', maxLength: fieldLogLimits.noteMaxLength, isRequired: true },
    { key: 'beneficiary', widget: 'text', label: 'field.good-deed.beneficiary', maxLength: fieldLogLimits.shortTextMaxLength, isRequired: true },
  ],
};
