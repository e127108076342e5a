// The sync bar reads the real outbox and sync status; "Thử lại" drives the real sync runner
// over an in-test transport.
import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SyncStatusBar } from '#src/client/features/sync-status/components/sync-status-bar.tsx';
import { putRecord } from '#src/client/db/record-repository.ts';
import { updateSyncStatus } from '#src/client/db/sync-state-repository.ts';
import { saveSession } from '#src/client/db/session-repository.ts';
import { SyncError } from '#src/client/sync/http-transport.ts';
import { startAppSyncRunner, stopAppSyncRunner } from '#src/client/sync/sync-runner.ts';
import type { SyncTransport } from '#src/client/sync/transport.ts';
import { freshDb, memberProfile, outreachLog, renderWithDb } from '../test-kit.tsx';

const me = memberProfile();

afterEach(async () => {
  await stopAppSyncRunner();
});

describe('sync status bar', () => {
  it('shows what waits and since when, and the last successful sync in dd/MM/yyyy HH:mm', async () => {
    const db = freshDb();
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000 - 60_000);
    await putRecord(db, 'fieldLog', outreachLog(me.user.id), twoHoursAgo);
    await putRecord(db, 'fieldLog', outreachLog(me.user.id));
    await updateSyncStatus(db, { lastSuccessAt: '2026-03-05T01:30:00.000Z' });
    renderWithDb(db, <SyncStatusBar />);

    expect(await screen.findByText('2 mục chờ gửi (mục cũ nhất: 2 giờ trước)')).toBeInTheDocument();
    expect(screen.getByText(/Đồng bộ lần cuối: 05\/03\/2026 08:30/)).toBeInTheDocument();
    expect(screen.getByText('Có mạng')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Chi tiết đồng bộ' })).toHaveAttribute('href', '/dong-bo');
    expect(screen.queryByRole('button', { name: 'Thử lại' })).toBeNull();
  });

  it('shows the last error in words, and "Thử lại" syncs again', async () => {
    const db = freshDb();
    await saveSession(db, { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', profile: me, loggedInAt: new Date().toISOString() });
    await putRecord(db, 'fieldLog', outreachLog(me.user.id));
    let pushes = 0;
    const transport: SyncTransport = {
      async push(request) {
        pushes += 1;
        // 426 stops automatic retries: only the button can cause the second push.
        if (pushes === 1) throw new SyncError('client-too-old', 426);
        return { protocolVersion: 2, lastAppliedSeq: request.mutations.at(-1)!.seq, written: [], rejected: [] };
      },
      async pull() {
        return { protocolVersion: 2, changes: [], cursor: '1', hasMore: false, scopesHash: '' };
      },
    };
    startAppSyncRunner(db, transport);
    renderWithDb(db, <SyncStatusBar />);

    expect(await screen.findByText('Lỗi: Ứng dụng đã cũ, hãy cập nhật')).toBeInTheDocument();
    expect(screen.getByText('Chưa đồng bộ lần nào', { exact: false })).toBeInTheDocument();
    expect(pushes).toBe(1);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByText('Đã gửi hết')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/^Lỗi:/)).toBeNull());
    expect(screen.getByText(/Đồng bộ lần cuối: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)).toBeInTheDocument();
    expect(pushes).toBe(2);
    expect(await db.outbox.count()).toBe(0);
  });
});
