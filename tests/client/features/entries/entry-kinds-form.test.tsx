// The same machinery for the other kinds: times in Vietnam, team members, checklists copied into
// the entry, cross-field rules beside the right field, the urgent call recorded in the entry,
// drafts kept across a remount (and across app versions), photos shrunk into the device table.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntryFormScreen } from '#src/client/features/entries/components/entry-form-screen.tsx';
import { useEntryFormStore } from '#src/client/features/entries/entry-form-store.ts';
import { AnttDatabase } from '#src/client/db/database.ts';
import { defaultPatrolChecklist } from '#src/shared/domain/default-checklists.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { freshDb, memberProfile, renderWithDb } from '../test-kit.tsx';

vi.mock('#src/client/features/entries/photo-shrink.ts', () => ({
  shrinkPhoto: vi.fn(async () => ({ blob: new Blob([new Uint8Array(1234)], { type: 'image/jpeg' }), width: 1600, height: 1200 })),
}));

const communeId = uuidv7();
const mate = { userId: uuidv7(), displayName: 'Đỗ Văn Bảy' };
const profile = { ...memberProfile(), orgUnits: [{ id: communeId, name: 'Xã Tân Lập', kind: 'commune' as const }] };

/** The device database once the organisation's collections (team, orgUnit) are on it. */
class OrganisedDatabase extends AnttDatabase {
  constructor(name: string) {
    super(name);
    this.version(4).stores({ orgUnit: 'id', team: 'id' });
  }
}

const school = { id: uuidv7(), parentId: communeId, kind: 'agency', name: 'Trường THCS Tân Lập' };

async function organisedDb(dutyPhone: string | null): Promise<AnttDatabase> {
  const db = new OrganisedDatabase(`ui-test-${uuidv7()}`);
  await db.table('orgUnit').bulkPut([{ id: communeId, kind: 'commune', name: 'Xã Tân Lập', settings: { dutyPhone, promptMinutes: 30 } }, school]);
  await db.table('team').put({ id: profile.team!.id, members: [{ userId: profile.user.id, displayName: profile.user.displayName }, mate] });
  return db;
}

beforeEach(() => {
  useEntryFormStore.setState({ hasUnsavedInput: false, notice: null });
  window.history.pushState(null, '', '/nhat-ky/moi');
});

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'geolocation');
});

async function typeTime(user: ReturnType<typeof userEvent.setup>, label: string, day: string, time: string) {
  await user.clear(screen.getByLabelText(`${label}: Ngày`));
  await user.type(screen.getByLabelText(`${label}: Ngày`), day);
  await user.clear(screen.getByLabelText(`${label}: Giờ`));
  await user.type(screen.getByLabelText(`${label}: Giờ`), time);
}

