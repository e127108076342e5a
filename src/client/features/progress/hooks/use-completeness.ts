/**
 * What a progress screen knows about how complete its picture is: this phone's last finished
 * sync, the entries it has not sent yet, and (leaders, commune police) when each member's phone
 * last synced. The members' syncs come from the server (GET /api/progress/member-sync) when the
 * network allows, and are kept on the phone (memberSync table) so the screen can say, offline,
 * whose phone was behind and as of when the server said so.
 */
import { useEffect, useMemo } from 'react';
import type { Role } from '#src/shared/domain/account.ts';
import { memberSyncResponseSchema, progressPaths } from '#src/shared/domain/progress-api.ts';
import type { CompletenessInput } from '#src/shared/progress/completeness.ts';
import { apiRequest } from '#src/client/api/api-client.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { saveMemberSyncs, useMemberSyncs } from '#src/client/db/member-sync-repository.ts';
import { useSession } from '#src/client/db/session-repository.ts';
import { usePendingRecordIds, useSyncOverview } from '#src/client/db/sync-state-repository.ts';

export interface CompletenessSource {
  input: CompletenessInput;
  /** When the server reported members' syncs: null never, undefined when the role is not told. */
  reportedAt: string | null | undefined;
}

const toldMemberSyncs = (role: Role): boolean => role === 'leader' || role === 'commune-police';

/** Asks the server once per screen for the members' last syncs; offline, the stored answer stays. */
function useMemberSyncRefresh(role: Role, teamIds: readonly string[]): void {
  const db = useDatabase();
  const session = useSession();
  const token = session?.token ?? null;
  const key = teamIds.join(',');
  useEffect(() => {
    if (!token || !toldMemberSyncs(role) || key === '') return;
    apiRequest({ method: 'GET', path: progressPaths.memberSync, token, schema: memberSyncResponseSchema })
      .then((answer) => saveMemberSyncs(db, answer, key.split(',')))
      .catch(() => undefined);
  }, [db, token, role, key]);
}

/** undefined while loading. */
export function useCompleteness(role: Role, teamIds: readonly string[]): CompletenessSource | undefined {
  useMemberSyncRefresh(role, teamIds);
  const pending = usePendingRecordIds();
  const overview = useSyncOverview();
  const rows = useMemberSyncs();
  return useMemo(() => {
    if (pending === undefined || overview === undefined || rows === undefined) return undefined;
    const input: CompletenessInput = { asOf: overview.lastSuccessAt, pendingEntryIds: pending };
    if (!toldMemberSyncs(role)) return { input, reportedAt: undefined };
    const known = rows.filter((row) => teamIds.includes(row.teamId));
    if (known.length === 0) return { input, reportedAt: null };
    const reportedAt = known.reduce((latest, row) => (row.fetchedAt > latest ? row.fetchedAt : latest), known[0]!.fetchedAt);
    return { input: { ...input, memberLastSyncAt: new Map(known.map((row) => [row.userId, row.lastSyncAt])), now: new Date().toISOString() }, reportedAt };
  }, [pending, overview, rows, role, teamIds]);
}
