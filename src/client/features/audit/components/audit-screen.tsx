/**
 * `/nhat-ky-kiem-tra` (province admins): the audit trail — restricted reads and account or
 * permission changes — filtered by who, what and from/to days, newest first, and the same as a
 * CSV download. Online only: nothing of the trail is kept on the device.
 */
import { useId, useState, type FormEvent } from 'react';
import { auditPaths, auditResponseSchema, type AuditEntry, type AuditQuery } from '#src/shared/domain/audit.ts';
import { formatInstant, parseDisplayDay } from '#src/shared/domain/dates.ts';
import { apiRequest } from '#src/client/api/api-client.ts';
import { useApiResource } from '#src/client/api/use-api-resource.ts';
import { Field } from '#src/client/components/field.tsx';
import { useOnlineStatus } from '#src/client/components/use-online-status.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';

const ACTIONS = ['', 'restricted.read', 'entry.history', 'account.', 'session.', 'org.import'] as const;

function queryString(query: AuditQuery & { account?: string }): string {
  const params = new URLSearchParams(Object.entries(query).filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function AuditList({ token, query }: { token: string | null; query: AuditQuery }) {
  const { t } = useT();
  const trail = useApiResource(() => apiRequest({ method: 'GET', path: `${auditPaths.log}${queryString(query)}`, token, schema: auditResponseSchema }), [token, query]);
  if (trail.error) return <p className="alert alert--error">{trail.error.message}</p>;
  if (!trail.data) return <p>{t('app.loading')}</p>;
  if (trail.data.entries.length === 0) return <p>{t('audit.none')}</p>;
  return (
    <ul className="stack">
      {trail.data.entries.map((entry: AuditEntry) => (
        <li key={entry.id} className="card stack">
          <p className="card__title">{formatInstant(entry.at)} · {entry.actorName ?? '—'}</p>
          <p>{entry.action}{entry.targetId ? ` · ${entry.targetId}` : ''}</p>
          <p className="card__meta">{t('audit.session', { id: entry.sessionId ?? '—' })}</p>
        </li>
      ))}
    </ul>
  );
}

export function AuditScreen({ token, accountId }: { token: string | null; accountId: string }) {
  const { t } = useT();
  const id = useId();
  const isOnline = useOnlineStatus();
  const [who, setWho] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [query, setQuery] = useState<AuditQuery>({});

  function submit(event: FormEvent): void {
    event.preventDefault();
    const fromDay = from.trim() ? parseDisplayDay(from.trim()) : undefined;
    const toDay = to.trim() ? parseDisplayDay(to.trim()) : undefined;
    const next = { ...(fromDay === null ? { from: t('audit.badDay') } : {}), ...(toDay === null ? { to: t('audit.badDay') } : {}) };
    setErrors(next);
    if (fromDay === null || toDay === null) return;
    setQuery({ ...(who.trim() ? { who: who.trim() } : {}), ...(action ? { action } : {}), ...(fromDay ? { from: fromDay } : {}), ...(toDay ? { to: toDay } : {}) });
  }

  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} tabIndex={-1}>{t('audit.title')}</h1>
      {!isOnline ? <p className="alert alert--info">{t('audit.onlineOnly')}</p> : (
        <>
          <form className="stack" noValidate onSubmit={submit}>
            <Field id={`${id}-who`} label={t('audit.who')}>{(control) => <input {...control} value={who} onChange={(e) => setWho(e.target.value)} />}</Field>
            <Field id={`${id}-action`} label={t('audit.action')}>
              {(control) => (
                <select {...control} value={action} onChange={(e) => setAction(e.target.value)}>
                  {ACTIONS.map((value) => <option key={value} value={value}>{value === '' ? t('audit.anyAction') : value}</option>)}
                </select>
              )}
            </Field>
            <Field id={`${id}-from`} label={t('audit.from')} hint={t('audit.dayHint')} error={errors.from}>{(control) => <input {...control} inputMode="numeric" value={from} onChange={(e) => setFrom(e.target.value)} />}</Field>
            <Field id={`${id}-to`} label={t('audit.to')} hint={t('audit.dayHint')} error={errors.to}>{(control) => <input {...control} inputMode="numeric" value={to} onChange={(e) => setTo(e.target.value)} />}</Field>
            <button type="submit" className="button">{t('audit.search')}</button>
          </form>
          <a className="button" href={`${auditPaths.logCsv}${queryString({ ...query, account: accountId })}`} download>{t('audit.csv')}</a>
          <AuditList token={token} query={query} />
        </>
      )}
    </section>
  );
}