describe('patrol', () => {
  it('records a night patrol with team members and the copied checklist; rules show beside their fields', async () => {
    const db = await organisedDb(null);
    const user = userEvent.setup();
    renderWithDb(db, <EntryFormScreen profile={profile} kind="patrol" />);
    expect(await screen.findByRole('heading', { name: 'Ghi nhật ký: Tuần tra' })).toBeInTheDocument();
    const participants = within(screen.getByRole('group', { name: 'Người tham gia' }));
    expect(await participants.findByRole('checkbox', { name: `${profile.user.displayName} (tôi)` })).toBeChecked();
    await user.click(await participants.findByRole('checkbox', { name: 'Đỗ Văn Bảy' }));

    await typeTime(user, 'Bắt đầu tuần tra', '05/03/2026', '22:00');
    await typeTime(user, 'Kết thúc tuần tra', '05/03/2026', '21:00');
    await user.type(screen.getByLabelText('Địa bàn, tuyến tuần tra'), 'Đường liên ấp 1–2');
    const checklist = within(await screen.findByRole('group', { name: 'Việc đã làm khi tuần tra' }));
    for (const label of ['Phân công người tham gia và tuyến, địa bàn tuần tra', 'Báo cáo kết quả tuần tra cho Công an xã']) {
      await user.click(checklist.getByRole('checkbox', { name: new RegExp(label) }));
    }
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    const end = screen.getByLabelText('Kết thúc tuần tra: Giờ');
    expect(end).toHaveAccessibleDescription('Giờ kết thúc phải sau giờ bắt đầu');
    const note = screen.getByLabelText('Ghi chú cho “Báo Công an xã trước khi đi tuần tra”');
    expect(note).toHaveAccessibleDescription('Mục bắt buộc: đánh dấu đã làm, hoặc ghi lý do chưa làm');
    expect(screen.getByLabelText('Kết thúc tuần tra: Ngày')).toHaveFocus();

    await typeTime(user, 'Kết thúc tuần tra', '06/03/2026', '02:30');
    expect(end).not.toHaveAccessibleDescription();
    await user.type(note, 'Công an xã đi cùng');
    expect(note).toHaveAttribute('aria-invalid', 'false');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(window.location.pathname).toBe('/'));
    const [saved] = await db.fieldLog.toArray();
    expect(saved).toMatchObject({
      kind: 'patrol', date: '2026-03-05', startAt: '2026-03-05T15:00:00.000Z', endAt: '2026-03-05T19:30:00.000Z',
      participantIds: [profile.user.id, mate.userId], area: 'Đường liên ấp 1–2',
      checklist: { templateId: defaultPatrolChecklist.id, templateVersion: 1 },
    });
    const items = saved!.kind === 'patrol' ? saved!.checklist.items : [];
    expect(items.map((item) => item.label)).toEqual(defaultPatrolChecklist.items.map((item) => item.label));
    expect(items.find((item) => item.itemId === 'notify-police')).toMatchObject({ isChecked: false, note: 'Công an xã đi cùng' });
  });

  it('fills a new patrol with the commune\'s own active template', async () => {
    const db = await organisedDb(null);
    await db.checklistTemplate.put({
      id: uuidv7(), communeId, appliesTo: 'patrol', name: 'Tuần tra đêm', version: 4, isActive: true, updatedAt: '2026-03-01T00:00:00.000Z',
      items: [{ id: 'gate', label: 'Kiểm tra cổng chợ', isRequired: false }],
    });
    renderWithDb(db, <EntryFormScreen profile={profile} kind="patrol" />);
    const checklist = within(await screen.findByRole('group', { name: 'Việc đã làm khi tuần tra' }));
    expect(await checklist.findByRole('checkbox', { name: 'Kiểm tra cổng chợ' })).toBeInTheDocument();
    expect(checklist.getAllByRole('checkbox')).toHaveLength(1);
  });
});

describe('outreach to an agency', () => {
  it('needs no household when the session reached a school of the commune', async () => {
    const db = await organisedDb(null);
    const user = userEvent.setup();
    renderWithDb(db, <EntryFormScreen profile={profile} kind="outreach" />);
    await user.selectOptions(await screen.findByLabelText('Hoặc cơ quan, doanh nghiệp, trường học'), 'Trường THCS Tân Lập');
    await user.type(screen.getByLabelText('Nội dung tuyên truyền'), 'Phòng chống ma túy học đường');
    await user.selectOptions(screen.getByLabelText('Hình thức'), 'Họp dân');
    await user.type(screen.getByLabelText('Số người được tuyên truyền'), '320');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect((await db.fieldLog.toArray())[0]).toMatchObject({ kind: 'outreach', householdIds: [], agencyId: school.id, peopleReached: 320 });
  });

  it('offers no agency choice when the device knows none', async () => {
    renderWithDb(freshDb(), <EntryFormScreen profile={profile} kind="outreach" />);
    await screen.findByLabelText('Nội dung tuyên truyền');
    expect(screen.queryByLabelText('Hoặc cơ quan, doanh nghiệp, trường học')).toBeNull();
  });
});

