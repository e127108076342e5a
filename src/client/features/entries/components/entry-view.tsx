/**
 * An entry shown read-only (reviewed, or someone else's), field by field from its kind's
 * description, with the checklist exactly as it was filled (labels copied into the entry) and
 * its photos (fetched from the server when this device lacks them).
 */
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { formatDay, formatInstant } from '#src/shared/domain/dates.ts';
import type { ChecklistAnswer } from '#src/shared/domain/checklist.ts';
import { useHouseholdsByIds } from '#src/client/db/household-repository.ts';
import { useAgencies } from '#src/client/db/roster-repository.ts';
import { useT, type Translate } from '#src/client/i18n/i18n-context.tsx';
import type { FieldSpec, KindDescription } from '../field-spec.ts';
import { PhotoList } from '../widgets/photo-list.tsx';
import '#src/client/i18n/notebook-messages.ts';

function idsOf(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
}

function householdIdsOf(description: KindDescription, record: Record<string, unknown>): string[] {
  return description.fields.flatMap((field) => (field.widget === 'households' ? idsOf(record[field.key]) : []));
}

function ChecklistView({ answer, t }: { answer: ChecklistAnswer; t: Translate }) {
  return (
    <ul className="plain-list">
      {answer.items.map((item) => (
        <li key={item.itemId}>
          <span aria-hidden="true">{item.isChecked ? '✓ ' : '✗ '}</span>
          <span className="visually-hidden">{item.isChecked ? t('field.yes') : t('field.no')}: </span>
          {item.label}{item.note && ` — ${item.note}`}
        </li>
      ))}
    </ul>
  );
}

interface Names {
  households: Map<string, { headName: string }> | undefined;
  agencies: Array<{ id: string; name: string }> | undefined;
}

function valueText(field: FieldSpec, record: Record<string, unknown>, names: Names, t: Translate): string {
  const value = record[field.key];
  const households = names.households;
  switch (field.widget) {
    case 'agency': return typeof value === 'string' ? (names.agencies?.find((agency) => agency.id === value)?.name ?? t('field.outreach.unknownAgency')) : '—';
    case 'day': return typeof value === 'string' ? formatDay(value) : '—';
    case 'time': return typeof value === 'string' ? formatInstant(value) : '—';
    case 'select': return typeof value === 'string' ? t(field.optionLabel(value)) : '—';
    case 'yesNo': return value === true ? t('field.yes') : t('field.no');
    case 'urgent': return record.isUrgent === true ? t('field.yes') : t('field.no');
    case 'households': return idsOf(value).map((id) => households?.get(id)?.headName ?? t('outreach.unknownHousehold')).join(', ');
    case 'members': return Array.isArray(value) ? String(value.length) : '—';
    default: return value === undefined || value === null || value === '' ? '—' : String(value);
  }
}

export function EntryView({ entry, description, reason, communeId }: {
  entry: FieldLog;
  description: KindDescription;
  reason: string;
  communeId: string | null;
}) {
  const { t } = useT();
  const record = entry as unknown as Record<string, unknown>;
  const households = useHouseholdsByIds(householdIdsOf(description, record));
  const agencies = useAgencies(communeId);
  return (
    <div className="stack">
      <p className="alert alert--info">{reason}</p>
      <dl className="details">
        <dt>{t('outreach.dateShort')}</dt>
        <dd>{formatDay(entry.date)}</dd>
        {description.fields.map((field) => (
          <div key={field.key}>
            <dt>{t(field.label)}</dt>
            <dd>{field.widget === 'checklist' && typeof record[field.key] === 'object'
              ? <ChecklistView answer={record[field.key] as ChecklistAnswer} t={t} />
              : valueText(field, record, { households, agencies }, t)}</dd>
          </div>
        ))}
        {entry.note && (
          <>
            <dt>{t('outreach.noteShort')}</dt>
            <dd>{entry.note}</dd>
          </>
        )}
        {entry.photoIds.length > 0 && (
          <>
            <dt>{t('photos.heading')}</dt>
            <dd><PhotoList entryId={entry.id} photoIds={entry.photoIds} shouldFetch /></dd>
          </>
        )}
        <dt>{t('outreach.status')}</dt>
        <dd>{t(`review.${entry.reviewStatus}`)}{entry.reviewComment && ` — ${entry.reviewComment}`}</dd>
      </dl>
    </div>
  );
}
