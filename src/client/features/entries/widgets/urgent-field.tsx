/**
 * The urgent path of incidents and tips: "urgent" offers a one-tap call (tel:) and SMS (sms:)
 * to the commune police duty number, and records the moment of the tap in the entry
 * (urgentContact), because the entry may reach the server hours later. The draft is stored at
 * the tap, before the phone leaves the app for the dialer.
 */
import { formatInstant } from '#src/shared/domain/dates.ts';
import type { UrgentChannel } from '#src/shared/domain/entry-base.ts';
import { useCommuneSettings } from '#src/client/db/roster-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { readUrgent } from '../draft-values.ts';
import type { SpecOf, WidgetProps } from './widget-props.ts';

export function UrgentField({ field, values, setValue, error, inputId, context, flushDraft }: WidgetProps<SpecOf<'urgent'>>) {
  const { t } = useT();
  const settings = useCommuneSettings(context.communeId);
  const urgent = readUrgent(values, field.key);
  const errorId = error ? `${inputId}-error` : undefined;
  const phone = settings?.dutyPhone ?? null;

  function record(channel: UrgentChannel): void {
    setValue(field.key, { ...urgent, contact: { channel, at: new Date().toISOString() } });
    flushDraft();
  }

  return (
    <div className={error ? 'field field--invalid urgent' : 'field urgent'}>
      <label className="checkbox">
        <input id={inputId} type="checkbox" checked={urgent.isUrgent} aria-invalid={Boolean(error)} aria-describedby={errorId}
          onChange={(event) => setValue(field.key, { ...urgent, isUrgent: event.target.checked })} />
        <span>{t(field.label)}</span>
      </label>
      {urgent.isUrgent && (
        phone === null ? (
          <p className="alert alert--info">{settings === undefined ? t('app.loading') : t('urgent.noPhone')}</p>
        ) : (
          <div className="actions">
            <a className="button button--danger" href={`tel:${phone}`} onClick={() => record('call')}>
              {t('urgent.call', { phone })}
            </a>
            <a className="button" href={`sms:${phone}?body=${encodeURIComponent(t('urgent.smsBody'))}`} onClick={() => record('sms')}>
              {t('urgent.sms')}
            </a>
          </div>
        )
      )}
      {urgent.contact && (
        <p className="field__hint" role="status">
          {t('urgent.contacted', { channel: t(`urgent.channel.${urgent.contact.channel}`), at: formatInstant(urgent.contact.at) })}
        </p>
      )}
      {error && <p id={errorId} className="field__error">{error}</p>}
    </div>
  );
}
