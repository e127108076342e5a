// Mô hình: a movement model, when it started, who recognised it and when.
import { fieldLogLimits } from '#src/shared/domain/entry-base.ts';
import { modelKinds } from '#src/shared/domain/model.ts';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import type { KindDescription } from '../field-spec.ts';
import '#src/client/i18n/notebook-messages.ts';

export const modelKind: KindDescription = {
  kind: 'model',
  name: 'kind.model',
  description: 'kind.model.description',
  fields: [
    { key: 'date', widget: 'day', label: 'field.date', isRequired: true },
    { key: 'name', widget: 'text', label: 'field.model.name', maxLength: fieldLogLimits.shortTextMaxLength, isRequired: true },
    { key: 'modelKind', widget: 'select', label: 'field.model.modelKind', options: modelKinds, optionLabel: (kind) => `modelKind.${kind}` as MessageKey, isRequired: true },
    { key: 'startedOn', widget: 'day', label: 'field.model.startedOn', isRequired: true },
    { key: 'recognisedBy', widget: 'text', label: 'field.model.recognisedBy', hint: 'field.model.recognisedByHint', maxLength: fieldLogLimits.shortTextMaxLength },
    { key: 'recognisedOn', widget: 'day', label: 'field.model.recognisedOn' },
  ],
};
