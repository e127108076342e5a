// The outreach form on the generic entry machinery, on a real device database: household search,
// save (record + outbox entry), errors beside each field that go away once fixed, editing a
// pending entry, read-only reviewed entries.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntryFormScreen } from '#src/client/features/entries/components/entry-form-screen.tsx';
import { useEntryFormStore } from '#src/client/features/entries/entry-form-store.ts';
import { dayInVietnam, formatDay } from '#src/shared/domain/dates.ts';
import { freshDb, hamletEast, household, memberProfile, outreachLog, renderWithDb, villageHouseholds } from '../test-kit.tsx';

const profile = memberProfile();

async function setup(path = '/nhat-ky/moi/outreach') {
  const db = freshDb();
  const households = villageHouseholds();
  await db.household.bulkPut(Object.values(households));
  window.history.pushState(null, '', path);
  return { db, households, user: userEvent.setup() };
}

function results() {
  return within(screen.getByRole('list', { name: 'Kết quả tìm hộ' }));
}

beforeEach(() => {
  useEntryFormStore.setState({ hasUnsavedInput: false, notice: null });
});

describe('new outreach entry', () => {
  it('finds "Nguyễn…" households when searching "nguyen" without diacritics, only in the member\'s hamlets', async () => {
    const { db, user } = await setup();
    renderWithDb(db, <EntryFormScreen profile={profile} kind="outreach" />);
    expect(await screen.findByRole('heading', { name: 'Ghi nhật ký: Tuyên truyền', level: 1 })).toBeInTheDocument();
    expect(await screen.findByText('Địa bàn có 5 hộ. Gõ tên chủ hộ hoặc địa chỉ để tìm.')).toBeInTheDocument();
    expect(results().queryAllByRole('button')).toHaveLength(0);
    await user.type(screen.getByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'), 'nguyen');

    await waitFor(() => expect(results().getAllByRole('button')).toHaveLength(2));
    expect(results().getByRole('button', { name: 'Chọn Nguyễn Văn An Số 12, xóm 1 · Thôn Đông' })).toHaveAttribute('aria-pressed', 'false');
    expect(results().queryByRole('button', { name: /Nguyễn Văn Xa/ })).toBeNull();
    expect(screen.getByText('Tìm thấy 2 hộ, hiện 2')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'));
    await user.type(screen.getByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'), 'duc de');
    await waitFor(() => expect(results().getAllByRole('button')).toHaveLength(1));
    expect(results().getByRole('button', { name: /Phạm Văn Đức/ })).toBeInTheDocument();
  });

  it('narrows the search to one hamlet, ranks a hamlet-name match first, and offers no merged duplicate', async () => {
    const { db, households, user } = await setup();
    await db.household.put({ ...household('Nguyễn Văn An', hamletEast.id, 'Số 12, xóm 1'), mergedIntoId: households.an.id });
    renderWithDb(db, <EntryFormScreen profile={profile} kind="outreach" />);
    await user.type(await screen.findByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'), 'nguyen');
    await waitFor(() => expect(results().getAllByRole('button')).toHaveLength(2));
    await user.selectOptions(screen.getByLabelText('Thôn, ấp'), 'Thôn Tây');
    await waitFor(() => expect(results().getAllByRole('button')).toHaveLength(1));
    expect(results().getByRole('button', { name: /Nguyễn Thị Bình/ })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Thôn, ấp'), '');
    await user.clear(screen.getByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'));
    await user.type(screen.getByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'), 'thon dong');
    await waitFor(() => expect(results().getAllByRole('button')).toHaveLength(3));
  });

  it('shows at most 20 results with the number found', async () => {
    const { db, user } = await setup();
    await db.household.bulkPut(Array.from({ length: 30 }, (_, i) => household(`Nguyễn Văn Mười ${i}`, hamletEast.id)));
    renderWithDb(db, <EntryFormScreen profile={profile} kind="outreach" />);
    await user.type(await screen.findByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'), 'nguyen');
    expect(await screen.findByText('Tìm thấy 32 hộ, hiện 20')).toBeInTheDocument();
    expect(results().getAllByRole('button')).toHaveLength(20);
  });

  it('saves the entry and its outbox entry together, then goes home with a confirmation', async () => {
    const { db, households, user } = await setup();
    renderWithDb(db, <EntryFormScreen profile={profile} kind="outreach" />);
    const search = await screen.findByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)');
    await user.type(search, 'nguyen');
    await user.click(await results().findByRole('button', { name: /Nguyễn Văn An/ }));
    // A choice folds the results away (the next field comes into reach); search again for another.
    expect(results().queryAllByRole('button')).toHaveLength(0);
    expect(screen.getByText('Đã chọn 1 hộ')).toHaveFocus();
    await user.type(search, 'binh');
    await user.click(await results().findByRole('button', { name: /Nguyễn Thị Bình/ }));
    expect(screen.getByText('Đã chọn 2 hộ')).toBeInTheDocument();
    expect(useEntryFormStore.getState().hasUnsavedInput).toBe(true);

    await user.type(screen.getByLabelText('Nội dung tuyên truyền'), 'Phòng chống ma túy');
    await user.selectOptions(screen.getByLabelText('Hình thức'), 'Họp dân');
    await user.clear(screen.getByLabelText('Ngày thực hiện (ngày/tháng/năm)'));
    await user.type(screen.getByLabelText('Ngày thực hiện (ngày/tháng/năm)'), '05032026');
    await user.type(screen.getByLabelText('Số người được tuyên truyền'), '12');
    await user.type(screen.getByLabelText('Ghi chú (không bắt buộc)'), 'Họp tại nhà văn hóa');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(window.location.pathname).toBe('/'));
    const [saved, ...others] = await db.fieldLog.toArray();
    expect(others).toHaveLength(0);
    expect(saved).toMatchObject({
      kind: 'outreach', memberId: profile.user.id, teamId: profile.team!.id, reviewStatus: 'pending',
      householdIds: [households.an.id, households.binh.id], agencyId: null, topic: 'Phòng chống ma túy', form: 'meeting',
      date: '2026-03-05', peopleReached: 12, note: 'Họp tại nhà văn hóa', photoIds: [], location: null,
    });
    expect(await db.outbox.toArray()).toMatchObject([{ collection: 'fieldLog', recordId: saved!.id, op: 'put' }]);
    expect(await db.drafts.count()).toBe(0);
    expect(useEntryFormStore.getState()).toMatchObject({ hasUnsavedInput: false, notice: 'Đã lưu.' });
  });

  it('shows a Vietnamese message beside each bad field, focuses the first, saves nothing, and clears each message once fixed', async () => {
    const { db, user } = await setup();
    renderWithDb(db, <EntryFormScreen profile={profile} kind="outreach" />);
    const search = await screen.findByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)');
    const date = screen.getByLabelText('Ngày thực hiện (ngày/tháng/năm)');
    await user.clear(date);
    await user.type(date, '31/02/2026');
    await user.type(screen.getByLabelText('Số người được tuyên truyền'), '0');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Còn 5 chỗ chưa đúng');
    expect(search).toHaveFocus();
    expect(search).toHaveAccessibleDescription(expect.stringContaining('Chọn ít nhất một hộ'));
    const topic = screen.getByLabelText('Nội dung tuyên truyền');
    expect(topic).toHaveAttribute('aria-invalid', 'true');
    expect(topic).toHaveAccessibleDescription('Nhập nội dung tuyên truyền');
    expect(screen.getByLabelText('Hình thức')).toHaveAccessibleDescription('Chọn hình thức tuyên truyền');
    expect(date).toHaveAccessibleDescription(`Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ ${formatDay(dayInVietnam())}`);
    expect(screen.getByLabelText('Số người được tuyên truyền')).toHaveAccessibleDescription('Số phải từ 1 trở lên');
    expect(screen.getByLabelText('Ghi chú (không bắt buộc)')).toHaveAttribute('aria-invalid', 'false');

    await user.type(topic, 'An toàn giao thông');
    expect(topic).toHaveAttribute('aria-invalid', 'false');
    expect(topic).not.toHaveAccessibleDescription();
    expect(screen.getByRole('alert')).toHaveTextContent('Còn 4 chỗ chưa đúng');
    await user.clear(date);
    await user.type(date, `01/01/${Number(dayInVietnam().slice(0, 4)) + 1}`);
    expect(date).toHaveAccessibleDescription('Không được chọn ngày trong tương lai');

    expect(await db.fieldLog.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(window.location.pathname).toBe('/nhat-ky/moi/outreach');
  });
});

describe('existing outreach entry', () => {
  it('edits a pending entry of the member: the form is filled, the change is stored and queued', async () => {
    const { db, households, user } = await setup();
    const log = outreachLog(profile.user.id, { householdIds: [households.cuong.id], topic: 'An toàn giao thông', date: '2026-02-10', peopleReached: 4 });
    await db.fieldLog.put(log);
    window.history.pushState(null, '', `/nhat-ky/${log.id}`);
    renderWithDb(db, <EntryFormScreen profile={profile} entryId={log.id} />);

    expect(await screen.findByRole('heading', { name: 'Sửa nhật ký: Tuyên truyền' })).toBeInTheDocument();
    const topic = screen.getByLabelText('Nội dung tuyên truyền');
    expect(topic).toHaveValue('An toàn giao thông');
    expect(screen.getByLabelText('Ngày thực hiện (ngày/tháng/năm)')).toHaveValue('10/02/2026');
    expect(await screen.findByRole('button', { name: 'Bỏ chọn Trần Văn Cường' })).toBeInTheDocument();
    expect(useEntryFormStore.getState().hasUnsavedInput).toBe(false);

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
    expect((await db.outbox.toArray()).map((entry) => entry.recordId)).toEqual([log.id]);
  });

  it('resubmits a returned entry once fixed, showing the leader\'s comment', async () => {
    const { db, households, user } = await setup();
    const log = outreachLog(profile.user.id, { householdIds: [households.an.id], reviewStatus: 'returned', reviewComment: 'Thiếu số người' });
    await db.fieldLog.put(log);
    renderWithDb(db, <EntryFormScreen profile={profile} entryId={log.id} />);
    expect(await screen.findByText('Tổ trưởng trả lại: Thiếu số người')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Số người được tuyên truyền'));
    await user.type(screen.getByLabelText('Số người được tuyên truyền'), '9');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(await db.fieldLog.get(log.id)).toMatchObject({ peopleReached: 9, reviewStatus: 'resubmitted' });
  });

  it('shows an entry the team leader approved read-only, with the reason', async () => {
    const { db, households } = await setup();
    const log = outreachLog(profile.user.id, { householdIds: [households.dung.id], reviewStatus: 'approved' });
    await db.fieldLog.put(log);
    renderWithDb(db, <EntryFormScreen profile={profile} entryId={log.id} />);

    expect(await screen.findByText('Tổ trưởng đã duyệt, không thể sửa.')).toBeInTheDocument();
    expect(await screen.findByText('Lê Thị Dung')).toBeInTheDocument();
    expect(screen.getByText('Phòng chống lừa đảo qua mạng')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lưu' })).toBeNull();
  });

  it('shows another member\'s entry read-only', async () => {
    const { db } = await setup();
    const log = outreachLog(memberProfile().user.id);
    await db.fieldLog.put(log);
    renderWithDb(db, <EntryFormScreen profile={profile} entryId={log.id} />);
    expect(await screen.findByText('Nhật ký của người khác, chỉ xem.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lưu' })).toBeNull();
  });

  it('offers no form to an account without a team (commune police)', async () => {
    const { db } = await setup();
    renderWithDb(db, <EntryFormScreen profile={{ ...profile, team: null }} kind="outreach" />);
    expect(screen.getByText(/Chỉ tổ viên và tổ trưởng ghi nhật ký/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lưu' })).toBeNull();
  });
});
