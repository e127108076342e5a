// What needs a person after a sync: conflicts to settle (every value, by whom; the choice saved as
// synced changes) and refused entries set aside with their reason (read, then discarded).
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SyncDetailsScreen } from '#src/client/features/sync-status/components/sync-details-screen.tsx';
import { SyncStatusBar } from '#src/client/features/sync-status/components/sync-status-bar.tsx';
import type { Conflict } from '#src/shared/domain/conflict.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { freshDb, memberProfile, outreachLog, renderWithDb, teamId } from '../test-kit.tsx';

const member = memberProfile({ displayName: 'Nguyễn Văn An' });
const leader: Profile = { ...memberProfile({ displayName: 'Trần Thị Bình' }), user: { ...memberProfile().user, role: 'leader', displayName: 'Trần Thị Bình', username: 'totruong' } };

function conflictOn(recordId: string, kind: Conflict['kind']): Conflict {
  return {
    id: uuidv7(), kind, collection: 'fieldLog', recordId, scope: `team:${teamId}`, status: 'open', choices: {},
    resolvedBy: null, resolvedAt: null, createdAt: '2026-03-05T02:00:00.000Z',
    fields: [{
      field: 'peopleReached',
      values: [
        { value: 4, userId: member.user.id, at: '2026-03-05T01:00:00.000Z', isCurrent: true },
        { value: 12, userId: leader.user.id, at: '2026-03-05T02:00:00.000Z', isCurrent: false },
      ],
    }],
  };
}

async function phoneWithConflict(kind: Conflict['kind']) {
  const db = freshDb();
  const log = outreachLog(member.user.id, { peopleReached: 4 });
  await db.fieldLog.put({ ...log, serverVersion: 30 } as typeof log);
  const conflict = conflictOn(log.id, kind);
  await db.conflict.put({ ...conflict, serverVersion: 31 } as Conflict);
  await db.team.put({
    id: teamId, communeId: uuidv7(), name: 'Tổ Ấp 1', hamletIds: [], establishedOn: '2024-07-01', updatedAt: '',
    members: [{ userId: member.user.id, displayName: 'Nguyễn Văn An', position: 'member' }, { userId: leader.user.id, displayName: 'Trần Thị Bình', position: 'leader' }],
  } as never);
  return { db, log, conflict };
}

describe('conflicts', () => {
  it('shows every value with who gave it, and saves the choice as two synced changes', async () => {
    const { db, log, conflict } = await phoneWithConflict('concurrent-edit');
    renderWithDb(db, <><SyncStatusBar /><SyncDetailsScreen profile={leader} /></>);
    expect(await screen.findByRole('link', { name: '1 mục cần bạn xử lý' })).toHaveAttribute('href', '/dong-bo');
    const card = await screen.findByRole('article', { name: 'Cùng một nội dung được sửa trên hai máy' });
    const group = within(card).getByRole('group', { name: 'Số người được tuyên truyền' });
    const current = await within(group).findByRole('radio', { name: /^4 · giá trị đang dùng, do Nguyễn Văn An ghi lúc 05\/03\/2026 08:00/ });
    expect(current).toBeChecked();
    const offered = within(group).getByRole('radio', { name: /^12 · do bạn đề nghị lúc 05\/03\/2026 09:00/ });

    const user = userEvent.setup();
    await user.click(offered);
    await user.click(within(card).getByRole('button', { name: 'Lưu lựa chọn' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Cùng một nội dung được sửa trên hai máy' })).toBeNull());
    expect(screen.getByText('Không có xung đột nào.')).toBeInTheDocument();
    expect(await db.fieldLog.get(log.id)).toMatchObject({ peopleReached: 12, serverVersion: 30 });
    expect(await db.conflict.get(conflict.id)).toMatchObject({ status: 'resolved', choices: { peopleReached: 1 }, resolvedBy: leader.user.id });
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((entry) => [entry.collection, entry.recordId, entry.base, entry.changed])).toEqual([
      ['fieldLog', log.id, 30, ['peopleReached']],
      ['conflict', conflict.id, 31, expect.arrayContaining(['status', 'choices', 'resolvedBy', 'resolvedAt'])],
    ]);
  });

  it('tells the author of an entry edited after approval that the leader decides', async () => {
    const { db } = await phoneWithConflict('edited-after-review');
    renderWithDb(db, <SyncDetailsScreen profile={member} />);
    const card = await screen.findByRole('article', { name: 'Nhật ký được sửa sau khi tổ trưởng đã duyệt' });
    expect(within(card).getByText('Tổ trưởng hoặc Công an xã sẽ chọn giá trị đúng.')).toBeInTheDocument();
    for (const radio of within(card).getAllByRole('radio')) expect(radio).toBeDisabled();
    expect(within(card).queryByRole('button', { name: 'Lưu lựa chọn' })).toBeNull();
  });
});

describe('refused entries', () => {
  it('shows the reason and the field, and lets the author discard the refused version', async () => {
    const db = freshDb();
    const refused = outreachLog(member.user.id, { topic: 'Tuyên truyền phòng cháy' });
    await db.rejections.add({
      collection: 'fieldLog', recordId: refused.id, reason: 'invalid-record', message: 'Số người quá lớn',
      fields: [{ path: 'peopleReached', message: 'Số người quá lớn' }], data: refused, status: 'open', at: '2026-03-05T03:00:00.000Z',
    });
    renderWithDb(db, <><SyncStatusBar /><SyncDetailsScreen profile={member} /></>);
    const card = await screen.findByRole('article', { name: 'Tuyên truyền phòng cháy' });
    expect(within(card).getByText('Số người được tuyên truyền: Số người quá lớn')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '1 mục cần bạn xử lý' })).toBeInTheDocument();
    await userEvent.setup().click(within(card).getByRole('button', { name: 'Bỏ mục này' }));
    expect(await screen.findByText('Không có mục nào bị từ chối.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('link', { name: /cần bạn xử lý/ })).toBeNull());
  });
});
