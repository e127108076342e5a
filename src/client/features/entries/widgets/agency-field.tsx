/**
 * Outreach to an agency, enterprise or school of the commune instead of (or besides) households:
 * people reached then counts its staff or students. Offered only when the device knows the
 * commune's agencies (synced org units).
 */
import { useAgencies } from '#src/client/db/roster-repository.ts';
import { Field } from '#src/client/components/field.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { readText } from '../draft-values.ts';
import type { SpecOf, WidgetProps } from './widget-props.ts';
import '#src/client/i18n/notebook-messages.ts';

export function AgencyField({ field, values, setValue, error, inputId, context }: WidgetProps<SpecOf<'agency'>>) {
  const { t } = useT();
  const agencies = useAgencies(context.communeId);
  const value = readText(values, field.key);
  if (!agencies || (agencies.length === 0 && value === '')) return null;
  const isKnown = value === '' || agencies.some((agency) => agency.id === value);
  return (
    <Field id={inputId} label={t(field.label)} hint={field.hint ? t(field.hint) : undefined} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => setValue(field.key, event.target.value)}>
          <option value="">{t('field.outreach.noAgency')}</option>
          {agencies.map((agency) => <option key={agency.id} value={agency.id}>{agency.name}</option>)}
          {!isKnown && <option value={value}>{t('field.outreach.unknownAgency')}</option>}
        </select>
      )}
    </Field>
  );
}
