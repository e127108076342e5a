// Giúp đỡ người tái hòa nhập cộng đồng: who, what was done, any re-offence seen. Restricted.
import { fieldLogLimits } from '#src/shared/domain/entry-base.ts';
import type { KindDescription } from '../field-spec.ts';
import '#src/client/i18n/notebook-messages.ts';

export const reintegrationVisitKind: KindDescription = {
  kind: 'reintegration-visit',
  name: 'kind.reintegration-visit',
  description: 'kind.reintegration-visit.description',
  fields: [
    { key: 'date', widget: 'day', label: 'field.date', isRequired: true },
    { key: 'personName', widget: 'text', label: 'field.reintegration-visit.personName', maxLength: fieldLogLimits.nameMaxLength, isRequired: true },
    { key: 'actions', widget: 'longText', label: 'field.reintegration-visit.actions', maxLength: fieldLogLimits.noteMaxLength, isRequired: true },
    { key: 'reoffenceObserved', widget: 'yesNo', label: 'field.reintegration-visit.reoffenceObserved' },
  ],
};
