// The whole app over a real device database: opening offline from a stored session, routing,
// the language setting, and sign-out with unsent entries.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '#src/client/app/App.tsx';
import { putRecord } from '#src/client/db/record-repository.ts';
import { getSession, saveSession } from '#src/client/db/session-repository.ts';
import { getLanguage } from '#src/client/db/prefs-repository.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { apiPaths } from '#src/shared/sync/protocol.ts';
import { freshDb, memberProfile, outreachLog, renderWithDb } from '../features/test-kit.tsx';

const profile = memberProfile({ displayName: 'Hoàng Văn Tổ' });
let fetch: ReturnType<typeof vi.fn>;

beforeEach(() => {
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

async function signedInDb(): Promise<AnttDatabase> {
  const db = freshDb();
  await saveSession(db, { token: 'token-1', expiresAt: '2099-01-01T00:00:00.000Z', profile, loggedInAt: '2026-03-01T00:00:00.000Z' });
  return db;
}

function openAt(db: AnttDatabase, path: string) {
  window.history.pushState(null, '', path);
  return renderWithDb(db, <App />);
}

describe('app', () => {
  it('shows a signed-out device the login, then the screen it asked for once signed in', async () => {
    const db = freshDb();
    fetch.mockImplementation(async () => new Response(
      JSON.stringify({ token: 'token-1', expiresAt: '2099-01-01T00:00:00.000Z', profile }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    ));
    openAt(db, '/dong-bo');
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Điều hướng chính' })).toBeNull();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Tên đăng nhập'), 'tovien');
    await user.type(screen.getByLabelText('Mật khẩu'), 'antt2026');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('heading', { name: 'Đồng bộ dữ liệu' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/dong-bo');
    expect(await getSession(db)).toMatchObject({ token: 'token-1' });
  });

  it('goes home after a login on /dang-nhap', async () => {
    fetch.mockImplementation(async () => new Response(
      JSON.stringify({ token: 'token-1', expiresAt: '2099-01-01T00:00:00.000Z', profile }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    ));
    openAt(freshDb(), '/dang-nhap');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Tên đăng nhập'), 'tovien');
    await user.type(screen.getByLabelText('Mật khẩu'), 'antt2026');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('heading', { name: 'Nhật ký của tôi' })).toBeInTheDocument();
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
    expect(await getLanguage(db)).toBe('en');

    await user.click(within(screen.getByRole('navigation')).getByRole('link', { name: /Home/ }));
    expect(await screen.findByRole('heading', { name: 'My logs' })).toBeInTheDocument();
  });

  it('warns before signing out with unsent entries, then erases the device but keeps prefs', async () => {
    const db = await signedInDb();
    await db.prefs.put({ key: 'language', value: 'vi' });
    await putRecord(db, 'fieldLog', outreachLog(profile.user.id));
    fetch.mockImplementation(async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }));
    openAt(db, '/cai-dat');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Đăng xuất' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Đăng xuất khỏi máy này?' });
    expect(dialog).toHaveTextContent('Còn 1 mục chưa gửi lên máy chủ. Nếu đăng xuất bây giờ, các mục này sẽ bị mất.');
    expect(within(dialog).getByRole('button', { name: 'Hủy' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await db.outbox.count()).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    await user.click(screen.getByRole('button', { name: 'Vẫn đăng xuất và bỏ 1 mục' }));
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/dang-nhap');
    expect(await getSession(db)).toBeUndefined();
    expect(await db.fieldLog.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.prefs.get('language')).toEqual({ key: 'language', value: 'vi' });
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
