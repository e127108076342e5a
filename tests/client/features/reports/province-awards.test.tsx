// Province staff build the province's award list from the communes' saved lists (synced to their
// phone): each candidate shown with its commune, the province-wide quota checked as they tick,
// the list saved (and queued to be sent) for the province's unit.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CommendationsScreen } from '#src/client/features/reports/components/commendations-screen.tsx';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import type { Commendation, Nominee } from '#src/shared/domain/commendation.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { commune, freshDb, profileOf, province, renderWithDb } from '../test-kit.tsx';
import { plan } from './report-fixtures.ts';

const source = { paragraph: 'III.3', quote: '' };
const awardPlan: CampaignPlan = {
  ...plan,
  commendationQuotas: [{ id: 'bang-khen', award: 'Bằng khen của Chủ tịch UBND tỉnh', maxCollectives: 30, maxIndividuals: 15, maxLeaderSharePercent: 40, source }],
  dossiers: [{ id: 'ho-so', purpose: 'Đề nghị khen thưởng', documents: ['Tờ trình đề nghị khen thưởng', 'Biên bản họp Hội đồng'], copies: 2, source }],
};
const otherCommune = { id: uuidv7(), name: 'Xã Phú Hòa' };
const person = (name: string): Nominee => ({ subject: 'individual', refId: uuidv7(), name, unitKind: null, isLeader: false, achievements: '3 nhật ký công tác được duyệt' });
const listOf = (orgUnitId: string, nominees: Nominee[], quotaId = 'bang-khen'): Commendation => ({
  id: uuidv7(), planId: plan.planId, orgUnitId, kind: 'award', periodKey: 'phase:dot-1', quotaId, nominees, dossier: [], preparedBy: uuidv7(), updatedAt: '2025-04-05T00:00:00.000Z',
});

describe('province commendation list', () => {
  it('offers the communes’ nominees with their communes, names the individuals breach and saves for the province', async () => {
    const staff = profileOf('province-admin', 'Phạm Quốc Dũng');
    const db = freshDb();
    await db.campaignPlan.put(awardPlan);
    const settings = { dutyPhone: null, promptMinutes: 30 };
    await db.orgUnit.bulkPut([
      { id: province.id, parentId: null, kind: 'province', name: province.name, settings },
      { id: commune.id, parentId: province.id, kind: 'commune', name: commune.name, settings },
      { id: otherCommune.id, parentId: province.id, kind: 'commune', name: otherCommune.name, settings },
    ]);
    const team: Nominee = { subject: 'collective', refId: uuidv7(), name: 'Tổ bảo vệ ANTT thôn Đông', unitKind: null, isLeader: false, achievements: 'Đạt 2/2 chỉ tiêu của kế hoạch' };
    const tanLap = Array.from({ length: 9 }, (_, i) => person(`Cá nhân Tân Lập ${i + 1}`));
    const phuHoa = Array.from({ length: 8 }, (_, i) => person(`Cá nhân Phú Hòa ${i + 1}`));
    await db.commendation.bulkPut([
      listOf(commune.id, [team, ...tanLap]),
      listOf(otherCommune.id, phuHoa),
      listOf(otherCommune.id, [person('Người của hình thức khác')], 'giay-khen'),
    ]);
    renderWithDb(db, <CommendationsScreen profile={staff} today="2025-04-10" />);
    const user = userEvent.setup();

    const individuals = await screen.findByRole('group', { name: 'Cá nhân theo số nhật ký được duyệt' });
    const boxes = within(individuals).getAllByRole('checkbox');
    expect(boxes).toHaveLength(17);
    expect(boxes.every((box) => !(box as HTMLInputElement).checked)).toBe(true);
    expect(within(individuals).getByRole('checkbox', { name: /Cá nhân Tân Lập 1 —.*\(Xã Tân Lập\)/ })).toBeInTheDocument();
    expect(within(individuals).getByRole('checkbox', { name: /Cá nhân Phú Hòa 8 —.*\(Xã Phú Hòa\)/ })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Tổ bảo vệ ANTT thôn Đông.*\(Xã Tân Lập\)/ })).toBeInTheDocument();
    expect(screen.queryByText(/Người của hình thức khác/)).not.toBeInTheDocument();
    expect(screen.getByText('Chọn từ 2 danh sách đã lưu của các xã cho kỳ và hình thức khen thưởng này.')).toBeInTheDocument();

    for (const box of boxes.slice(0, 16)) await user.click(box);
    expect(screen.getByText('Đề nghị 16 cá nhân, vượt số lượng cho phép (tối đa 15 cá nhân).')).toBeInTheDocument();
    await user.click(boxes[15]!);
    expect(screen.queryByText(/vượt số lượng cho phép/)).not.toBeInTheDocument();
    expect(screen.getByText('Danh sách đúng số lượng quy định.')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /Tổ bảo vệ ANTT thôn Đông/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Biên bản họp Hội đồng' }));
    await user.click(screen.getByRole('button', { name: 'Lưu danh sách' }));
    await screen.findByText('Đã lưu danh sách. Danh sách sẽ được gửi khi có mạng.');

    const saved = (await db.commendation.toArray()).find((list) => list.orgUnitId === province.id);
    expect(saved).toMatchObject({ planId: plan.planId, kind: 'award', periodKey: 'phase:dot-1', quotaId: 'bang-khen', preparedBy: staff.user.id });
    expect(saved!.nominees.filter((n) => n.subject === 'individual')).toHaveLength(15);
    expect(saved!.nominees.filter((n) => n.subject === 'collective').map((n) => n.refId)).toEqual([team.refId]);
    expect(saved!.dossier).toEqual([{ document: 'Tờ trình đề nghị khen thưởng', isReady: false }, { document: 'Biên bản họp Hội đồng', isReady: true }]);
    expect(await db.outbox.where('recordId').equals(saved!.id).count()).toBe(1);
    // The printable list holds the 15 individuals ticked.
    expect(within(screen.getByRole('table', { name: 'Cá nhân đề nghị khen thưởng' })).getAllByRole('row')).toHaveLength(16);
  });
});
