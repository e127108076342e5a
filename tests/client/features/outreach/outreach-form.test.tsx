// The outreach form end to end on a real device database: search, save (record + outbox entry),
// validation beside each field, editing a pending log, read-only reviewed logs.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OutreachFormScreen } from '#src/client/features/outreach/components/outreach-form-screen.tsx';
import { useOutreachFormStore } from '#src/client/features/outreach/outreach-form-store.ts';
import { dayInVietnam, formatDay } from '#src/shared/domain/dates.ts';
import { freshDb, hamletEast, household, memberProfile, outreachLog, renderWithDb, villageHouseholds } from '../test-kit.tsx';

const profile = memberProfile();

async function setup(logId?: string) {
  const db = freshDb();
  const households = villageHouseholds();
  await db.household.bulkPut(Object.values(households));
  window.history.pushState(null, '', logId ? `/nhat-ky/${logId}` : '/nhat-ky/moi');
  return { db, households, user: userEvent.setup() };
}

function results() {
  return within(screen.getByRole('list', { name: 'Kết quả tìm hộ' }));
}

beforeEach(() => {
  useOutreachFormStore.setState({ hasUnsavedInput: false, notice: null, savedId: null });
});

describe('new outreach log', () => {
  it('finds "Nguyễn…" households when searching "nguyen" without diacritics, only in the member\'s hamlets', async () => {
    const { db, user } = await setup();
    renderWithDb(db, <OutreachFormScreen profile={profile} params={{}} />);
    expect(await screen.findByText('Địa bàn có 5 hộ. Gõ tên chủ hộ hoặc địa chỉ để tìm.')).toBeInTheDocument();
    expect(results().queryAllByRole('button')).toHaveLength(0);
    await user.type(screen.getByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'), 'nguyen');

    await waitFor(() => expect(results().getAllByRole('button')).toHaveLength(2));
    expect(results().getByRole('button', { name: 'Chọn Nguyễn Văn An Số 12, xóm 1 · Thôn Đông' })).toHaveAttribute('aria-pressed', 'false');
    expect(results().getByRole('button', { name: /Nguyễn Thị Bình/ })).toBeInTheDocument();
    expect(results().queryByRole('button', { name: /Nguyễn Văn Xa/ })).toBeNull();
    expect(screen.getByText('Tìm thấy 2 hộ, hiện 2')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'));
    await user.type(screen.getByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'), 'duc de');
    await waitFor(() => expect(results().getAllByRole('button')).toHaveLength(1));
    expect(results().getByRole('button', { name: /Phạm Văn Đức/ })).toBeInTheDocument();
  });

  it('shows at most 20 results with the number found', async () => {
    const { db, user } = await setup();
    await db.household.bulkPut(Array.from({ length: 30 }, (_, i) => household(`Nguyễn Văn Mười ${i}`, hamletEast.id)));
    renderWithDb(db, <OutreachFormScreen profile={profile} params={{}} />);
    await user.type(await screen.findByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'), 'nguyen');
    expect(await screen.findByText('Tìm thấy 32 hộ, hiện 20')).toBeInTheDocument();
    expect(results().getAllByRole('button')).toHaveLength(20);
    // Mười 2, 12 and 20–29.
    await user.type(screen.getByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'), ' muoi 2');
    expect(await screen.findByText('Tìm thấy 12 hộ, hiện 12')).toBeInTheDocument();
  });

  it('saves the log and its outbox entry together, then returns to the list with a confirmation', async () => {
    const { db, households, user } = await setup();
    renderWithDb(db, <OutreachFormScreen profile={profile} params={{}} />);
    await user.type(await screen.findByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'), 'nguyen');
    await user.click(await results().findByRole('button', { name: /Nguyễn Văn An/ }));
    await user.type(screen.getByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'), 'nguyen');
    await user.click(await results().findByRole('button', { name: /Nguyễn Thị Bình/ }));
    expect(screen.getByText('Đã chọn 2 hộ')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Bỏ chọn Nguyễn Văn An' })).toBeInTheDocument();
    expect(useOutreachFormStore.getState().hasUnsavedInput).toBe(true);

    await user.type(screen.getByLabelText('Nội dung tuyên truyền'), 'Phòng chống ma túy');
    await user.selectOptions(screen.getByLabelText('Hình thức'), 'Họp dân');
    await user.clear(screen.getByLabelText('Ngày thực hiện (ngày/tháng/năm)'));
    await user.type(screen.getByLabelText('Ngày thực hiện (ngày/tháng/năm)'), '05/03/2026');
    await user.type(screen.getByLabelText('Số người được tuyên truyền'), '12');
    await user.type(screen.getByLabelText('Ghi chú (không bắt buộc)'), 'Họp tại nhà văn hóa');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(window.location.pathname).toBe('/'));
    const [saved, ...others] = await db.fieldLog.toArray();
    expect(others).toHaveLength(0);
    expect(saved).toMatchObject({
      kind: 'outreach', memberId: profile.user.id, teamId: profile.team!.id, reviewStatus: 'pending',
      householdIds: [households.an.id, households.binh.id], topic: 'Phòng chống ma túy', form: 'meeting',
      date: '2026-03-05', peopleReached: 12, note: 'Họp tại nhà văn hóa',
    });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ collection: 'fieldLog', recordId: saved!.id, op: 'put' });
    expect(useOutreachFormStore.getState()).toMatchObject({ hasUnsavedInput: false, notice: 'Đã lưu.', savedId: saved!.id });
  });

  it('folds the search results away once a household is chosen, so the next field is in reach', async () => {
    const { db, user } = await setup();
    renderWithDb(db, <OutreachFormScreen profile={profile} params={{}} />);
    const search = await screen.findByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)');
    await user.type(search, 'nguyen');
    await user.click(await results().findByRole('button', { name: /Nguyễn Văn An/ }));

    expect(results().queryAllByRole('button')).toHaveLength(0);
    expect(search).toHaveValue('');
    expect(screen.getByText('Đã chọn 1 hộ')).toHaveFocus();
    expect(await screen.findByRole('button', { name: 'Bỏ chọn Nguyễn Văn An' })).toBeInTheDocument();
    // The same search shows the chosen one as chosen; pressing it again removes it.
    await user.type(search, 'nguyen van an');
    const chosen = await results().findByRole('button', { name: /Nguyễn Văn An/ });
    expect(chosen).toHaveAttribute('aria-pressed', 'true');
    await user.click(chosen);
    expect(screen.queryByText('Đã chọn 1 hộ')).toBeNull();
    expect(results().getByRole('button', { name: /Nguyễn Văn An/ })).toHaveAttribute('aria-pressed', 'false');
  });

  it('refuses a save from an account without a team with a Vietnamese sentence, never the schema\'s words', async () => {
    const { db, user } = await setup();
    const police = { ...profile, user: { ...profile.user, role: 'commune-police' as const }, team: null };
    renderWithDb(db, <OutreachFormScreen profile={police} params={{}} />);
    await user.type(await screen.findByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'), 'nguyen');
    await user.click(await results().findByRole('button', { name: /Nguyễn Văn An/ }));
    await user.type(screen.getByLabelText('Nội dung tuyên truyền'), 'Phòng chống ma túy');
    await user.selectOptions(screen.getByLabelText('Hình thức'), 'Họp dân');
    await user.type(screen.getByLabelText('Số người được tuyên truyền'), '12');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Không lưu được: tài khoản này không thuộc tổ nào nên không ghi được nhật ký. Hãy báo Công an xã.');
    expect(screen.getByRole('alert')).not.toHaveTextContent(/Invalid|expected|undefined/);
    expect(await db.fieldLog.count()).toBe(0);
    expect(window.location.pathname).toBe('/nhat-ky/moi');
  });

  it('shows a Vietnamese message beside each bad field, focuses the first, and saves nothing', async () => {
    const { db, user } = await setup();
    renderWithDb(db, <OutreachFormScreen profile={profile} params={{}} />);
    const search = await screen.findByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)');
    await user.clear(screen.getByLabelText('Ngày thực hiện (ngày/tháng/năm)'));
    await user.type(screen.getByLabelText('Ngày thực hiện (ngày/tháng/năm)'), '31/02/2026');
    await user.type(screen.getByLabelText('Số người được tuyên truyền'), '0');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Còn 5 chỗ chưa đúng');
    expect(search).toHaveFocus();
    expect(search).toHaveAccessibleDescription(expect.stringContaining('Chọn ít nhất một hộ'));
    const topic = screen.getByLabelText('Nội dung tuyên truyền');
    expect(topic).toHaveAttribute('aria-invalid', 'true');
    expect(topic).toHaveAccessibleDescription('Nhập nội dung tuyên truyền');
    expect(screen.getByLabelText('Hình thức')).toHaveAccessibleDescription('Chọn hình thức tuyên truyền');
    expect(screen.getByLabelText('Ngày thực hiện (ngày/tháng/năm)'))
      .toHaveAccessibleDescription(`Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ ${formatDay(dayInVietnam())}`);
    expect(screen.getByLabelText('Số người được tuyên truyền'))
      .toHaveAccessibleDescription('Nhập số người được tuyên truyền (từ 1 trở lên)');
    expect(screen.getByLabelText('Ghi chú (không bắt buộc)')).toHaveAttribute('aria-invalid', 'false');

    expect(await db.fieldLog.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(window.location.pathname).toBe('/nhat-ky/moi');
  });

  it('holds the tab open (beforeunload) and marks unsaved input only while the form differs from what is stored', async () => {
    const { db, user } = await setup();
    renderWithDb(db, <OutreachFormScreen profile={profile} params={{}} />);
    const closeTab = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    const topic = await screen.findByLabelText('Nội dung tuyên truyền');
    expect(closeTab()).toBe(false);
    await user.type(topic, 'An toàn giao thông');
    expect(useOutreachFormStore.getState().hasUnsavedInput).toBe(true);
    expect(closeTab()).toBe(true);
    await user.clear(topic);
    expect(useOutreachFormStore.getState().hasUnsavedInput).toBe(false);
    expect(closeTab()).toBe(false);
  });

  it('refuses a day in the future', async () => {
    const { db, user } = await setup();
    renderWithDb(db, <OutreachFormScreen profile={profile} params={{}} />);
    const date = await screen.findByLabelText('Ngày thực hiện (ngày/tháng/năm)');
    expect(date).toHaveValue(formatDay(dayInVietnam()));
    const nextYear = Number(dayInVietnam().slice(0, 4)) + 1;
    await user.clear(date);
    await user.type(date, `01/01/${nextYear}`);
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Không được chọn ngày trong tương lai')).toBeInTheDocument();
    expect(await db.fieldLog.count()).toBe(0);
  });
});

describe('existing outreach log', () => {
  it('edits a pending log of the member: the form is filled, the change is stored and queued', async () => {
    const { db, households, user } = await setup();
    const log = outreachLog(profile.user.id, { householdIds: [households.cuong.id], topic: 'An toàn giao thông', date: '2026-02-10', peopleReached: 4 });
    await db.fieldLog.put(log);
    window.history.pushState(null, '', `/nhat-ky/${log.id}`);
    renderWithDb(db, <OutreachFormScreen profile={profile} params={{ logId: log.id }} />);

    expect(await screen.findByRole('heading', { name: 'Sửa nhật ký tuyên truyền' })).toBeInTheDocument();
    const topic = screen.getByLabelText('Nội dung tuyên truyền');
    expect(topic).toHaveValue('An toàn giao thông');
    expect(screen.getByLabelText('Ngày thực hiện (ngày/tháng/năm)')).toHaveValue('10/02/2026');
    expect(await screen.findByRole('button', { name: 'Bỏ chọn Trần Văn Cường' })).toBeInTheDocument();
    expect(useOutreachFormStore.getState().hasUnsavedInput).toBe(false);

    await user.clear(topic);
    await user.type(topic, 'An toàn giao thông dịp Tết');
    await user.clear(screen.getByLabelText('Số người được tuyên truyền'));
    await user.type(screen.getByLabelText('Số người được tuyên truyền'), '6');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(await db.fieldLog.count()).toBe(1);
    expect(await db.fieldLog.get(log.id)).toMatchObject({
      topic: 'An toàn giao thông dịp Tết', peopleReached: 6, date: '2026-02-10', createdAt: log.createdAt, reviewStatus: 'pending',
    });
    const outbox = await db.outbox.toArray();
    expect(outbox.map((entry) => entry.recordId)).toEqual([log.id]);
  });

  it('shows a log the team leader approved read-only, with the reason', async () => {
    const { db, households } = await setup();
    const log = outreachLog(profile.user.id, { householdIds: [households.dung.id], reviewStatus: 'approved' });
    await db.fieldLog.put(log);
    renderWithDb(db, <OutreachFormScreen profile={profile} params={{ logId: log.id }} />);

    expect(await screen.findByText('Tổ trưởng đã duyệt, không thể sửa.')).toBeInTheDocument();
    expect(await screen.findByText('Lê Thị Dung')).toBeInTheDocument();
    expect(screen.getByText('Phòng chống lừa đảo qua mạng')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lưu' })).toBeNull();
  });

  it('shows another member\'s log read-only', async () => {
    const { db } = await setup();
    const log = outreachLog(memberProfile().user.id);
    await db.fieldLog.put(log);
    renderWithDb(db, <OutreachFormScreen profile={profile} params={{ logId: log.id }} />);
    expect(await screen.findByText('Nhật ký của người khác, chỉ xem.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lưu' })).toBeNull();
  });
});
