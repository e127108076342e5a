/**
 * "Lịch sử thay đổi" on an entry's view: every change the server kept (who, when, from which
 * device, which fields, and the values before), loaded online when opened. The server answers
 * only those who may read the entry, and logs the read.
 */
import { useState } from 'react';
import { auditPaths, entryHistoryResponseSchema, type EntryChange } from '#src/shared/domain/audit.ts';
import { pathFor } from '#src/shared/domain/admin.ts';
import { formatInstant } from '#src/shared/domain/dates.ts';
import { apiRequest } from '#src/client/api/api-client.ts';
import { useApiResource } from '#src/client/api/use-api-resource.ts';
import { useOnlineStatus } from '#src/client/components/use-online-status.ts';
import { useSession } from '#src/client/db/session-repository.ts';
import { useT, type Translate } from '#src/client/i18n/i18n-context.tsx';

function changeText(change: EntryChange, isFirst: boolean, t: Translate): string {
  if (change.deleted) return t('history.deleted');
  if (isFirst || change.changed === null) return t('history.created');
  return t('history.changed', { fields: change.changed.join(', ') });
}

function previousText(change: EntryChange): string | null {
  if (!change.previous || !change.changed) return null;
  return change.changed.map((field) => `${field}: ${JSON.stringify(change.previous?.[field] ?? null)}`).join('; ');
}

function HistoryList({ entryId }: { entryId: string }) {
  const { t } = useT();
  const session = useSession();
  const token = session?.token ?? null;
  const history = useApiResource(
    () => apiRequest({ method: 'GET', path: pathFor(auditPaths.entryHistory, entryId), token, schema: entryHistoryResponseSchema }),
    [entryId, token],
  );
  if (history.error) return <p className="alert alert--error">{history.error.message}</p>;
  if (!history.data) return <p>{t('app.loading')}</p>;
  return (
    <ol className="stack">
      {history.data.changes.map((change, index) => {
        const before = previousText(change);
        return (
          <li key={change.version}>
            <p>{formatInstant(change.at)} · {change.userName ?? t('history.server')} · {change.clientId ? t('history.device', { id: change.clientId.slice(-8) }) : t('history.server')}</p>
            <p>{changeText(change, index === 0, t)}</p>
            {before && <p className="card__meta">{t('history.before', { values: before })}</p>}
          </li>
        );
      })}
    </ol>
  );
}

export function EntryHistory({ entryId }: { entryId: string }) {
  const { t } = useT();
  const isOnline = useOnlineStatus();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <details className="card stack" onToggle={(event) => setIsOpen(event.currentTarget.open)}>
      <summary>{t('history.title')}</summary>
      {!isOnline ? <p className="alert alert--info">{t('history.onlineOnly')}</p> : isOpen && <HistoryList entryId={entryId} />}
    </details>
  );
}
