/**
 * Signed-in devices (sessions) with a button to end each but the current one: SessionList shows
 * what it is given; SessionsPanel loads them online from `listPath` and ends one at `endPath`
 * (my devices, a managed account's devices); managers may also revoke a lost phone at `revokePath`. Used by the devices and admin screens.
 */
import { useState } from 'react';
import { sessionsResponseSchema, type DeviceSession } from '#src/shared/domain/admin.ts';
import { formatInstant } from '#src/shared/domain/dates.ts';
import { apiRequest, ApiRequestError } from '#src/client/api/api-client.ts';
import { useApiResource } from '#src/client/api/use-api-resource.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import '#src/client/i18n/feature-messages.ts';

export function SessionList({ sessions, onEnd, onRevoke, busyId }: {
  sessions: DeviceSession[];
  onEnd: (session: DeviceSession) => void;
  /** Managers only: revoke a lost or replaced phone (it erases itself after pushing). */
  onRevoke?: ((session: DeviceSession) => void) | undefined;
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
            {!session.isCurrent && onRevoke && (
              <button type="button" className="button button--danger" disabled={busyId === session.id} aria-label={t('devices.revoke', { label })} onClick={() => onRevoke(session)}>
                {t('devices.revokeShort')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function SessionsPanel({ token, listPath, endPath, revokePath }: {
  token: string | null;
  listPath: string;
  endPath: (id: string) => string;
  /** Where a manager revokes a device; absent on my own devices. */
  revokePath?: (id: string) => string;
}) {
  const { t } = useT();
  const sessions = useApiResource(() => apiRequest({ method: 'GET', path: listPath, token, schema: sessionsResponseSchema }), [listPath, token]);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function act(session: DeviceSession, isRevoke: boolean): Promise<void> {
    setBusyId(session.id);
    try {
      if (isRevoke && revokePath) await apiRequest({ method: 'POST', path: revokePath(session.id), token });
      else await apiRequest({ method: 'DELETE', path: endPath(session.id), token });
      setMessage(t(isRevoke ? 'devices.revoked' : 'devices.ended'));
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
      {sessions.data && <SessionList sessions={sessions.data.sessions} busyId={busyId} onEnd={(session) => void act(session, false)} onRevoke={revokePath && ((session) => void act(session, true))} />}
    </div>
  );
}
