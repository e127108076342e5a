// Vụ việc: what happened, when it was reported and attended, the actions, the hand-over.
import { fieldLogLimits } from '#src/shared/domain/entry-base.ts';
import { incidentTypes } from '#src/shared/domain/incident.ts';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import type { KindDescription } from '../field-spec.ts';
import '#src/client/i18n/notebook-messages.ts';

export const incidentKind: KindDescription = {
  kind: 'incident',
  name: 'kind.incident',
  description: 'kind.incident.description',
  dateFrom: 'reportedAt',
  fields: [
    { key: 'incidentType', widget: 'select', label: 'field.incident.incidentType', options: incidentTypes, optionLabel: (type) => `incidentType.${type}` as MessageKey, isRequired: true },
    { key: 'reportedAt', widget: 'time', label: 'field.incident.reportedAt', isRequired: true },
    { key: 'isUrgent', widget: 'urgent', label: 'field.isUrgent' },
    { key: 'arrivedAt', widget: 'time', label: 'field.incident.arrivedAt', hint: 'field.optionalTimeHint' },
    { key: 'checklist', widget: 'checklist', appliesTo: 'incident', label: 'field.incident.checklist' },
    { key: 'handedOverAt', widget: 'time', label: 'field.incident.handedOverAt', hint: 'field.optionalTimeHint' },
    { key: 'handedOverTo', widget: 'text', label: 'field.incident.handedOverTo', maxLength: fieldLogLimits.shortTextMaxLength },
    { key: 'outcome', widget: 'longText', label: 'field.incident.outcome', maxLength: fieldLogLimits.longTextMaxLength },
    { key: 'isSerious', widget: 'yesNo', label: 'field.incident.isSerious' },
  ],
};
