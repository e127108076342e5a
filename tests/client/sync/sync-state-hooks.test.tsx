// The live hooks the UI reads: overview, pending ids, a member's waiting count.
import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { DatabaseProvider } from '#src/client/db/database-context.tsx';
import { deleteRecord, putRecord } from '#src/client/db/record-repository.ts';
import { settlePush } from '#src/client/db/outbox-repository.ts';
import {
  updateSyncStatus,
  usePendingCountForMember,
  usePendingRecordIds,
  useSyncOverview,
} from '#src/client/db/sync-state-repository.ts';
import { freshDatabase, MEMBER_ID, OTHER_MEMBER_ID, outreachLog } from './support/fixtures.ts';

function withDb(db: AnttDatabase) {
  return ({ children }: { children: ReactNode }) => <DatabaseProvider db={db}>{children}</DatabaseProvider>;
}

describe('useSyncOverview', () => {
  it('shows waiting changes, the oldest save, the last error and the retry time', async () => {
    const db = freshDatabase();
    const { result } = renderHook(() => useSyncOverview(), { wrapper: withDb(db) });
    await waitFor(() => expect(result.current).toEqual({
      pendingCount: 0, oldestPendingAt: null, lastSuccessAt: null, lastError: null, nextRetryAt: null, isRunning: false,
      pullProgress: null, needsAttention: 0,
    }));

    await act(async () => {
      await putRecord(db, 'fieldLog', outreachLog(), new Date('2025-03-14T01:00:00.000Z'));
      await putRecord(db, 'fieldLog', outreachLog(), new Date('2025-03-14T05:00:00.000Z'));
      await updateSyncStatus(db, {
        lastError: { reason: 'network', message: 'Không có kết nối mạng', at: '2025-03-14T05:01:00.000Z' },
        nextRetryAt: '2025-03-14T05:01:03.000Z',
        runningSince: null,
      });
    });
    await waitFor(() => expect(result.current).toMatchObject({
      pendingCount: 2,
      oldestPendingAt: '2025-03-14T01:00:00.000Z',
      lastError: { reason: 'network', message: 'Không có kết nối mạng' },
      nextRetryAt: '2025-03-14T05:01:03.000Z',
      isRunning: false,
    }));

    await act(() => updateSyncStatus(db, { runningSince: new Date().toISOString() }));
    await waitFor(() => expect(result.current?.isRunning).toBe(true));
  });

  it('does not report a run cut off long ago (tab closed mid-sync) as running', async () => {
    const db = freshDatabase();
    await updateSyncStatus(db, { runningSince: '2020-01-01T00:00:00.000Z' });
    const { result } = renderHook(() => useSyncOverview(), { wrapper: withDb(db) });
    await waitFor(() => expect(result.current).toBeDefined());
    expect(result.current?.isRunning).toBe(false);
  });
});

describe('usePendingRecordIds and usePendingCountForMember', () => {
  it('follow saves and pushes, per record and per member', async () => {
    const db = freshDatabase();
    const mine = outreachLog();
    const mineDeleted = outreachLog();
    const theirs = outreachLog({ memberId: OTHER_MEMBER_ID });
    const { result } = renderHook(
      () => ({ ids: usePendingRecordIds(), count: usePendingCountForMember(MEMBER_ID) }),
      { wrapper: withDb(db) },
    );
    await waitFor(() => expect(result.current.count).toBe(0));

    await act(async () => {
      await putRecord(db, 'fieldLog', mine);
      await putRecord(db, 'fieldLog', { ...mine, peopleReached: 4 });
      await putRecord(db, 'fieldLog', mineDeleted);
      await deleteRecord(db, 'fieldLog', mineDeleted.id);
      await putRecord(db, 'fieldLog', theirs);
    });
    await waitFor(() => expect(result.current.ids).toEqual(new Set([mine.id, mineDeleted.id, theirs.id])));
    expect(result.current.count).toBe(2);

    await act(async () => {
      await settlePush(db, { protocolVersion: 2, lastAppliedSeq: 2, written: [], rejected: [] });
    });
    await waitFor(() => expect(result.current.ids).toEqual(new Set([mineDeleted.id, theirs.id])));
    expect(result.current.count).toBe(1);
  });
});
