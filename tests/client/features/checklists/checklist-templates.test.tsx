// Commune police edit the checklists as data: the first save copies the default into a template
// of the commune (version 1), each later save is one version up, members' new patrols take it,
// and an entry filled with an older version still opens with the items it was filled with.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChecklistTemplatesScreen } from '#src/client/features/checklists/components/checklist-templates-screen.tsx';
import { EntryFormScreen } from '#src/client/features/entries/components/entry-form-screen.tsx';
import type { Profile } from '#src/shared/domain/account.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { freshDb, memberProfile, renderWithDb, teamId } from '../test-kit.tsx';
import { validEntries } from '../../../shared/kinds/entry-fixtures.ts';

const communeId = uuidv7();
const commune = { id: communeId, name: 'Xã Tân Lập', kind: 'commune' as const };
const base = memberProfile({ displayName: 'Lê Minh Cường' });
const police: Profile = { ...base, user: { ...base.user, role: 'commune-police' }, team: null, orgUnits: [commune] };
const member: Profile = { ...memberProfile(), orgUnits: [commune] };

describe('checklist templates', () => {
  it('saves an edited default as the commune\'s version 1, then version 2, each through the outbox', async () => {
    const db = freshDb();
    const user = userEvent.setup();
    renderWithDb(db, <ChecklistTemplatesScreen profile={police} />);
    const patrol = within(await screen.findByRole('form', { name: 'Sửa danh mục Tuần tra' }));
    expect(patrol.getByText('Đang dùng danh mục mặc định')).toBeInTheDocument();
    await user.click(patrol.getByRole('button', { name: 'Thêm mục' }));
    const items = patrol.getAllByRole('textbox', { name: /^Mục \d+$/ });
    await user.click(patrol.getByRole('button', { name: 'Lưu danh mục' }));
    expect(await patrol.findByText('Nhập nội dung mục')).toBeInTheDocument();
    await user.type(items.at(-1)!, 'Kiểm tra cổng chợ đêm');
    await user.click(patrol.getByRole('checkbox', { name: `Mục ${items.length} bắt buộc` }));
    await user.click(patrol.getByRole('button', { name: 'Lưu danh mục' }));
    expect(await screen.findByText('Đã lưu danh mục “Tuần tra bảo đảm an ninh, trật tự”, phiên bản 1.')).toBeInTheDocument();

    const [first] = await db.checklistTemplate.toArray();
    expect(first).toMatchObject({ communeId, appliesTo: 'patrol', version: 1, isActive: true });
    expect(first!.items.at(-1)).toMatchObject({ label: 'Kiểm tra cổng chợ đêm', isRequired: true });

    const again = within(await screen.findByRole('form', { name: 'Sửa danh mục Tuần tra' }));
    expect(await again.findByText('Phiên bản 1')).toBeInTheDocument();
    await user.click(again.getByRole('button', { name: 'Xóa mục 1' }));
    await user.click(again.getByRole('button', { name: 'Lưu danh mục' }));
    await waitFor(async () => expect((await db.checklistTemplate.get(first!.id))?.version).toBe(2));
    expect(await db.checklistTemplate.count()).toBe(1);
    expect((await db.outbox.toArray()).map((entry) => [entry.collection, entry.recordId])).toEqual([
      ['checklistTemplate', first!.id], ['checklistTemplate', first!.id],
    ]);
  });

  it('offers the editor to commune police only', async () => {
    renderWithDb(freshDb(), <ChecklistTemplatesScreen profile={member} />);
    expect(await screen.findByText('Chỉ Công an xã sửa danh mục kiểm tra.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lưu danh mục' })).toBeNull();
  });

  it('opens an entry filled with an older version with its own items, whatever the template became', async () => {
    const db = freshDb();
    await db.checklistTemplate.put({
      id: uuidv7(), communeId, appliesTo: 'patrol', name: 'Tuần tra', version: 7, isActive: true, updatedAt: '2026-03-09T00:00:00.000Z',
      items: [{ id: 'new', label: 'Mục mới của xã', isRequired: false }],
    });
    const old = { ...validEntries.patrol, id: uuidv7(), teamId, memberId: member.user.id };
    await db.fieldLog.put(old);
    renderWithDb(db, <EntryFormScreen profile={member} entryId={old.id} />);
    const checklist = within(await screen.findByRole('group', { name: 'Việc đã làm khi tuần tra' }));
    expect(checklist.getByRole('checkbox', { name: /Báo Công an xã trước khi đi tuần tra/ })).toBeChecked();
    expect(checklist.queryByRole('checkbox', { name: 'Mục mới của xã' })).toBeNull();
  });
});
