// What commune police enter for a plan on the phone: a value by hand (a bad number is refused
// beside the field; the same unit, key and days again corrects the value instead of adding one)
// and teams' own targets; each a synced record queued for the next sync.
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlanInputsScreen } from '#src/client/features/plan-inputs/components/plan-inputs-screen.tsx';
import { householdIndicator, planOf } from '../../../support/plan-fixtures.ts';
import { commune, freshDb, otherTeamId, profileOf, renderWithDb, teamId } from '../test-kit.tsx';

const police = profileOf('commune-police', 'Lê Minh Cường');
const plan = planOf({
  name: 'Thi đua bảo vệ ANTT 2026', orgUnitId: commune.id, startDay: '2026-01-01', endDay: '2026-12-31',
  phases: [{ id: 'dot-1', name: 'Đợt 1', startDay: '2026-01-01', endDay: '2026-12-31' }],
  manualInputs: [{ key: 'tips-received', label: 'Tổng số tin báo Công an xã nhận', aggregation: 'sum' }],
  indicators: [
    householdIndicator({ isAssignable: true }),
    { id: 'tips', label: 'Tỷ lệ tin báo được chuyển', metric: { type: 'tip-forwarding-share', receivedKey: 'tips-received' }, target: { comparator: '>=', value: 70, unit: 'percent' }, level: 'commune', period: 'month' },
  ],
});

async function device() {
  const db = freshDb();
  await db.campaignPlan.put(plan);
  return db;
}

describe('plan inputs', () => {
  it('enters a value for the commune and the month, refuses a negative one beside the field, and corrects it in place', async () => {
    const user = userEvent.setup();
    const db = await device();
    renderWithDb(db, <PlanInputsScreen profile={police} params={{}} today="2026-03-20" />);

    expect(await screen.findByLabelText('Số liệu')).toHaveDisplayValue('Tổng số tin báo Công an xã nhận');
    expect(screen.getByLabelText('Đơn vị')).toHaveDisplayValue('Xã Tân Lập');
    expect(screen.getByLabelText('Từ ngày')).toHaveValue('2026-03-01');
    expect(screen.getByLabelText('Đến ngày')).toHaveValue('2026-03-31');
    const value = screen.getByLabelText('Giá trị');
    await user.type(value, '-5');
    await user.click(screen.getByRole('button', { name: 'Lưu số liệu' }));
    expect(value).toHaveAccessibleDescription('Số liệu không được âm');
    expect(await db.manualValue.count()).toBe(0);

    await user.clear(value);
    await user.type(value, '12');
    await user.click(screen.getByRole('button', { name: 'Lưu số liệu' }));
    expect(await screen.findByText('Đã lưu số liệu. Sẽ gửi khi có mạng.')).toBeInTheDocument();
    const [saved] = await db.manualValue.toArray();
    expect(saved).toMatchObject({ orgUnitId: commune.id, teamId: null, key: 'tips-received', startDay: '2026-03-01', endDay: '2026-03-31', value: 12, enteredBy: police.user.id });
    expect(await db.outbox.where('recordId').equals(saved!.id).count()).toBe(1);

    await user.type(value, '15');
    await user.click(screen.getByRole('button', { name: 'Lưu số liệu' }));
    await waitFor(async () => expect((await db.manualValue.toArray()).map((row) => [row.id, row.value])).toEqual([[saved!.id, 15]]));
    expect(await screen.findByText('Tổng số tin báo Công an xã nhận: 15')).toBeInTheDocument();
  });

  it('gives teams their own target for an assignable indicator; an empty box keeps the plan\'s', async () => {
    const user = userEvent.setup();
    const db = await device();
    renderWithDb(db, <PlanInputsScreen profile={police} params={{}} today="2026-03-20" />);

    expect(await screen.findByText('Mục tiêu của kế hoạch: ≥ 80%')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Tỷ lệ tin báo được chuyển' })).toBeNull();
    await user.type(screen.getByLabelText('Chỉ tiêu của Tổ bảo vệ ANTT thôn Đông (%)'), '90');
    await user.click(screen.getByRole('button', { name: 'Lưu chỉ tiêu “Hộ gia đình được tuyên truyền”' }));
    expect(await screen.findByText('Đã giao chỉ tiêu “Hộ gia đình được tuyên truyền” cho 1 tổ. Sẽ gửi khi có mạng.')).toBeInTheDocument();
    const rows = await db.targetAssignment.toArray();
    expect(rows).toEqual([expect.objectContaining({ planId: plan.planId, indicatorId: 'households-reached', teamId, orgUnitId: commune.id, periodKey: null, value: 90, assignedBy: police.user.id })]);
    expect(rows.some((row) => row.teamId === otherTeamId)).toBe(false);
    expect(await db.outbox.where('recordId').equals(rows[0]!.id).count()).toBe(1);
  });
});
