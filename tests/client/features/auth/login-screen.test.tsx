// Login against a fetch that answers as the server does (the only thing mocked in UI tests).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LoginScreen } from '#src/client/features/auth/components/login-screen.tsx';
import { getSession } from '#src/client/db/session-repository.ts';
import { apiPaths } from '#src/shared/sync/protocol.ts';
import { databaseNameFor, getActiveAccount } from '#src/client/db/account-repository.ts';
import { AnttDatabase } from '#src/client/db/database.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { getAppLock, setUpAppLock, unlockWithPassword } from '#src/client/db/app-lock.ts';
import { FIRST_SCREEN_ID, showFirstScreen, STATE_ATTRIBUTE } from '#src/client/app/first-screen.ts';
import { firstScreenTemplates } from '#src/client/app/first-screen-markup.ts';
import { en } from '#src/client/i18n/en.ts';
import { vi as vietnamese } from '#src/client/i18n/vi.ts';
import { keyFor, lockDatabase } from '#src/client/db/key-ring.ts';
import { freshDb, freshDevice, memberProfile, outreachLog, renderWithDb } from '../test-kit.tsx';

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

async function signIn(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Tên đăng nhập'), username);
  await user.type(screen.getByLabelText('Mật khẩu'), password);
  await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

describe('login screen', () => {
  it('shows the server\'s Vietnamese error beside the form and stores no session', async () => {
    const fetch = vi.fn(async () => answer(401, { error: { reason: 'unauthorized', message: 'Sai tên đăng nhập hoặc mật khẩu' } }));
    vi.stubGlobal('fetch', fetch);
    const device = freshDevice();
    renderWithDb(freshDb(), <LoginScreen />, device);
    await signIn('tovien', 'sai-mat-khau');

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Sai tên đăng nhập hoặc mật khẩu'));
    expect(fetch).toHaveBeenCalledWith(apiPaths.login, expect.objectContaining({
      method: 'POST', body: JSON.stringify({ username: 'tovien', password: 'sai-mat-khau' }),
    }));
    expect(await getActiveAccount(device)).toBeNull();
    expect(await device.accounts.count()).toBe(0);
  });

  it('says a network is needed when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    const db = freshDb();
    renderWithDb(db, <LoginScreen />);
    await signIn('tovien', 'antt2026');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Cần kết nối mạng để đăng nhập lần đầu.'));
  });

  it('asks for both fields before calling the server', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderWithDb(freshDb(), <LoginScreen />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Đăng nhập' }));
    expect(screen.getByLabelText('Tên đăng nhập')).toHaveAccessibleDescription('Nhập tên đăng nhập');
    expect(screen.getByLabelText('Tên đăng nhập')).toHaveFocus();
    expect(screen.getByLabelText('Mật khẩu')).toHaveAccessibleDescription('Nhập mật khẩu');
    expect(fetch).not.toHaveBeenCalled();
  });

  it("stores the session of a successful login in the account's own database, makes it active and tells the app", async () => {
    const profile = memberProfile();
    vi.stubGlobal('fetch', vi.fn(async () => answer(200, { token: 'token-1', expiresAt: '2026-12-31T00:00:00.000Z', profile })));
    const device = freshDevice();
    const onSignedIn = vi.fn();
    renderWithDb(freshDb(), <LoginScreen onSignedIn={onSignedIn} />, device);
    await signIn('tovien', 'antt2026');

    // First login on this phone: a PIN first, and nothing stored or shown before it is set.
    const user = userEvent.setup();
    const pin = await screen.findByLabelText('Mã PIN (6 chữ số)');
    expect(await getActiveAccount(device)).toBeNull();
    await user.type(pin, '12345');
    await user.click(screen.getByRole('button', { name: 'Lưu mã PIN' }));
    expect(await screen.findByText('Mã PIN phải gồm đúng 6 chữ số')).toBeInTheDocument();
    await user.type(pin, '7');
    await user.type(screen.getByLabelText('Nhập lại mã PIN'), '123456');
    await user.click(screen.getByRole('button', { name: 'Lưu mã PIN' }));
    expect(await screen.findByText('Hai mã PIN chưa giống nhau')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Nhập lại mã PIN'));
    await user.type(screen.getByLabelText('Nhập lại mã PIN'), '123457');
    await user.click(screen.getByRole('button', { name: 'Lưu mã PIN' }));

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(await getActiveAccount(device)).toMatchObject({ userId: profile.user.id });
    expect((await getAppLock(device, profile.user.id))?.pin).not.toBeNull();
    expect(keyFor(databaseNameFor(profile.user.id))).toBeInstanceOf(CryptoKey);
    const own = new AnttDatabase(databaseNameFor(profile.user.id));
    expect(await getSession(own)).toMatchObject({ token: 'token-1', profile: { user: { id: profile.user.id } } });
    await own.delete();
  });

  it('signs in with the login typed and sent on the first screen before the app loaded, its key wrapped by that password', async () => {
    const profile = memberProfile();
    const fetch = vi.fn(async () => answer(200, { token: 'token-3', expiresAt: '2026-12-31T00:00:00.000Z', profile }));
    vi.stubGlobal('fetch', fetch);
    document.head.insertAdjacentHTML('beforeend', firstScreenTemplates({ vi: vietnamese, en }));
    document.documentElement.removeAttribute(STATE_ATTRIBUTE);
    showFirstScreen(document, null, true);
    const first = within(document.getElementById(FIRST_SCREEN_ID)!);
    const user = userEvent.setup();
    await user.type(first.getByLabelText('Tên đăng nhập'), 'tovien');
    await user.type(first.getByLabelText('Mật khẩu', { exact: true }), 'antt2026');
    await user.click(first.getByRole('button', { name: 'Đăng nhập' }));
    expect(fetch).not.toHaveBeenCalled();

    const device = freshDevice();
    const onSignedIn = vi.fn();
    renderWithDb(freshDb(), <LoginScreen onSignedIn={onSignedIn} />, device);
    const pin = await screen.findByLabelText('Mã PIN (6 chữ số)');
    expect(fetch).toHaveBeenCalledWith(apiPaths.login, expect.objectContaining({ body: JSON.stringify({ username: 'tovien', password: 'antt2026' }) }));
    await user.type(pin, '135790');
    await user.type(screen.getByLabelText('Nhập lại mã PIN'), '135790');
    await user.click(screen.getByRole('button', { name: 'Lưu mã PIN' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1), { timeout: 5000 });

    // The password typed on the first screen, not an empty one, opens the account's data later.
    const dbName = databaseNameFor(profile.user.id);
    lockDatabase(dbName);
    expect(await unlockWithPassword(device, profile.user.id, 'antt2026')).toBe('unlocked');
    document.querySelectorAll('template').forEach((template) => template.remove());
    await new AnttDatabase(dbName).delete();
  });

  it('unlocks with the password at a later online login, without asking the PIN again', async () => {
    const profile = memberProfile();
    vi.stubGlobal('fetch', vi.fn(async () => answer(200, { token: 'token-2', expiresAt: '2026-12-31T00:00:00.000Z', profile })));
    const device = freshDevice();
    const dbName = databaseNameFor(profile.user.id);
    await setUpAppLock(device, { userId: profile.user.id, dbName }, '135790', 'antt2026', { iterations: 1000 });
    lockDatabase(dbName);
    const onSignedIn = vi.fn();
    renderWithDb(freshDb(), <LoginScreen onSignedIn={onSignedIn} />, device);
    await signIn('tovien', 'antt2026');

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(screen.queryByLabelText('Mã PIN (6 chữ số)')).toBeNull();
    expect(keyFor(dbName)).toBeInstanceOf(CryptoKey);
    await new AnttDatabase(dbName).delete();
  });

  it('names the accounts whose unsent entries this phone keeps, and nothing of their content', async () => {
    vi.stubGlobal('fetch', vi.fn());
    const device = freshDevice();
    const kept = freshDb();
    const an = uuidv7();
    await putRecord(kept, 'fieldLog', outreachLog(an, { topic: 'Nguồn tin về ma túy' }));
    await putRecord(kept, 'fieldLog', outreachLog(an));
    await device.accounts.put({ userId: an, username: 'tovien', displayName: 'Nguyễn Văn An', dbName: kept.name, lastActiveAt: '2026-03-01T00:00:00.000Z' });
    renderWithDb(freshDb(), <LoginScreen />, device);
    expect(await screen.findByText('Nguyễn Văn An: 2 mục chờ gửi')).toBeInTheDocument();
    expect(screen.queryByText(/ma túy/)).toBeNull();
  });
});
