// Login against a fetch that answers as the server does (the only thing mocked in UI tests).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LoginScreen } from '#src/client/features/auth/components/login-screen.tsx';
import { getSession } from '#src/client/db/session-repository.ts';
import { apiPaths } from '#src/shared/sync/protocol.ts';
import { freshDb, memberProfile, renderWithDb } from '../test-kit.tsx';

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
    const db = freshDb();
    renderWithDb(db, <LoginScreen />);
    await signIn('tovien', 'sai-mat-khau');

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Sai tên đăng nhập hoặc mật khẩu'));
    expect(fetch).toHaveBeenCalledWith(apiPaths.login, expect.objectContaining({
      method: 'POST', body: JSON.stringify({ username: 'tovien', password: 'sai-mat-khau' }),
    }));
    expect(await getSession(db)).toBeUndefined();
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

  it('stores the session of a successful login and tells the app', async () => {
    const profile = memberProfile();
    vi.stubGlobal('fetch', vi.fn(async () => answer(200, { token: 'token-1', expiresAt: '2026-12-31T00:00:00.000Z', profile })));
    const db = freshDb();
    const onSignedIn = vi.fn();
    renderWithDb(db, <LoginScreen onSignedIn={onSignedIn} />);
    await signIn('tovien', 'antt2026');

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(await getSession(db)).toMatchObject({ token: 'token-1', profile: { user: { id: profile.user.id } } });
  });
});
