// The management and device screens against the real server (Fastify with the demo data on an
// in-memory PGlite, reached through a fetch that injects): commune police set the duty phone,
// add an account, import a CSV with a bad row then a good file; a member lists and ends devices;
// a reset account sets a new password at login; offline, the screens say they need the network.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminScreen } from '#src/client/features/admin/components/admin-screen.tsx';
import { DevicesScreen } from '#src/client/features/sessions/components/devices-screen.tsx';
import { LoginScreen } from '#src/client/features/auth/components/login-screen.tsx';
import { getSession } from '#src/client/db/session-repository.ts';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { adminPaths, pathFor } from '#src/shared/domain/admin.ts';
import { getActiveAccount } from '#src/client/db/account-repository.ts';
import { AnttDatabase } from '#src/client/db/database.ts';
import { freshDb, freshDevice, renderWithDb } from '../test-kit.tsx';
import { login, startTestServer, type TestServer } from '../../sync/support/server-harness.ts';

let server: TestServer;
const links = { unitPath: (id: string) => `/quan-tri/don-vi/${id}`, homePath: '/quan-tri' };

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function online(): void {
  vi.stubGlobal('fetch', server.fetch);
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
}

function csvFile(lines: string[]): File {
  return new File([['ten_to,ap,ngay_thanh_lap,ho_ten,ten_dang_nhap,chuc_vu,mat_khau', ...lines].join('\n')], 'to.csv', { type: 'text/csv' });
}

