// Tuyên truyền: the skeleton's outreach form, as a field list.
import { fieldLogLimits } from '#src/shared/domain/entry-base.ts';
import { outreachForms } from '#src/shared/domain/outreach.ts';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import type { KindDescription } from '../field-spec.ts';
import '#src/client/i18n/notebook-messages.ts';

/** Common topics (chủ đề tuyên truyền) offered as suggestions; any text is allowed. */
const TOPIC_SUGGESTIONS = [
  'Phòng chống lừa đảo qua mạng',
  'Phòng cháy, chữa cháy',
  'Phòng chống ma túy',
  'An toàn giao thông',
  'Tố giác tội phạm',
];

export const outreachKind: KindDescription = {
  kind: 'outreach',
  name: 'kind.outreach',
  description: 'kind.outreach.description',
  fields: [
    {
      key: 'householdIds', widget: 'households', multiple: true, label: 'outreach.households',
      isRequired: (values) => typeof values.agencyId !== 'string' || values.agencyId === '', requiredMessage: 'outreach.error.households',
    },
    { key: 'agencyId', widget: 'agency', label: 'field.outreach.agencyId', hint: 'field.outreach.agencyIdHint' },
    { key: 'topic', widget: 'text', label: 'outreach.topic', maxLength: fieldLogLimits.topicMaxLength, suggestions: TOPIC_SUGGESTIONS, isRequired: true, requiredMessage: 'outreach.error.topic' },
    { key: 'form', widget: 'select', label: 'outreach.form', options: outreachForms, optionLabel: (form) => `outreachForm.${form}` as MessageKey, isRequired: true, requiredMessage: 'outreach.error.form' },
    { key: 'date', widget: 'day', label: 'outreach.date', isRequired: true },
    { key: 'peopleReached', widget: 'number', label: 'outreach.people', min: 1, max: fieldLogLimits.peopleReachedMax, isRequired: true, requiredMessage: 'outreach.error.people' },
  ],
};
