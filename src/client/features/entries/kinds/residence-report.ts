// Cung cấp thông tin nhân khẩu, tạm trú, tạm vắng: one household, what, when passed on.
import { fieldLogLimits } from '#src/shared/domain/entry-base.ts';
import { residenceReportTypes } from '#src/shared/domain/residence-report.ts';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import type { KindDescription } from '../field-spec.ts';
import '#src/client/i18n/notebook-messages.ts';

export const residenceReportKind: KindDescription = {
  kind: 'residence-report',
  name: 'kind.residence-report',
  description: 'kind.residence-report.description',
  fields: [
    { key: 'date', widget: 'day', label: 'field.date', isRequired: true },
    { key: 'householdId', widget: 'households', multiple: false, label: 'field.residence-report.householdId', isRequired: true, requiredMessage: 'error.household' },
    { key: 'reportType', widget: 'select', label: 'field.residence-report.reportType', options: residenceReportTypes, optionLabel: (type) => `residenceReportType.${type}` as MessageKey, isRequired: true },
    { key: 'details', widget: 'longText', label: 'field.residence-report.details', maxLength: fieldLogLimits.noteMaxLength, isRequired: true },
    { key: 'passedToPoliceAt', widget: 'time', label: 'field.residence-report.passedToPoliceAt', hint: 'field.optionalTimeHint' },
  ],
};
