// A full phone at the moment of saving: IndexedDB refuses the write (QuotaExceededError). The
// member reads what happened and what to do, in Vietnamese, beside the form that still holds
// what was typed; nothing half-saved; what was saved before is still there; once space is freed
// the same input saves.
import { beforeEach, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntryFormScreen } from '#src/client/features/entries/components/entry-form-screen.tsx';
import { useEntryFormStore } from '#src/client/features/entries/entry-form-store.ts';
import { freshDb, memberProfile, outreachLog, renderWithDb, villageHouseholds } from '../test-kit.tsx';

const profile = memberProfile();

beforeEach(() => {
  useEntryFormStore.setState({ hasUnsavedInput: false, notice: null, savedId: null });
});

it('says the phone is full, keeps the input and earlier logs, and saves once space is freed', async () => {
  const db = freshDb();
  await db.household.bulkPut(Object.values(villageHouseholds()));
  const earlier = outreachLog(profile.user.id, { topic: 'Đã lưu từ trước' });
  await db.fieldLog.put(earlier);
  let isFull = true;
  db.outbox.hook('creating', () => {
    if (isFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
  window.history.pushState(null, '', '/nhat-ky/moi/outreach');
  const user = userEvent.setup();
  renderWithDb(db, <EntryFormScreen profile={profile} kind="outreach" />);
  await user.type(await screen.findByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'), 'nguyen');
  await user.click(await within(screen.getByRole('list', { name: 'Kết quả tìm hộ' })).findByRole('button', { name: /Nguyễn Văn An/ }));
  await user.type(screen.getByLabelText('Nội dung tuyên truyền'), 'Phòng cháy, chữa cháy');
  await user.selectOptions(screen.getByLabelText('Hình thức'), 'Họp dân');
  await user.type(screen.getByLabelText('Số người được tuyên truyền'), '20');

  await user.click(screen.getByRole('button', { name: 'Lưu' }));

  // The form's alert region is always there (empty until something goes wrong): wait for its words.
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(
    'Bộ nhớ máy đã đầy nên chưa lưu được. Hãy xoá bớt ảnh, video hoặc ứng dụng không dùng đến, rồi bấm Lưu lại. Những gì đã lưu trước đó vẫn còn nguyên.'));
  expect(screen.getByLabelText('Nội dung tuyên truyền')).toHaveValue('Phòng cháy, chữa cháy');
  expect(await db.fieldLog.toArray()).toEqual([earlier]);
  expect(await db.outbox.count()).toBe(0);

  isFull = false;
  await user.click(screen.getByRole('button', { name: 'Lưu' }));
  await waitFor(() => expect(window.location.pathname).toBe('/'));
  expect((await db.fieldLog.toArray()).map((log) => log.topic).sort()).toEqual(['Phòng cháy, chữa cháy', 'Đã lưu từ trước']);
  expect(await db.outbox.count()).toBe(1);
});
