// The router as a user meets it, over a real device database: links, the back button and a
// screen's own navigation all pass the leave guard of a form with unsaved input; focus moves to
// the new screen; each role gets its own tabs and no screen its account may not use; an entry's
// screen belongs to Home, not to "Ghi nhật ký".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AnttDatabase } from '#src/client/db/database.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import { findPlanNameField, openAppAs, outreachLog, profileOf } from '../features/test-kit.tsx';

let confirm: ReturnType<typeof vi.fn>;

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(async () => {
    throw new TypeError('Failed to fetch');
  }));
  confirm = vi.fn(() => false);
  vi.stubGlobal('confirm', confirm);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function openAs(profile: Profile, path: string): Promise<AnttDatabase> {
  return openAppAs(profile, path);
}

function nav() {
  return within(screen.getByRole('navigation', { name: 'Điều hướng chính' }));
}

/** The plan editor holds unsaved input (entry forms keep drafts instead): a province admin starts a plan and types its name. */
async function typePlanName(text: string) {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Bắt đầu soạn' }));
  const name = await findPlanNameField();
  await user.clear(name);
  await user.type(name, text);
  return user;
}

const leaveQuestion = 'Kế hoạch chưa được lưu. Rời đi sẽ mất những gì đã sửa. Vẫn rời đi?';

describe('leaving a form with unsaved input', () => {
  it('asks before a link leaves, and stays with the input when the user says no', async () => {
    await openAs(profileOf('province-admin'), '/ke-hoach');
    const user = await typePlanName('Kế hoạch thử');
    await user.click(nav().getByRole('link', { name: /Đồng bộ/ }));

    expect(confirm).toHaveBeenCalledWith(leaveQuestion);
    expect(window.location.pathname).toBe('/ke-hoach');
    expect(await findPlanNameField()).toHaveValue('Kế hoạch thử');

    confirm.mockReturnValue(true);
    await user.click(nav().getByRole('link', { name: /Đồng bộ/ }));
    expect(await screen.findByRole('heading', { name: 'Đồng bộ dữ liệu' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/dong-bo');
  });

  it('asks before the back button leaves, and puts the form\'s URL back when the user says no', async () => {
    await openAs(profileOf('province-admin'), '/');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Kế hoạch thi đua' }));
    await typePlanName('Kế hoạch thử');

    await act(async () => {
      window.history.back();
      await waitFor(() => expect(confirm).toHaveBeenCalledTimes(1));
    });
    await waitFor(() => expect(window.location.pathname).toBe('/ke-hoach'));
    expect(await findPlanNameField()).toHaveValue('Kế hoạch thử');

    confirm.mockReturnValue(true);
    await act(async () => {
      window.history.back();
    });
    await waitFor(() => expect(window.location.pathname).toBe('/'));
  });

  it('leaves without asking when nothing was typed', async () => {
    await openAs(profileOf('province-admin'), '/ke-hoach');
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Bắt đầu soạn' });
    await user.click(nav().getByRole('link', { name: /Cài đặt/ }));
    expect(await screen.findByRole('heading', { name: 'Cài đặt' })).toBeInTheDocument();
    expect(confirm).not.toHaveBeenCalled();
  });
});

describe('moving between screens', () => {
  it('moves focus to the new screen', async () => {
    await openAs(profileOf('member'), '/');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Ghi nhật ký mới' }));
    await screen.findByRole('heading', { name: 'Ghi nhật ký mới', level: 1 });
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('highlights Home, not "Ghi nhật ký", while an entry is open', async () => {
    const profile = profileOf('member');
    const log = outreachLog(profile.user.id);
    await openAppAs(profile, `/nhat-ky/${log.id}`, (db) => db.fieldLog.put(log));
    expect(await screen.findByRole('heading', { name: 'Sửa nhật ký: Tuyên truyền' })).toBeInTheDocument();
    expect(nav().getByRole('link', { name: /Trang chủ/ })).toHaveAttribute('aria-current', 'page');
    expect(nav().getByRole('link', { name: /Ghi nhật ký/ })).not.toHaveAttribute('aria-current');
  });

  it('shows who holds the phone: the name and the role', async () => {
    await openAs(profileOf('leader', 'Trần Thị Bình'), '/');
    const banner = within(await screen.findByRole('banner'));
    expect(await banner.findByText('Trần Thị Bình')).toBeInTheDocument();
    expect(banner.getByText('Tổ trưởng · Tổ bảo vệ ANTT thôn Đông')).toBeInTheDocument();
  });
});

describe('what each role is offered', () => {
  it.each([
    ['member', ['Trang chủ', 'Ghi nhật ký', 'Đồng bộ', 'Cài đặt']],
    ['leader', ['Trang chủ', 'Ghi nhật ký', 'Đồng bộ', 'Cài đặt']],
    ['commune-police', ['Trang chủ', 'Đồng bộ', 'Cài đặt']],
    ['province-admin', ['Trang chủ', 'Đồng bộ', 'Cài đặt']],
  ] as const)('%s gets the tabs %j', async (role, labels) => {
    await openAs(profileOf(role), '/');
    await screen.findByRole('heading', { name: 'Trang chủ', level: 1 });
    expect(nav().getAllByRole('link').map((link) => link.textContent?.slice(1))).toEqual(labels);
  });

  it('tells commune police in words that the entry form is not for their account, without the form', async () => {
    await openAs(profileOf('commune-police'), '/nhat-ky/moi');
    expect(await screen.findByRole('heading', { name: 'Màn hình này không dành cho tài khoản Công an xã.' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Nội dung tuyên truyền')).toBeNull();
    expect(screen.getByRole('link', { name: 'Về trang chủ' })).toHaveAttribute('href', '/');
  });
});
