import type { OutreachLog } from '#src/shared/domain/field-log.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import { useHouseholdsByIds } from '#src/client/db/household-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';

/** A log shown read-only, with the reason it cannot be edited. */
export function OutreachLogView({ log, reason }: { log: OutreachLog; reason: string }) {
  const { t } = useT();
  const households = useHouseholdsByIds(log.householdIds);
  return (
    <div className="stack">
      <p className="alert alert--info">{reason}</p>
      <dl className="details">
        <dt>{t('outreach.dateShort')}</dt>
        <dd>{formatDay(log.date)}</dd>
        <dt>{t('outreach.households')}</dt>
        <dd>
          <ul className="plain-list">
            {log.householdIds.map((id) => (
              <li key={id}>{households?.get(id)?.headName ?? t('outreach.unknownHousehold')}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('outreach.topic')}</dt>
        <dd>{log.topic}</dd>
        <dt>{t('outreach.form')}</dt>
        <dd>{t(`outreachForm.${log.form}`)}</dd>
        <dt>{t('outreach.people')}</dt>
        <dd>{log.peopleReached}</dd>
        {log.note && (
          <>
            <dt>{t('outreach.noteShort')}</dt>
            <dd>{log.note}</dd>
          </>
        )}
        <dt>{t('outreach.status')}</dt>
        <dd>{t(`review.${log.reviewStatus}`)}</dd>
      </dl>
    </div>
  );
}
