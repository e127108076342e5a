// Commune police prepare a commendation list from the phone's results: candidates ticked in,
// every breach of the award's quota named in Vietnamese as the list changes, the dossier ticked,
// and the list saved as a synced record (and queued to be sent).
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CommendationsScreen } from '#src/client/features/reports/components/commendations-screen.tsx';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { commune, freshDb, profileOf, province, renderWithDb } from '../test-kit.tsx';
import { planFrom } from '../../../support/progress-fixtures.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { fillCommune, members, plan } from './report-fixtures.ts';

const source = { paragraph: 'III.3', quote: '' };
const awardPlan: CampaignPlan = {
  ...plan,
  commendationQuotas: [{ id: 'bang-khen', award: 'Bằng khen của Chủ tịch UBND tỉnh', maxCollectives: 1, maxIndividuals: 2, maxLeaderSharePercent: 40, source }],
  dossiers: [{ id: 'ho-so', purpose: 'Đề nghị khen thưởng', documents: ['Tờ trình đề nghị khen thưởng', 'Biên bản họp Hội đồng'], copies: 2, source }],
};

describe('commendations screen', () => {
  it('names each quota breach as the list changes and saves the list with its dossier', async () => {
    const police = profileOf('commune-police', 'Lê Minh Cường');
    const db = freshDb();
    await fillCommune(db, profileOf('leader').user.id);
    await db.campaignPlan.put(awardPlan);
    renderWithDb(db, <CommendationsScreen profile={police} today="2025-04-10" />);
    const user = userEvent.setup();

    // Approved entries in Đợt 1: An (outreach), Bảy (a tip), Tây (outreach, the thôn Tây leader).
    const individuals = await screen.findByRole('group', { name: 'Cá nhân theo số nhật ký được duyệt' });
    expect(within(individuals).getAllByRole('checkbox')).toHaveLength(3);
    expect(screen.getByText('Đề nghị 3 cá nhân, vượt số lượng cho phép (tối đa 2 cá nhân).')).toBeInTheDocument();

    await user.click(within(individuals).getByRole('checkbox', { name: /Nguyễn Văn An/ }));
    expect(screen.queryByText(/vượt số lượng cho phép/)).not.toBeInTheDocument();
    // 40% of 2 individuals allows no leader.
    expect(screen.getByText('Có 1 lãnh đạo trong 2 cá nhân được đề nghị, vượt tỷ lệ 40% (tối đa 0 người).')).toBeInTheDocument();

    await user.click(within(individuals).getByRole('checkbox', { name: /Phạm Văn Tây/ }));
    expect(screen.getByText('Danh sách đúng số lượng quy định.')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Tờ trình đề nghị khen thưởng' }));
    await user.click(screen.getByRole('button', { name: 'Lưu danh sách' }));
    await screen.findByText('Đã lưu danh sách. Danh sách sẽ được gửi khi có mạng.');

    const [saved] = await db.commendation.toArray();
    // The message stays while the saved list comes back from the database.
    expect(screen.getByText('Đã lưu danh sách. Danh sách sẽ được gửi khi có mạng.')).toBeInTheDocument();
    expect(saved).toMatchObject({ planId: plan.planId, kind: 'award', periodKey: 'phase:dot-1', quotaId: 'bang-khen', preparedBy: police.user.id });
    expect(saved!.nominees.map((n) => [n.refId, n.subject])).toEqual([[members.binh, 'individual']]);
    expect(saved!.dossier).toEqual([{ document: 'Tờ trình đề nghị khen thưởng', isReady: true }, { document: 'Biên bản họp Hội đồng', isReady: false }]);
    expect(await db.outbox.where('recordId').equals(saved!.id).count()).toBe(1);
    // The printable list holds only the one proposed.
    const printed = screen.getByRole('table', { name: 'Cá nhân đề nghị khen thưởng' });
    expect(within(printed).getAllByRole('row')).toHaveLength(2);
    expect(within(printed).getByText('Lê Văn Bảy')).toBeInTheDocument();
  });

  it('tells a leader that commendation lists are prepared by commune police and province staff', () => {
    renderWithDb(freshDb(), <CommendationsScreen profile={profileOf('leader')} today="2025-04-10" />);
    expect(screen.getByText('Danh sách đề nghị khen thưởng và đăng ký điển hình do Công an xã, Công an tỉnh lập.')).toBeInTheDocument();
  });

  it('warns province staff of the registration deadline of seed 002 until a commune and a school are registered', async () => {
    const staff = profileOf('province-admin', 'Phạm Quốc Dũng');
    const db = freshDb();
    const exemplaryPlan = planFrom('002-dong-nai-2023');
    await db.campaignPlan.put(exemplaryPlan);
    const settings = { dutyPhone: null, promptMinutes: 30 };
    const school = { id: uuidv7(), parentId: commune.id, kind: 'school' as const, name: 'Trường THCS Tân Lập', settings };
    await db.orgUnit.bulkPut([
      { id: province.id, parentId: null, kind: 'province', name: province.name, settings },
      { id: commune.id, parentId: province.id, kind: 'commune', name: commune.name, settings },
      school,
      { id: uuidv7(), parentId: commune.id, kind: 'hamlet', name: 'Ấp 1', settings },
    ]);
    renderWithDb(db, <CommendationsScreen profile={staff} today="2023-03-10" />);
    const user = userEvent.setup();

    // II.2.a: the provincial police select at least one agency in quarter I (by 31/03).
    expect(await screen.findByRole('alert')).toHaveTextContent('Sắp đến hạn 31/03/2023 (còn 21 ngày)');
    expect(screen.getByText(/15\/10\/2023: Công an cấp xã tham mưu/)).toBeInTheDocument();
    const units = screen.getByRole('group', { name: 'Đơn vị đăng ký' });
    expect(within(units).getAllByRole('checkbox').map((box) => box.getAttribute('id'))).toHaveLength(2);
    await user.click(within(units).getByRole('checkbox', { name: 'Xã Tân Lập' }));
    expect(screen.getByText('Chưa đăng ký cơ quan, doanh nghiệp hoặc nhà trường nào xây dựng điển hình (cần ít nhất 01).')).toBeInTheDocument();
    await user.click(within(units).getByRole('checkbox', { name: 'Trường THCS Tân Lập' }));
    expect(screen.queryByText(/cần ít nhất 01/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lưu đăng ký' }));

    await screen.findByText('Đã lưu danh sách. Danh sách sẽ được gửi khi có mạng.');
    const [saved] = await db.commendation.toArray();
    expect(saved).toMatchObject({ kind: 'exemplary', periodKey: 'year:2023', orgUnitId: province.id, quotaId: null });
    expect(saved!.nominees.map((n) => [n.name, n.unitKind])).toEqual([['Trường THCS Tân Lập', 'school'], ['Xã Tân Lập', 'commune']]);
    expect(screen.queryByText(/Sắp đến hạn/)).not.toBeInTheDocument();
    expect(school.id).toBe(saved!.nominees[0]!.refId);
  });
});