describe('urgent incident and tip', () => {
  it('offers a one-tap call and SMS to the duty number and records the tap in the entry', async () => {
    const db = await organisedDb('0251 3822 113');
    const user = userEvent.setup();
    renderWithDb(db, <EntryFormScreen profile={profile} kind="incident" />);
    await user.selectOptions(await screen.findByLabelText('Loại vụ việc'), 'Giao thông');
    await user.click(screen.getByRole('checkbox', { name: 'Việc khẩn cấp, cần báo ngay Công an xã' }));
    const call = await screen.findByRole('link', { name: 'Gọi Công an xã (0251 3822 113)' });
    expect(call).toHaveAttribute('href', 'tel:0251 3822 113');
    expect(screen.getByRole('link', { name: 'Nhắn tin Công an xã' })).toHaveAttribute('href', expect.stringMatching(/^sms:0251 3822 113\?body=/));
    call.addEventListener('click', (event) => event.preventDefault());
    await user.click(call);
    expect(await screen.findByText(/^Đã gọi lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/)).toBeInTheDocument();
    // The tap is in the stored draft at once: the phone is about to leave the app for the dialer.
    await waitFor(async () => expect((await db.drafts.get('new:incident'))?.values.isUrgent).toMatchObject({ isUrgent: true, contact: { channel: 'call' } }));

    const checklist = within(screen.getByRole('group', { name: 'Việc đã làm' }));
    for (const box of checklist.getAllByRole('checkbox')) await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    const [saved] = await db.fieldLog.toArray();
    expect(saved).toMatchObject({ kind: 'incident', incidentType: 'traffic', isUrgent: true, urgentContact: { channel: 'call' } });
  });

  it('says so when the device has no duty number, and keeps a tip\'s source out when anonymous', async () => {
    const db = freshDb();
    const user = userEvent.setup();
    renderWithDb(db, <EntryFormScreen profile={profile} kind="tip" />);
    expect(await screen.findByText(/Thông tin hạn chế/)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Việc khẩn cấp, cần báo ngay Công an xã' }));
    expect(await screen.findByText(/Chưa có số trực ban của Công an xã/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Người cung cấp tin'), 'Bà Hoa');
    await user.click(screen.getByRole('checkbox', { name: 'Người cung cấp tin xin giấu tên' }));
    expect(screen.queryByLabelText('Người cung cấp tin')).toBeNull();
    await user.type(screen.getByLabelText('Nội dung tin'), 'Có người lạ hỏi mua xe không giấy tờ');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect((await db.fieldLog.toArray())[0]).toMatchObject({ kind: 'tip', isAnonymous: true, sourceName: '', isUrgent: true, urgentContact: null });
  });
});

describe('drafts', () => {
  it('keeps typed input across a remount (a reload) and deletes the draft once saved', async () => {
    const db = freshDb();
    const user = userEvent.setup();
    const first = renderWithDb(db, <EntryFormScreen profile={profile} kind="good-deed" />);
    await user.type(await screen.findByLabelText('Việc tốt đã làm'), 'Trả lại ví nhặt được');
    // Stored a moment after the last keystroke.
    await waitFor(async () => expect(await db.drafts.count()).toBe(1), { timeout: 5000 });
    first.unmount();

    renderWithDb(db, <EntryFormScreen profile={profile} kind="good-deed" />);
    expect(await screen.findByLabelText('Việc tốt đã làm')).toHaveValue('Trả lại ví nhặt được');
    expect(screen.getByText(/Đang tiếp tục bản nháp lưu lúc/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Giúp ai, giúp nơi nào'), 'Ông Tư');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect((await db.fieldLog.toArray())[0]).toMatchObject({ description: 'Trả lại ví nhặt được', beneficiary: 'Ông Tư' });
    expect(await db.drafts.count()).toBe(0);
  });

  it('opens a draft written by an older app: known fields come back, unknown and malformed ones are dropped', async () => {
    const db = freshDb();
    await db.drafts.put({
      key: 'new:model', userId: profile.user.id, kind: 'model', entryId: uuidv7(), formatVersion: 0, updatedAt: '2026-03-01T01:00:00.000Z',
      values: { name: 'Camera an ninh ấp 1', modelKind: 42, retiredField: 'x', note: 'Từ bản cũ' },
    });
    renderWithDb(db, <EntryFormScreen profile={profile} kind="model" />);
    expect(await screen.findByLabelText('Tên mô hình')).toHaveValue('Camera an ninh ấp 1');
    expect(screen.getByLabelText('Loại mô hình')).toHaveValue('');
    expect(screen.getByLabelText('Ghi chú (không bắt buộc)')).toHaveValue('Từ bản cũ');
  });

  it('starts over when the draft is discarded', async () => {
    const db = freshDb();
    await db.drafts.put({
      key: 'new:good-deed', userId: profile.user.id, kind: 'good-deed', entryId: uuidv7(), formatVersion: 1,
      updatedAt: '2026-03-01T01:00:00.000Z', values: { description: 'Bản nháp cũ' },
    });
    const user = userEvent.setup();
    renderWithDb(db, <EntryFormScreen profile={profile} kind="good-deed" />);
    expect(await screen.findByLabelText('Việc tốt đã làm')).toHaveValue('Bản nháp cũ');
    await user.click(screen.getByRole('button', { name: 'Bỏ bản nháp' }));
    // The draft row is deleted first, then the form starts over.
    await waitFor(() => expect(screen.getByLabelText('Việc tốt đã làm')).toHaveValue(''));
    expect(screen.queryByRole('button', { name: 'Bỏ bản nháp' })).toBeNull();
    await waitFor(async () => expect(await db.drafts.count()).toBe(0));
  });
});

describe('photos and location', () => {
  it('stores a shrunk photo in the device table and names it in the entry; a location never blocks the save', async () => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:photo', revokeObjectURL: () => undefined }));
    const getCurrentPosition = vi.fn((_ok: PositionCallback, fail: PositionErrorCallback) => fail({ code: 3, message: 'timeout' } as GeolocationPositionError));
    Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true });
    const db = freshDb();
    const user = userEvent.setup();
    renderWithDb(db, <EntryFormScreen profile={profile} kind="good-deed" />);
    await user.type(await screen.findByLabelText('Việc tốt đã làm'), 'Dọn rác đường làng');
    await user.type(screen.getByLabelText('Giúp ai, giúp nơi nào'), 'Xóm 2');
    await user.upload(screen.getByLabelText('Chụp hoặc chọn ảnh'), new File([new Uint8Array(4_000_000)], 'anh.jpg', { type: 'image/jpeg' }));
    expect(await screen.findByRole('img', { name: 'Ảnh 1' })).toBeInTheDocument();
    // Kept on the phone until the sync sends it.
    expect(screen.getByText('Chờ gửi')).toBeInTheDocument();
    // A second photo, taken then removed, is not kept once the entry is saved.
    await user.upload(screen.getByLabelText('Chụp hoặc chọn ảnh'), new File([new Uint8Array(10)], 'anh-2.jpg', { type: 'image/jpeg' }));
    await user.click(await screen.findByRole('button', { name: 'Bỏ ảnh 2' }));
    expect(await db.photos.count()).toBe(2);
    await user.click(screen.getByRole('button', { name: 'Lấy vị trí hiện tại' }));
    expect(await screen.findByText('Không lấy được vị trí. Vẫn lưu được nhật ký.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(window.location.pathname).toBe('/'));
    const [saved] = await db.fieldLog.toArray();
    const [photo, ...removed] = await db.photos.toArray();
    expect(removed).toEqual([]);
    expect(saved).toMatchObject({ photoIds: [photo!.id], location: null });
    expect(photo).toMatchObject({ entryId: saved!.id, width: 1600, height: 1200, bytes: 1234, uploadedAt: null });
  });
});
