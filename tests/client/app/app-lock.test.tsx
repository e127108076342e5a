// The app lock as a person meets it: a locked phone shows nothing of the account until its PIN;
// wrong PINs are counted beside the field and five send the phone to an online login; 5 minutes
// in the background lock it again; a shared phone opens each account with its own PIN only.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '#src/client/app/App.tsx';
import { setUpAppLock } from '#src/client/db/app-lock.ts';
import { AnttDatabase } from '#src/client/db/database.ts';
import { keyFor, lockAllDatabases } from '#src/client/db/key-ring.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { saveSession } from '#src/client/db/session-repository.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { validEntries } from '../../shared/kinds/entry-fixtures.ts';
import { memberProfile, renderApp, signedInPhone, TEST_PIN } from '../features/test-kit.tsx';

const TIP = 'Có người lạ dò hỏi nhà vắng chủ ở xóm Bến';

afterEach(() => {
  vi.restoreAllMocks();
});

async function enterPin(user: ReturnType<typeof userEvent.setup>, pin: string): Promise<void> {
  const field = await screen.findByLabelText('Mã PIN (6 chữ số)');
  await user.clear(field);
  await user.type(field, pin);
  await user.click(screen.getByRole('button', { name: 'Mở khoá' }));
}

describe('the app lock', () => {
  it('asks for the PIN when opened, says how many tries are left, and opens with the right PIN', async () => {
    const { device } = await signedInPhone(memberProfile({ displayName: 'Hoàng Văn Tổ' }));
    lockAllDatabases();
    renderApp(device, <App />, '/');
    expect(await screen.findByRole('heading', { name: 'Nhập mã PIN' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Điều hướng chính' })).toBeNull();

    const user = userEvent.setup();
    await enterPin(user, '000000');
    expect(await screen.findByText('Mã PIN không đúng. Còn 4 lần thử.')).toBeInTheDocument();
    expect(screen.getByLabelText('Mã PIN (6 chữ số)')).toHaveAttribute('aria-invalid', 'true');
    await enterPin(user, TEST_PIN);
    expect(await screen.findByRole('heading', { name: 'Nhật ký của tôi' }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('sends the phone to an online login after five wrong PINs', async () => {
    const { device } = await signedInPhone(memberProfile());
    lockAllDatabases();
    renderApp(device, <App />, '/');
    const user = userEvent.setup();
    for (let attempt = 0; attempt < 5; attempt += 1) await enterPin(user, '000000');
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(await screen.findByText(/Đã nhập sai mã PIN 5 lần/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Nhập mã PIN' })).toBeNull();
  });

  it('locks again after 5 minutes in the background', async () => {
    const { device } = await signedInPhone(memberProfile());
    renderApp(device, <App />, '/');
    expect(await screen.findByRole('heading', { name: 'Nhật ký của tôi' }, { timeout: 5000 })).toBeInTheDocument();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    const later = Date.now() + 5 * 60 * 1000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    visibility.mockReturnValue('visible');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(await screen.findByRole('heading', { name: 'Nhập mã PIN' })).toBeInTheDocument();
  });

  it('opens each account of a shared phone with its own PIN, and never with another\'s key', async () => {
    const first = memberProfile({ displayName: 'Hoàng Văn Tổ' });
    const { device, db: firstDb } = await signedInPhone(first);
    await putRecord(firstDb, 'fieldLog', { ...validEntries.tip, id: uuidv7(), teamId: first.team!.id, memberId: first.user.id, content: TIP });
    const second = { ...memberProfile({ displayName: 'Lê Thị Bảy' }), user: { ...memberProfile().user, username: 'thibay', displayName: 'Lê Thị Bảy' } };
    const secondDb = new AnttDatabase(`ui-test-${uuidv7()}`);
    await saveSession(secondDb, { token: 'token-2', expiresAt: '2099-01-01T00:00:00.000Z', profile: second, loggedInAt: '2026-03-01T00:00:00.000Z' });
    await device.accounts.put({ userId: second.user.id, username: 'thibay', displayName: 'Lê Thị Bảy', dbName: secondDb.name, lastActiveAt: '2026-02-01T00:00:00.000Z' });
    await setUpAppLock(device, { userId: second.user.id, dbName: secondDb.name }, '135790', null, { iterations: 1000 });
    lockAllDatabases();

    renderApp(device, <App />, '/');
    const user = userEvent.setup();
    expect(await screen.findByText(/Dữ liệu của Hoàng Văn Tổ/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dùng tài khoản khác' }));
    await user.click(await screen.findByRole('button', { name: 'Mở Lê Thị Bảy bằng mã PIN' }));
    expect(await screen.findByText(/Dữ liệu của Lê Thị Bảy/)).toBeInTheDocument();
    await enterPin(user, TEST_PIN);
    expect(await screen.findByText('Mã PIN không đúng. Còn 4 lần thử.')).toBeInTheDocument();
    await enterPin(user, '135790');
    expect(await screen.findByText('Lê Thị Bảy', { selector: '.topbar__name' }, { timeout: 5000 })).toBeInTheDocument();

    expect(keyFor(firstDb.name)).toBe('locked');
    const firstTip = (await firstDb.fieldLog.toArray())[0] as unknown as Record<string, unknown>;
    expect(firstTip.kind).toBe('tip');
    expect(JSON.stringify(firstTip)).not.toContain(TIP);
  });
});
