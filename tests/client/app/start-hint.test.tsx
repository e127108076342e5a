// The start hint (src/client/db/start-hint.ts): a phone whose IndexedDB is slow to open shows its
// PIN field at once, from what the last run left in localStorage, and the PIN typed meanwhile
// opens the account once the database answers. The device database stays the truth: the hint
// follows it, and a hint that no longer says what the database says gives way to it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { App } from '#src/client/app/App.tsx';
import { FIRST_SCREEN_ID, showFirstScreen, STATE_ATTRIBUTE } from '#src/client/app/first-screen.ts';
import { firstScreenTemplates } from '#src/client/app/first-screen-markup.ts';
import { en } from '#src/client/i18n/en.ts';
import { vi } from '#src/client/i18n/vi.ts';
import { leaveActiveAccount } from '#src/client/db/account-repository.ts';
import { DeviceDatabase } from '#src/client/db/device-database.ts';
import { lockAllDatabases } from '#src/client/db/key-ring.ts';
import { setLanguage } from '#src/client/db/prefs-repository.ts';
import { readStartHint, START_HINT_KEY, startHintOf, writeStartHint } from '#src/client/db/start-hint.ts';
import { memberProfile, renderApp, signedInPhone, TEST_PIN } from '../features/test-kit.tsx';

/** The device database of `name`, which does not open until released: a phone's slow IndexedDB. */
class HeldDevice extends DeviceDatabase {
  private released = false;
  private readonly waiting: (() => void)[] = [];

  release(): void {
    this.released = true;
    for (const resume of this.waiting.splice(0)) resume();
  }

  override open() {
    const gate = this.released ? Promise.resolve() : new Promise<void>((resume) => this.waiting.push(resume));
    return Dexie.Promise.resolve(gate).then(() => super.open());
  }
}

/** A signed-in member's phone, locked, as a start finds it; `device` is the one the app will use, held closed. */
async function lockedPhone(displayName = 'Hoàng Văn Tổ') {
  const { device } = await signedInPhone(memberProfile({ displayName }));
  const hint = await startHintOf(device);
  device.close();
  lockAllDatabases();
  return { hint, held: new HeldDevice(device.name) };
}

const pinField = () => screen.queryByLabelText('Mã PIN (6 chữ số)');

