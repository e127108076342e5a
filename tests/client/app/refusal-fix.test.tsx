// "Sửa lại" on an entry the server refused: the whole app opens the entry's form with the refused
// record, the author fixes and saves it (a new change in the outbox), and the refusal is closed
// as fixed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AnttDatabase } from '#src/client/db/database.ts';
import type { OutreachLog } from '#src/shared/domain/field-log.ts';
import { memberProfile, openAppAs, outreachLog } from '../features/test-kit.tsx';

const member = memberProfile({ displayName: 'Nguyễn Văn An' });

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

async function refuse(db: AnttDatabase, refused: OutreachLog): Promise<number> {
  return (await db.rejections.add({
    collection: 'fieldLog', recordId: refused.id, reason: 'invalid-record', message: 'Số người quá lớn',
    fields: [{ path: 'peopleReached', message: 'Số người quá lớn' }], data: refused as unknown as Record<string, unknown>,
    status: 'open', at: '2026-03-05T03:00:00.000Z',
  })) as number;
}

async function fixPeopleReached(topic: string, value: string): Promise<void> {
  const user = userEvent.setup();
  const card = await screen.findByRole('article', { name: topic });
  await user.click(within(card).getByRole('button', { name: 'Sửa lại' }));
  expect(await screen.findByLabelText('Nội dung tuyên truyền')).toHaveValue(topic);
  const people = screen.getByLabelText('Số người được tuyên truyền');
  expect(people).toHaveValue('90000');
  await user.clear(people);
  await user.type(people, value);
  await user.click(screen.getByRole('button', { name: 'Lưu' }));
  await waitFor(() => expect(window.location.pathname).toBe('/'));
}

describe('fixing a refused entry', () => {
  it('opens a new entry the server never took under its own id, and saving it fixes the refusal', async () => {
    const refused = outreachLog(member.user.id, { topic: 'Tuyên truyền phòng cháy', peopleReached: 90_000 });
    let refusalId = 0;
    const db = await openAppAs(member, '/dong-bo', async (phone) => {
      refusalId = await refuse(phone, refused);
    });
    await fixPeopleReached('Tuyên truyền phòng cháy', '45');

    expect(await db.fieldLog.get(refused.id)).toMatchObject({ topic: 'Tuyên truyền phòng cháy', peopleReached: 45, householdIds: refused.householdIds });
    expect((await db.outbox.toArray()).map((entry) => entry.recordId)).toEqual([refused.id]);
    expect(await db.rejections.get(refusalId)).toMatchObject({ status: 'fixed' });
    expect(await db.drafts.count()).toBe(0);
  });

  it('opens an entry the server holds as an edit of it, with the refused values', async () => {
    const stored = outreachLog(member.user.id, { topic: 'Tuyên truyền phòng cháy (máy chủ)', peopleReached: 12 });
    const refused = { ...stored, topic: 'Tuyên truyền phòng cháy (đã sửa)', peopleReached: 90_000 };
    let refusalId = 0;
    const db = await openAppAs(member, '/dong-bo', async (phone) => {
      await phone.fieldLog.put({ ...stored, serverVersion: 40 } as OutreachLog);
      refusalId = await refuse(phone, refused);
    });
    await fixPeopleReached('Tuyên truyền phòng cháy (đã sửa)', '30');

    expect(await db.fieldLog.get(stored.id)).toMatchObject({ topic: 'Tuyên truyền phòng cháy (đã sửa)', peopleReached: 30 });
    const [change] = await db.outbox.toArray();
    expect(change).toMatchObject({ recordId: stored.id, base: 40, changed: expect.arrayContaining(['topic', 'peopleReached']) });
    expect(await db.rejections.get(refusalId)).toMatchObject({ status: 'fixed' });
  });

  it('asks before replacing the draft of another new entry of the same kind, and keeps it when told no', async () => {
    const refused = outreachLog(member.user.id, { topic: 'Tuyên truyền phòng cháy', peopleReached: 90_000 });
    const otherDraft = { key: 'new:outreach', userId: member.user.id, kind: 'outreach', entryId: crypto.randomUUID(), formatVersion: 1, values: { topic: 'Đang viết dở' }, updatedAt: '2026-03-05T04:00:00.000Z' };
    const db = await openAppAs(member, '/dong-bo', async (phone) => {
      await refuse(phone, refused);
      await phone.drafts.put(otherDraft);
    });
    const card = await screen.findByRole('article', { name: 'Tuyên truyền phòng cháy' });
    await userEvent.setup().click(within(card).getByRole('button', { name: 'Sửa lại' }));
    await waitFor(() => expect(confirm).toHaveBeenCalledWith('Bản nháp cùng loại đang viết dở sẽ bị thay. Vẫn sửa?'));
    expect(window.location.pathname).toBe('/dong-bo');
    expect(await db.drafts.get('new:outreach')).toEqual(otherDraft);
  });

  it('offers no "Sửa lại" for another account\'s refused record', async () => {
    const someoneElse = outreachLog(memberProfile({ displayName: 'Đỗ Thị Hoa' }).user.id, { topic: 'Của người khác' });
    await openAppAs(member, '/dong-bo', async (phone) => {
      await refuse(phone, someoneElse);
    });
    const card = await screen.findByRole('article', { name: 'Của người khác' });
    expect(within(card).queryByRole('button', { name: 'Sửa lại' })).toBeNull();
    expect(within(card).getByRole('button', { name: 'Bỏ mục này' })).toBeInTheDocument();
  });
});
