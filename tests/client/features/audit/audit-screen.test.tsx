// The province's audit trail screen against the real server (in-process): filters by who, action
// and days; a bad day gets a Vietnamese sentence beside the field; the CSV link carries the filters.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { adminPaths, pathFor } from '#src/shared/domain/admin.ts';
import { AuditScreen } from '#src/client/features/audit/components/audit-screen.tsx';
import { login, startTestServer, type TestServer } from '../../sync/support/server-harness.ts';
import { freshDb, renderWithDb } from '../test-kit.tsx';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('audit screen', () => {
  it('lets a province admin filter the trail and download it, with a clear sentence for a bad day', async () => {
    const police = await login(server, 'congan');
    const member = await server.app.inject({ method: 'GET', url: adminPaths.mySessions, headers: { authorization: `Bearer ${(await login(server, 'tovien')).token}` } });
    const sessionId = (member.json().sessions as { id: string }[])[0]!.id;
    const ended = await server.app.inject({ method: 'DELETE', url: pathFor(adminPaths.session, sessionId), headers: { authorization: `Bearer ${police.token}` } });
    expect(ended.statusCode).toBe(204);

    vi.stubGlobal('fetch', server.fetch);
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    const province = await login(server, 'tinh');
    renderWithDb(freshDb(), <AuditScreen token={province.token ?? null} accountId={province.profile.user.id} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Người thực hiện (tên đăng nhập)'), 'congan');
    await user.selectOptions(screen.getByLabelText('Hành động'), 'session.');
    await user.type(screen.getByLabelText('Từ ngày'), '31/02/2026');
    await user.click(screen.getByRole('button', { name: 'Tìm' }));
    expect(screen.getByText('Ngày không hợp lệ. Hãy nhập dạng ngày/tháng/năm, ví dụ 14/03/2026.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Từ ngày'));
    await user.click(screen.getByRole('button', { name: 'Tìm' }));
    expect(await screen.findByText(`session.end · ${sessionId}`)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tải về tệp CSV' })).toHaveAttribute('href', `/api/admin/audit.csv?who=congan&action=session.&account=${province.profile.user.id}`);
  });
});
