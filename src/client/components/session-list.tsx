/**
 * Signed-in devices (sessions) with a button to end each but the current one: SessionList shows
 * what it is given; SessionsPanel loads them online from `listPath` and ends one at `endPath`
 * (my devices, a managed account's devices). Used by the devices and admin screens.
 */
import { useState } from 'react';
import { sessionsResponseSchema, type DeviceSession } from '#src/shared/domain/admin.ts';
import { formatInstant } from '#src/shared/domain/dates.ts';
import { apiRequest, ApiRequestError } from '#src/client/api/api-client.ts';
import { useApiResource } from '#src/client/api/use-api-resource.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';

export function SessionList({ sessions, onEnd, busyId }: {
  sessions: DeviceSession[];
  onEnd: (session: DeviceSession) => void;
  busyId: string | null;
}) {
  const { t } = useT();
  if (sessions.length === 0) return <p>{t('devices.none')}</p>;
  return (
    <ul className="stack session-list">
      {sessions.map((session) => {
        const label = session.deviceLabel || t('devices.unknown');
        return (
          <li key={session.id} className="card stack">
            <p className="card__title">
              {label}
              {session.isCurrent && <strong> · {t('devices.thisDevice')}</strong>}
            </p>
            <p className="card__meta">{t('devices.signedInAt', { at: formatInstant(session.createdAt) })}</p>
            <p className="card__meta">{t('devices.lastSeen', { at: formatInstant(session.lastSeenAt) })}</p>
            {!session.isCurrent && (
              <button type="button" className="button" disabled={busyId === session.id} aria-label={t('devices.end', { label })} onClick={() => onEnd(session)}>
                {t('devices.endShort')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function SessionsPanel({ token, listPath, endPath }: { token: string | null; listPath: string; endPath: (id: string) => string }) {
  const { t } = useT();
  const sessions = useApiResource(() => apiRequest({ method: 'GET', path: listPath, token, schema: sessionsResponseSchema }), [listPath, token]);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function end(session: DeviceSession): Promise<void> {
    setBusyId(session.id);
    try {
      await apiRequest({ method: 'DELETE', path: endPath(session.id), token });
      setMessage(t('devices.ended'));
      sessions.reload();
    } catch (failure) {
      setMessage(failure instanceof ApiRequestError ? failure.message : String(failure));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="stack">
      <div role="status">{message ?? ''}</div>
      {sessions.error && <p className="alert alert--error">{sessions.error.message}</p>}
      {sessions.isLoading && !sessions.data && <p>{t('admin.loading')}</p>}
      {sessions.data && <SessionList sessions={sessions.data.sessions} busyId={busyId} onEnd={(session) => void end(session)} />}
    </div>
  );
}
