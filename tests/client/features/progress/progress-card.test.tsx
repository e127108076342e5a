// Campaign progress from the device's data: households reached in the running phase against
// the indicator's 80% target, and the member's entries still waiting to be sent.
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { ProgressCard } from '#src/client/features/progress/components/progress-card.tsx';
import { putRecord } from '#src/client/db/record-repository.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { householdIndicator, planOf } from '../../../support/plan-fixtures.ts';
import { freshDb, hamletEast, hamletWest, household, memberProfile, outreachLog, renderWithDb } from '../test-kit.tsx';

const profile = memberProfile();
const me = profile.user.id;

// Seed 001: the special campaign's two phases; seed 000: ≥80% of households reached.
const plan = planOf({
  name: 'Phong trào thi đua đặc biệt 2024–2025',
  startDay: '2024-08-19',
  endDay: '2025-08-19',
  phases: [
    { id: 'dot-1', name: 'Đợt 1', startDay: '2024-08-19', endDay: '2025-02-03' },
    { id: 'dot-2', name: 'Đợt 2', startDay: '2025-02-04', endDay: '2025-08-19' },
  ],
  indicators: [householdIndicator()],
});

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

describe('progress card', () => {
  it('counts households of the member\'s hamlets reached in the running phase: 124/446, target ≥80%', async () => {
    const db = freshDb();
    const east = Array.from({ length: 300 }, (_, i) => household(`Hộ Đông ${i}`, hamletEast.id));
    const west = Array.from({ length: 146 }, (_, i) => household(`Hộ Tây ${i}`, hamletWest.id));
    const elsewhere = Array.from({ length: 20 }, (_, i) => household(`Hộ xa ${i}`, uuidv7()));
    await db.household.bulkPut([...east, ...west, ...elsewhere]);
    await db.campaignPlan.put(plan);

    const reached = [...east.slice(0, 100), ...west.slice(0, 24)].map((h) => h.id);
    const teammate = memberProfile().user.id;
    await db.fieldLog.bulkPut([
      // 124 households in the phase, some visited twice and by a teammate.
      ...chunks(reached, 10).map((ids, i) => outreachLog(i % 2 ? teammate : me, { date: '2025-03-01', householdIds: ids })),
      outreachLog(me, { date: '2025-08-19', householdIds: reached.slice(0, 30) }),
      // Not counted: before the phase, outside the hamlets.
      outreachLog(me, { date: '2025-02-03', householdIds: east.slice(200, 260).map((h) => h.id) }),
      outreachLog(me, { date: '2025-04-01', householdIds: elsewhere.map((h) => h.id) }),
    ]);
    await putRecord(db, 'fieldLog', outreachLog(me, { date: '2025-03-09', householdIds: reached.slice(0, 2) }));
    await putRecord(db, 'fieldLog', outreachLog(me, { date: '2025-03-10', householdIds: reached.slice(2, 4) }));

    renderWithDb(db, <ProgressCard profile={profile} today="2025-03-10" />);

    expect(await screen.findByText('Đợt 2: 04/02/2025 – 19/08/2025')).toBeInTheDocument();
    expect(screen.getByText('124/446 hộ (27,8%) · Mục tiêu ≥80%')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Tỷ lệ hộ được tuyên truyền' });
    expect(bar).toHaveAttribute('aria-valuenow', '27.8');
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(bar).toHaveAttribute('aria-valuetext', '124/446 hộ (27,8%) · Mục tiêu ≥80%');
    expect(screen.getByText('Chưa đạt mục tiêu: còn 233 hộ.')).toBeInTheDocument();
    expect(await screen.findByText('Nhật ký của tôi chờ gửi: 2')).toBeInTheDocument();
  });

  it('says the target is met at exactly 80%', async () => {
    const db = freshDb();
    const homes = Array.from({ length: 10 }, (_, i) => household(`Hộ ${i}`, hamletEast.id));
    await db.household.bulkPut(homes);
    await db.campaignPlan.put(plan);
    await db.fieldLog.put(outreachLog(me, { date: '2024-09-02', householdIds: homes.slice(0, 8).map((h) => h.id) }));

    renderWithDb(db, <ProgressCard profile={profile} today="2024-12-31" />);
    expect(await screen.findByText('8/10 hộ (80%) · Mục tiêu ≥80%')).toBeInTheDocument();
    expect(screen.getByText('✓ Đã đạt mục tiêu.')).toBeInTheDocument();
    expect(screen.getByText('Nhật ký của tôi chờ gửi: 0')).toBeInTheDocument();
  });

  it('says when no phase is running', async () => {
    const db = freshDb();
    await db.campaignPlan.put(plan);
    renderWithDb(db, <ProgressCard profile={profile} today="2025-08-20" />);
    expect(await screen.findByText('Hiện không có đợt thi đua nào đang diễn ra.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
