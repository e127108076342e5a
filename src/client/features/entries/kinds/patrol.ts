// Tuần tra: start, end, who took part, where, the commune's checklist, findings.
import { fieldLogLimits } from '#src/shared/domain/entry-base.ts';
import type { KindDescription } from '../field-spec.ts';
import '#src/client/i18n/notebook-messages.ts';

export const patrolKind: KindDescription = {
  kind: 'patrol',
  name: 'kind.patrol',
  description: 'kind.patrol.description',
  dateFrom: 'startAt',
  fields: [
    { key: 'startAt', widget: 'time', label: 'field.patrol.startAt', isRequired: true },
    { key: 'endAt', widget: 'time', label: 'field.patrol.endAt', isRequired: true },
    { key: 'participantIds', widget: 'members', label: 'field.patrol.participantIds', isRequired: true, requiredMessage: 'error.participants' },
    { key: 'area', widget: 'text', label: 'field.patrol.area', maxLength: fieldLogLimits.shortTextMaxLength, isRequired: true },
    { key: 'checklist', widget: 'checklist', appliesTo: 'patrol', label: 'field.patrol.checklist' },
    { key: 'findings', widget: 'longText', label: 'field.patrol.findings', maxLength: fieldLogLimits.longTextMaxLength },
  ],
};