describe('admin screens', () => {
  it("let commune police set the commune's duty phone, with the server's words beside a bad number", async () => {
    online();
    const { token } = await login(server, 'congan');
    renderWithDb(freshDb(), <AdminScreen token={token ?? null} unitId={DEMO_IDS.commune} {...links} />);
    const user = userEvent.setup();
    const phone = await screen.findByLabelText('Số điện thoại trực ban');
    await user.clear(phone);
    await user.type(phone, 'gọi tôi');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText(/Số điện thoại chỉ gồm chữ số/)).toBeInTheDocument();
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    await user.clear(phone);
    await user.type(phone, '0909 113 114');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Đã lưu.')).toBeInTheDocument();
    const rows = await server.database.query<{ duty_phone: string }>('SELECT duty_phone FROM org_units WHERE id = $1', [DEMO_IDS.commune]);
    expect(rows[0]?.duty_phone).toBe('0909 113 114');
  });

  it('add a team member, refusing a common password beside the field', async () => {
    online();
    const { token } = await login(server, 'congan');
    renderWithDb(freshDb(), <AdminScreen token={token ?? null} unitId={DEMO_IDS.commune} {...links} />);
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Thêm tài khoản' });
    await user.type(within(form).getByLabelText('Tên đăng nhập'), 'vothicuc');
    await user.type(within(form).getByLabelText('Họ và tên'), 'Võ Thị Cúc');
    await user.selectOptions(within(form).getByLabelText('Tổ'), 'Tổ bảo vệ ANTT Ấp 3');
    await user.type(within(form).getByLabelText(/Mật khẩu ban đầu/), '123456789');
    await user.click(within(form).getByRole('button', { name: 'Thêm tài khoản' }));
    expect(await within(form).findByText(/quá phổ biến/)).toBeInTheDocument();
    await user.clear(within(form).getByLabelText(/Mật khẩu ban đầu/));
    await user.type(within(form).getByLabelText(/Mật khẩu ban đầu/), 'Hoa-cuc-vang-2026');
    await user.click(within(form).getByRole('button', { name: 'Thêm tài khoản' }));
    expect(await screen.findByText('Võ Thị Cúc')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Quản lý Võ Thị Cúc' })).toBeInTheDocument();
  });

  it('import a CSV: preview, one message per bad row, nothing written; then the fixed file', async () => {
    online();
    const { token } = await login(server, 'congan');
    renderWithDb(freshDb(), <AdminScreen token={token ?? null} unitId={DEMO_IDS.commune} {...links} />);
    const user = userEvent.setup();
    const good = 'Tổ Ấp 7,Ấp 7,01/07/2024,Lý Văn Bảy,lyvanbay,Tổ trưởng,Doi-mat-khau-ngay-1';
    await user.upload(await screen.findByLabelText('Chọn tệp CSV'), csvFile([good, 'Tổ Ấp 7,Ấp 7,01/07/2024,,tam,Tổ viên,abc']));
    expect(await screen.findByRole('table', { name: 'Xem trước: 2 dòng' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nhập 2 dòng' }));
    expect(await screen.findByText(/^Dòng 3: cột “ho_ten”: nhập họ tên; cột “mat_khau”: mật khẩu phải có ít nhất 8 ký tự/)).toBeInTheDocument();
    expect(await server.database.query("SELECT 1 FROM users WHERE username = 'lyvanbay'")).toHaveLength(0);

    await user.upload(screen.getByLabelText('Chọn tệp CSV'), csvFile([good]));
    await user.click(await screen.findByRole('button', { name: 'Kiểm tra' }));
    expect(await screen.findByText('Tệp hợp lệ: sẽ tạo 1 tổ, 1 ấp/thôn, 1 tài khoản.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nhập 1 dòng' }));
    expect(await screen.findByText('Đã nhập: 1 tổ, 1 ấp/thôn, 1 tài khoản.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Tổ Ấp 7' })).toBeInTheDocument();
  });

  it('show a province admin the tree of units below the province', async () => {
    online();
    const { token } = await login(server, 'tinh');
    renderWithDb(freshDb(), <AdminScreen token={token ?? null} unitId={null} {...links} />);
    const tree = await screen.findByRole('navigation', { name: 'Đơn vị' });
    expect(within(tree).getByRole('link', { name: 'Tỉnh Đồng Nai' })).toHaveAttribute('href', links.unitPath(DEMO_IDS.province));
    expect(within(tree).getByRole('link', { name: /Xã Tân Lập/ })).toBeInTheDocument();
  });

  it('say that it needs the network when offline, and ask the server nothing', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderWithDb(freshDb(), <AdminScreen token="t" unitId={null} {...links} />);
    expect(screen.getByText(/Các chức năng quản trị cần mạng/)).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('devices and passwords', () => {
  it('list my devices and sign another one out', async () => {
    online();
    const other = await login(server, 'tovien2');
    const mine = await login(server, 'tovien2');
    renderWithDb(freshDb(), <DevicesScreen profile={mine.profile} token={mine.token ?? null} />);
    const user = userEvent.setup();
    expect(await screen.findByText(/Máy này/)).toBeInTheDocument();
    const endButtons = await screen.findAllByRole('button', { name: /^Đăng xuất máy/ });
    for (const button of endButtons) await user.click(button);
    await waitFor(() => expect(screen.queryAllByRole('button', { name: /^Đăng xuất máy/ })).toHaveLength(0));
    const me = await server.fetch(adminPaths.mySessions, { headers: { authorization: `Bearer ${other.token}` } });
    expect(me.status).toBe(401);
  });

  it('make a reset account set a new password at login, then sign in', async () => {
    online();
    const police = await login(server, 'congan');
    const reset = await server.fetch(pathFor(adminPaths.accountResetPassword, (await login(server, 'topho')).profile.user.id), {
      method: 'POST', headers: { authorization: `Bearer ${police.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ temporaryPassword: 'Tam-thoi-2026-x' }),
    });
    expect(reset.status).toBe(200);
    const device = freshDevice();
    const onSignedIn = vi.fn();
    renderWithDb(freshDb(), <LoginScreen onSignedIn={onSignedIn} />, device);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Tên đăng nhập'), 'topho');
    await user.type(screen.getByLabelText('Mật khẩu'), 'Tam-thoi-2026-x');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('heading', { name: 'Đặt mật khẩu mới' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Mật khẩu mới'), 'matkhau123');
    await user.type(screen.getByLabelText('Nhập lại mật khẩu mới'), 'matkhau123');
    await user.click(screen.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }));
    expect(await screen.findByText(/quá phổ biến/)).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Mật khẩu mới'));
    await user.clear(screen.getByLabelText('Nhập lại mật khẩu mới'));
    await user.type(screen.getByLabelText('Mật khẩu mới'), 'Bo-cau-trang-88');
    await user.type(screen.getByLabelText('Nhập lại mật khẩu mới'), 'Bo-cau-trang-88');
    await user.click(screen.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }));
    // A first login on this phone: the PIN comes next.
    await user.type(await screen.findByLabelText('Mã PIN (6 chữ số)', {}, { timeout: 5000 }), '246810');
    await user.type(screen.getByLabelText('Nhập lại mã PIN'), '246810');
    await user.click(screen.getByRole('button', { name: 'Lưu mã PIN' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled(), { timeout: 5000 });
    const account = await getActiveAccount(device);
    expect(account?.username).toBe('topho');
    expect((await getSession(new AnttDatabase(account!.dbName)))?.profile.user.username).toBe('topho');
  });
});
