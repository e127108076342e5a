// The whole app over real device databases: opening offline from a stored session, routing,
// the language setting, and sign-out on a shared phone, which never loses unsent entries.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '#src/client/app/App.tsx';
import { putRecord } from '#src/client/db/record-repository.ts';
import { getSession } from '#src/client/db/session-repository.ts';
import { getLanguage } from '#src/client/db/prefs-repository.ts';
import { databaseNameFor, getActiveAccount } from '#src/client/db/account-repository.ts';
import { AnttDatabase } from '#src/client/db/database.ts';
import type { DeviceDatabase } from '#src/client/db/device-database.ts';
import { apiPaths } from '#src/shared/sync/protocol.ts';
import { freshDevice, memberProfile, outreachLog, renderApp, signedInPhone } from '../features/test-kit.tsx';

let profile = memberProfile({ displayName: 'Hoàng Văn Tổ' });
let fetch: ReturnType<typeof vi.fn>;

beforeEach(() => {
  profile = memberProfile({ displayName: 'Hoàng Văn Tổ' });
  // The network is "down": any request fails, and the tests see whether one was made.
  fetch = vi.fn(async () => {
    throw new TypeError('Failed to fetch');
  });
  vi.stubGlobal('fetch', fetch);
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.documentElement.lang = 'vi';
});

/** The first online login on a phone asks for a PIN before anything shows. */
async function setPin(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(await screen.findByLabelText('Mã PIN (6 chữ số)'), '246810');
  await user.type(screen.getByLabelText('Nhập lại mã PIN'), '246810');
  await user.click(screen.getByRole('button', { name: 'Lưu mã PIN' }));
}

async function signedInDb(): Promise<AnttDatabase> {
  const phone = await signedInPhone(profile);
  phones.set(phone.db, phone.device);
  return phone.db;
}

const phones = new Map<AnttDatabase, DeviceDatabase>();

function openAt(db: AnttDatabase, path: string) {
  return renderApp(phones.get(db)!, <App />, path);
}

