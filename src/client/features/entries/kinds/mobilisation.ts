// Huy động PCCC, cứu nạn cứu hộ: called, arrived, the role taken, the outcome.
import { fieldLogLimits } from '#src/shared/domain/entry-base.ts';
import { mobilisationTypes } from '#src/shared/domain/mobilisation.ts';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import type { KindDescription } from '../field-spec.ts';
import '#src/client/i18n/notebook-messages.ts';

export const mobilisationKind: KindDescription = {
  kind: 'mobilisation',
  name: 'kind.mobilisation',
  description: 'kind.mobilisation.description',
  dateFrom: 'calledAt',
  fields: [
    { key: 'mobilisationType', widget: 'select', label: 'field.mobilisation.mobilisationType', options: mobilisationTypes, optionLabel: (type) => `mobilisationType.${type}` as MessageKey, isRequired: true },
    { key: 'calledAt', widget: 'time', label: 'field.mobilisation.calledAt', isRequired: true },
    { key: 'arrivedAt', widget: 'time', label: 'field.mobilisation.arrivedAt', hint: 'field.optionalTimeHint' },
    { key: 'role', widget: 'text', label: 'field.mobilisation.role', maxLength: fieldLogLimits.shortTextMaxLength, isRequired: true },
    { key: 'outcome', widget: 'longText', label: 'field.mobilisation.outcome', maxLength: fieldLogLimits.longTextMaxLength },
  ],
};
