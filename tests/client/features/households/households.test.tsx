// Households for leaders and commune police: the list with a hamlet filter and a search that
// ranks a hamlet-name match first, add and edit with flags, merge a duplicate (it leaves the
// pickers and names the kept one), and members reading only.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HouseholdsScreen } from '#src/client/features/households/components/households-screen.tsx';
import { HouseholdEditScreen } from '#src/client/features/households/components/household-edit-screen.tsx';
import type { Profile } from '#src/shared/domain/account.ts';
import { freshDb, hamletEast, hamletWest, household, memberProfile, renderWithDb, villageHouseholds } from '../test-kit.tsx';

const base = memberProfile({ displayName: 'Trần Thị Bình' });
const leader: Profile = { ...base, user: { ...base.user, role: 'leader' } };
const member = memberProfile();

beforeEach(() => {
  window.history.pushState(null, '', '/ho-gia-dinh');
});

function listed() {
  return within(screen.getByRole('list', { name: 'Danh sách hộ' })).getAllByRole('listitem');
}

describe('households list', () => {
  it('narrows to a hamlet and ranks households of a hamlet named in the search first', async () => {
    const db = freshDb();
    await db.household.bulkPut([
      household('Nguyễn Văn An', hamletEast.id, 'Số 3, xóm Tây'),
      household('Lê Văn Tư', hamletWest.id, 'Số 9, xóm 1'),
      household('Phạm Thị Năm', hamletEast.id, 'Số 1, xóm 2'),
    ]);
    const user = userEvent.setup();
    renderWithDb(db, <HouseholdsScreen profile={leader} />);
    expect(await screen.findByText('3 hộ')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Tìm hộ (tên chủ hộ, địa chỉ, thôn ấp)'), 'thon tay');
    await waitFor(() => expect(listed()).toHaveLength(2));
    expect(listed()[0]).toHaveTextContent('Lê Văn Tư');
    expect(listed()[1]).toHaveTextContent('Nguyễn Văn An');
    await user.clear(screen.getByLabelText('Tìm hộ (tên chủ hộ, địa chỉ, thôn ấp)'));
    await user.selectOptions(screen.getByLabelText('Thôn, ấp'), 'Thôn Đông');
    await waitFor(() => expect(listed()).toHaveLength(2));
    expect(screen.queryByText('Lê Văn Tư')).toBeNull();
  });

  it('lets a member read but not change the list', async () => {
    const db = freshDb();
    await db.household.bulkPut(Object.values(villageHouseholds()));
    renderWithDb(db, <HouseholdsScreen profile={member} />);
    expect(await screen.findByText(/Tổ viên chỉ xem danh sách hộ/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Thêm hộ' })).toBeNull();
    expect(await screen.findByText('Nguyễn Văn An')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Sửa Nguyễn Văn An/ })).toBeNull();
  });
});

describe('adding, editing and merging', () => {
  it('adds a household with flags through the outbox, with the schema\'s messages beside the fields', async () => {
    const db = freshDb();
    const user = userEvent.setup();
    renderWithDb(db, <HouseholdEditScreen profile={leader} />);
    await user.click(await screen.findByRole('button', { name: 'Lưu hộ' }));
    expect(await screen.findByLabelText('Tên chủ hộ')).toHaveAccessibleDescription('Nhập tên chủ hộ');
    expect(screen.getByLabelText('Tên chủ hộ')).toHaveFocus();
    await user.type(screen.getByLabelText('Tên chủ hộ'), 'Võ Thị Mai');
    await user.selectOptions(screen.getByLabelText('Thôn, ấp'), 'Thôn Tây');
    await user.type(screen.getByLabelText('Số nhân khẩu'), '101');
    await user.click(screen.getByRole('checkbox', { name: 'Có nhà cho thuê, nhà trọ' }));
    await user.click(screen.getByRole('button', { name: 'Lưu hộ' }));
    expect(await screen.findByText('Số nhân khẩu quá lớn (tối đa 100)')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Số nhân khẩu'));
    await user.type(screen.getByLabelText('Số nhân khẩu'), '5');
    await user.click(screen.getByRole('button', { name: 'Lưu hộ' }));

    await waitFor(() => expect(window.location.pathname).toBe('/ho-gia-dinh'));
    const [saved] = await db.household.toArray();
    expect(saved).toMatchObject({ headName: 'Võ Thị Mai', hamletId: hamletWest.id, memberCount: 5, isRentalHousing: true, hasConditionalBusiness: false, mergedIntoId: null });
    expect(await db.outbox.toArray()).toMatchObject([{ collection: 'household', recordId: saved!.id, op: 'put' }]);
  });

  it('merges a duplicate into the kept household: both rows stay, the duplicate names the kept one', async () => {
    const db = freshDb();
    const kept = household('Nguyễn Văn An', hamletEast.id, 'Số 12, xóm 1');
    const duplicate = household('Nguyen Van An', hamletEast.id, 'So 12 xom 1');
    const other = household('Trần Văn Cường', hamletEast.id, 'Số 7, xóm 1');
    await db.household.bulkPut([kept, duplicate, other]);
    const user = userEvent.setup();
    renderWithDb(db, <HouseholdEditScreen profile={leader} householdId={duplicate.id} />);
    await user.type(await screen.findByLabelText('Tìm hộ được giữ lại (cùng thôn, ấp)'), 'nguyen van an');
    const choice = await screen.findByRole('button', { name: 'Gộp vào Nguyễn Văn An, Số 12, xóm 1' });
    expect(screen.queryByRole('button', { name: /Gộp vào Nguyen Van An/ })).toBeNull();
    await user.click(choice);

    await waitFor(() => expect(window.location.pathname).toBe('/ho-gia-dinh'));
    expect(await db.household.get(duplicate.id)).toMatchObject({ mergedIntoId: kept.id });
    expect(await db.household.get(kept.id)).toMatchObject({ mergedIntoId: null });
    expect((await db.outbox.toArray()).map((entry) => entry.recordId)).toEqual([duplicate.id]);
  });

  it('shows the merged duplicate struck through with the kept name', async () => {
    const db = freshDb();
    const kept = household('Nguyễn Văn An', hamletEast.id, 'Số 12, xóm 1');
    await db.household.bulkPut([kept, { ...household('Nguyen Van An', hamletEast.id), mergedIntoId: kept.id }]);
    renderWithDb(db, <HouseholdsScreen profile={leader} />);
    expect(await screen.findByText('Đã gộp vào Nguyễn Văn An')).toBeInTheDocument();
  });
});