describe('app', () => {
  it('shows a signed-out device the login, then the screen it asked for once signed in', async () => {
    const device = freshDevice();
    fetch.mockImplementation(async () => new Response(
      JSON.stringify({ token: 'token-1', expiresAt: '2099-01-01T00:00:00.000Z', profile }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    ));
    renderApp(device, <App />, '/dong-bo');
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Điều hướng chính' })).toBeNull();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Tên đăng nhập'), 'tovien');
    await user.type(screen.getByLabelText('Mật khẩu'), 'antt2026');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    await setPin(user);
    expect(await screen.findByRole('heading', { name: 'Đồng bộ dữ liệu' }, { timeout: 5000 })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/dong-bo');
    expect(await getActiveAccount(device)).toMatchObject({ userId: profile.user.id, dbName: databaseNameFor(profile.user.id) });
    expect(await getSession(new AnttDatabase(databaseNameFor(profile.user.id)))).toMatchObject({ token: 'token-1' });
  });

  it('goes home after a login on /dang-nhap', async () => {
    fetch.mockImplementation(async () => new Response(
      JSON.stringify({ token: 'token-1', expiresAt: '2099-01-01T00:00:00.000Z', profile }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    ));
    renderApp(freshDevice(), <App />, '/dang-nhap');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Tên đăng nhập'), 'tovien');
    await user.type(screen.getByLabelText('Mật khẩu'), 'antt2026');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    await setPin(user);
    expect(await screen.findByRole('heading', { name: 'Nhật ký của tôi' }, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(window.location.pathname).toBe('/'));
  });

  it('opens offline straight to home from the stored session, without the network', async () => {
    const db = await signedInDb();
    openAt(db, '/');
    expect(await screen.findByRole('heading', { name: 'Nhật ký của tôi' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Tiến độ đợt thi đua' })).toBeInTheDocument();
    expect(screen.getByText('Hoàng Văn Tổ')).toBeInTheDocument();
    expect(await screen.findByText('Đã gửi hết')).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('moves between screens through the URL', async () => {
    const db = await signedInDb();
    openAt(db, '/');
    const user = userEvent.setup();
    const nav = within(await screen.findByRole('navigation', { name: 'Điều hướng chính' }));
    expect(nav.getByRole('link', { name: /Trang chủ/ })).toHaveAttribute('aria-current', 'page');

    await user.click(nav.getByRole('link', { name: /Ghi nhật ký/ }));
    expect(await screen.findByRole('heading', { name: 'Ghi nhật ký mới', level: 1 })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/nhat-ky/moi');
    await user.click(screen.getByRole('link', { name: /^Tuần tra/ }));
    expect(await screen.findByRole('heading', { name: 'Ghi nhật ký: Tuần tra', level: 1 })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/nhat-ky/moi/patrol');
    expect(nav.getByRole('link', { name: /Ghi nhật ký/ })).toHaveAttribute('aria-current', 'page');

    await user.click(nav.getByRole('link', { name: /Đồng bộ/ }));
    expect(await screen.findByRole('heading', { name: 'Đồng bộ dữ liệu' })).toBeInTheDocument();
    expect(await screen.findByText('Không có mục nào bị từ chối.')).toBeInTheDocument();

    window.history.back();
    expect(await screen.findByRole('heading', { name: 'Ghi nhật ký: Tuần tra', level: 1 })).toBeInTheDocument();
  });

  it('switches to English and keeps the choice in the device prefs', async () => {
    const db = await signedInDb();
    openAt(db, '/cai-dat');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'English' }));

    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked();
    expect(document.documentElement.lang).toBe('en');
    expect(await getLanguage(phones.get(db)!)).toBe('en');

    await user.click(within(screen.getByRole('navigation')).getByRole('link', { name: /Home/ }));
    expect(await screen.findByRole('heading', { name: 'My logs' })).toBeInTheDocument();
  });

  it('signs out offline without losing unsent entries: kept for their owner, shown to nobody else', async () => {
    const db = await signedInDb();
    const device = phones.get(db)!;
    await putRecord(db, 'fieldLog', outreachLog(profile.user.id));
    openAt(db, '/cai-dat');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Đăng xuất' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Đăng xuất khỏi máy này?' });
    expect(dialog).toHaveTextContent('Còn 1 mục chờ gửi lên máy chủ. Ứng dụng sẽ thử gửi trước khi đăng xuất.');
    expect(within(dialog).getByRole('button', { name: 'Hủy' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Đăng xuất' }));
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/dang-nhap');
    // The push was tried (offline, it failed): the entry and its outbox entry are kept; the token is not.
    expect(fetch).toHaveBeenCalledWith(apiPaths.push, expect.anything());
    expect(await getSession(db)).toBeUndefined();
    expect(await db.fieldLog.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    expect(await getActiveAccount(device)).toBeNull();
    expect(await screen.findByText('Hoàng Văn Tổ: 1 mục chờ gửi')).toBeInTheDocument();
    expect(screen.queryByText(/Phòng chống lừa đảo/)).toBeNull();
  });

  it('signs out with everything sent: erases the account data, revokes the token, keeps the language', async () => {
    const db = await signedInDb();
    const device = phones.get(db)!;
    await device.prefs.put({ key: 'language', value: 'vi' });
    await db.fieldLog.put(outreachLog(profile.user.id));
    fetch.mockImplementation(async () => new Response(null, { status: 204 }));
    openAt(db, '/cai-dat');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Đăng xuất' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Mọi dữ liệu đã được gửi lên máy chủ. Dữ liệu trên máy này sẽ được xóa.');
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Đăng xuất' }));
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(await AnttDatabase.exists(db.name)).toBe(false);
    expect(await device.accounts.count()).toBe(0);
    expect(await getLanguage(device)).toBe('vi');
    expect(fetch).toHaveBeenCalledWith(apiPaths.logout, expect.objectContaining({
      headers: expect.objectContaining({ authorization: 'Bearer token-1' }),
    }));
  });

  it('says when a page does not exist', async () => {
    openAt(await signedInDb(), '/khong-co');
    expect(await screen.findByRole('heading', { name: 'Không tìm thấy trang này.' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Về trang chủ' })).toHaveAttribute('href', '/');
  });
});
