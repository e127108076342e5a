// The sync bar reads the real outbox and sync status; "Thử lại" drives the real sync runner
// over an in-test transport. Offline and a failed connection read calmly, never as "Lỗi".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
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
  vi.restoreAllMocks();
});

describe('sync status bar', () => {
  it('shows what waits and since when, and the last successful sync in dd/MM/yyyy HH:mm', async () => {
    const db = freshDb();
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000 - 60_000);
    await putRecord(db, 'fieldLog', outreachLog(me.user.id), twoHoursAgo);
    await putRecord(db, 'fieldLog', outreachLog(me.user.id));
    await updateSyncStatus(db, { lastSuccessAt: '2026-03-05T01:30:00.000Z' });
    renderWithDb(db, <SyncStatusBar />);

    expect(await screen.findByText('2 mục chờ gửi · cũ nhất 2 giờ trước')).toBeInTheDocument();
    expect(screen.getByText('Lần cuối: 05/03/2026 08:30')).toBeInTheDocument();
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
    expect(screen.getByText(/^Lần cuối: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)).toBeInTheDocument();
    expect(pushes).toBe(2);
    expect(await db.outbox.count()).toBe(0);
  });

  it('says calmly that the phone is offline, without an error for the missing connection', async () => {
    const db = freshDb();
    await putRecord(db, 'fieldLog', outreachLog(me.user.id));
    await updateSyncStatus(db, { lastError: { reason: 'network', message: 'Không có kết nối mạng', at: new Date().toISOString() } });
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderWithDb(db, <SyncStatusBar />);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });

    expect(await screen.findByText('Chưa có mạng')).toBeInTheDocument();
    expect(screen.getByText(/^1 mục chờ gửi/)).toBeInTheDocument();
    expect(screen.queryByText(/Lỗi/)).toBeNull();
    expect(screen.queryByText('Không có kết nối mạng')).toBeNull();
  });

  it('says a failed connection will be retried, not that an error happened', async () => {
    const db = freshDb();
    await updateSyncStatus(db, { lastError: { reason: 'timeout', message: 'Máy chủ không trả lời kịp, sẽ thử lại sau', at: new Date().toISOString() } });
    renderWithDb(db, <SyncStatusBar />);
    expect(await screen.findByText('Chưa kết nối được máy chủ. Dữ liệu vẫn an toàn trên máy và sẽ tự gửi lại.')).toBeInTheDocument();
    expect(screen.queryByText(/Lỗi/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeInTheDocument();
  });

  it("shows how far a fresh phone's first download got", async () => {
    const db = freshDb();
    await updateSyncStatus(db, { runningSince: new Date().toISOString(), pullProgress: { received: 12_000, total: 50_000 } });
    renderWithDb(db, <SyncStatusBar />);
    const bar = await screen.findByRole('progressbar', { name: 'Đang tải dữ liệu của tổ: đã tải 12.000 / 50.000' });
    expect(bar).toHaveAttribute('value', '12000');
    expect(bar).toHaveAttribute('max', '50000');
  });
});