describe('the start hint', () => {
  it('shows the PIN field before the device database opens, and the PIN typed meanwhile opens the account', async () => {
    const { hint, held } = await lockedPhone('Hoàng Văn Tổ');
    writeStartHint(hint);
    renderApp(held, <App startHint={readStartHint()} />, '/');

    expect(await screen.findByLabelText('Mã PIN (6 chữ số)')).toBeInTheDocument();
    expect(screen.getByText(/Dữ liệu của Hoàng Văn Tổ/)).toBeInTheDocument();
    expect(held.isOpen()).toBe(false);

    const user = userEvent.setup();
    await user.type(pinField()!, TEST_PIN);
    await user.click(screen.getByRole('button', { name: 'Mở khoá' }));
    expect(await screen.findByRole('button', { name: 'Đang mở khoá…' })).toBeDisabled();
    expect(held.isOpen()).toBe(false);

    held.release();
    expect(await screen.findByRole('heading', { name: 'Nhật ký của tôi' }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('without a hint, waits for the device database before showing the PIN field', async () => {
    const { held } = await lockedPhone();
    renderApp(held, <App startHint={readStartHint()} />, '/');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pinField()).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Đang tải…');

    held.release();
    expect(await screen.findByLabelText('Mã PIN (6 chữ số)')).toBeInTheDocument();
  });

  it('gives way to the device database when the hint is out of date', async () => {
    const { hint, held } = await lockedPhone();
    held.release();
    await leaveActiveAccount(held);
    writeStartHint(hint); // the last run ended before it could write that nobody is signed in
    const stale = readStartHint();
    expect(stale?.hasPin).toBe(true);

    renderApp(held, <App startHint={stale} />, '/');
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(pinField()).toBeNull();
    await waitFor(() => expect(readStartHint()).toMatchObject({ account: null, hasPin: false }));
  });

  it('follows the device database while the app runs: account, PIN and language', async () => {
    const { hint, held } = await lockedPhone('Lê Thị Bảy');
    held.release();
    renderApp(held, <App />, '/');
    await waitFor(() => expect(readStartHint()).toEqual(hint));
    expect(readStartHint()).toMatchObject({ language: 'vi', hasPin: true, account: { displayName: 'Lê Thị Bảy' } });

    await setLanguage(held, 'en');
    await waitFor(() => expect(readStartHint()?.language).toBe('en'));
    await leaveActiveAccount(held);
    await waitFor(() => expect(readStartHint()).toEqual({ language: 'en', account: null, hasPin: false }));
  });

  it('ignores a hint it cannot read', () => {
    for (const text of ['not json', 'null', '[]', '{"language":"fr","account":null,"hasPin":false}', '{"language":"vi","account":{"userId":1},"hasPin":true}', '{"language":"vi","account":null}']) {
      localStorage.setItem(START_HINT_KEY, text);
      expect(readStartHint(), text).toBeNull();
    }
    localStorage.setItem(START_HINT_KEY, '{"language":"vi","account":null,"hasPin":true}');
    expect(readStartHint()).toEqual({ language: 'vi', account: null, hasPin: false });
  });
});

describe('the first screen from index.html (first-screen.ts), taken over by the app', () => {
  function showTemplates(hint: string | null): void {
    document.head.insertAdjacentHTML('beforeend', firstScreenTemplates({ vi, en }));
    showFirstScreen(document, hint, true);
  }

  // A page as it loads: no first screen yet, the app not on screen (the tests above leave it there).
  const clean = () => {
    document.querySelectorAll('template').forEach((template) => template.remove());
    document.getElementById(FIRST_SCREEN_ID)?.remove();
    document.documentElement.removeAttribute(STATE_ATTRIBUTE);
  };
  beforeEach(clean);
  afterEach(clean);

  it('carries the PIN typed and submitted before the app loaded into the app, which opens the account', async () => {
    const { hint, held } = await lockedPhone('Hoàng Văn Tổ');
    writeStartHint(hint);
    showTemplates(localStorage.getItem(START_HINT_KEY));
    const first = document.getElementById(FIRST_SCREEN_ID)!;
    const user = userEvent.setup();
    await user.type(within(first).getByLabelText('Mã PIN (6 chữ số)'), TEST_PIN);
    await user.keyboard('{Enter}');
    expect(within(first).getByRole('button', { name: 'Đang mở khoá…' })).toBeDisabled();

    held.release();
    renderApp(held, <App startHint={readStartHint()} />, '/');
    expect(await screen.findByRole('heading', { name: 'Nhật ký của tôi' }, { timeout: 5000 })).toBeInTheDocument();
    expect(document.getElementById(FIRST_SCREEN_ID)).toBeNull();
    expect(document.documentElement.getAttribute(STATE_ATTRIBUTE)).toBe('done');
  });

  it('carries digits typed but not submitted, and the focus, into the app\'s PIN field', async () => {
    const { hint, held } = await lockedPhone();
    writeStartHint(hint);
    showTemplates(localStorage.getItem(START_HINT_KEY));
    const user = userEvent.setup();
    await user.type(within(document.getElementById(FIRST_SCREEN_ID)!).getByLabelText('Mã PIN (6 chữ số)'), '12a3');

    held.release();
    renderApp(held, <App startHint={readStartHint()} />, '/');
    await waitFor(() => expect(document.getElementById(FIRST_SCREEN_ID)).toBeNull());
    const field = screen.getByLabelText('Mã PIN (6 chữ số)');
    expect(field).toHaveValue('123');
    expect(field).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Mở khoá' })).toBeEnabled();
  });

  it('does what "Dùng tài khoản khác" pressed before the app loaded asks: the login, and the account left', async () => {
    const { hint, held } = await lockedPhone();
    writeStartHint(hint);
    showTemplates(localStorage.getItem(START_HINT_KEY));
    await userEvent.setup().click(within(document.getElementById(FIRST_SCREEN_ID)!).getByRole('button', { name: 'Dùng tài khoản khác' }));

    held.release();
    renderApp(held, <App startHint={readStartHint()} />, '/');
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    await waitFor(() => expect(readStartHint()).toMatchObject({ account: null, hasPin: false }));
  });

  it('carries what a new visitor typed into the app\'s login', async () => {
    const device = new DeviceDatabase(`first-screen-${crypto.randomUUID()}`);
    showTemplates(null);
    const first = document.getElementById(FIRST_SCREEN_ID)!;
    const user = userEvent.setup();
    await user.type(within(first).getByLabelText('Tên đăng nhập'), 'tovien');
    await user.type(within(first).getByLabelText('Mật khẩu', { exact: true }), 'mat-khau');
    await user.click(within(first).getByLabelText('Hiện mật khẩu'));
    expect(within(first).getByLabelText('Mật khẩu', { exact: true })).toHaveAttribute('type', 'text');

    renderApp(device, <App />, '/');
    await waitFor(() => expect(document.getElementById(FIRST_SCREEN_ID)).toBeNull());
    expect(screen.getByLabelText('Tên đăng nhập')).toHaveValue('tovien');
    expect(screen.getByLabelText('Mật khẩu', { exact: true })).toHaveValue('mat-khau');
    expect(screen.getByLabelText('Mật khẩu', { exact: true })).toHaveAttribute('type', 'text');
    expect(screen.getByLabelText('Hiện mật khẩu')).toBeChecked();
  });
});
