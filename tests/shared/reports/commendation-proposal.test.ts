import { describe, expect, it } from 'vitest';
import { checkQuota } from '#src/shared/domain/commendation.ts';
import { proposeNominees, type ProposalTeam } from '#src/shared/progress/commendation-proposal.ts';
import type { ProgressEntry } from '#src/shared/progress/progress-input.ts';
import { householdIndicator, planOf } from '../../support/plan-fixtures.ts';
import { fixtureId, generatedCommune, monthOfWork, planFrom } from '../../support/progress-fixtures.ts';

describe('commendation candidates from results', () => {
  const c = generatedCommune();
  const plan = planOf({ startDay: '2025-01-01', endDay: '2025-12-31', phases: [{ id: 'p1', name: 'Đợt 1', startDay: '2025-01-01', endDay: '2025-06-30' }], indicators: [householdIndicator()] });
  const { entries, values } = monthOfWork(c, '2025-03', '2025-02-28');
  const approved: ProgressEntry[] = entries.map((e) => (e.reviewStatus === 'returned' ? e : { ...e, reviewStatus: 'approved' }));
  const { m1, m2, m3, m4, m5, m6, m7 } = c.member;
  const teams: ProposalTeam[] = [
    { id: c.team.t1, name: 'Tổ Ấp 1–2', members: [{ userId: m1, displayName: 'An', position: 'leader' }, { userId: m2, displayName: 'Bình', position: 'member' }, { userId: m3, displayName: 'Cường', position: 'member' }, { userId: m4, displayName: 'Dũng', position: 'member' }] },
    { id: c.team.t2, name: 'Tổ Ấp 3', members: [{ userId: m5, displayName: 'Em', position: 'leader' }, { userId: m6, displayName: 'Giang', position: 'deputy' }, { userId: m7, displayName: 'Hà', position: 'member' }] },
  ];
  const police = { userId: fixtureId('police'), role: 'commune-police' as const, teamId: null, supervisedTeamIds: [c.team.t1, c.team.t2] };
  const propose = (overrides: Partial<Parameters<typeof proposeNominees>[0]> = {}) =>
    proposeNominees({ plan, org: c.org, teams, entries: approved, values, reader: police, periodKey: 'phase:p1', today: '2025-07-15', ...overrides })!;

  it('proposes the teams meeting every indicator and members by their approved entries, leaders marked', () => {
    const nominees = propose();
    // T2 reached 16 of its 20 households (the returned entry does not count): 80% meets ≥ 80%; T1 9 of 20 does not.
    expect(nominees.filter((n) => n.subject === 'collective').map((n) => [n.name, n.achievements])).toEqual([['Tổ Ấp 3', 'Đạt 1/1 chỉ tiêu của kế hoạch']]);
    const individuals = nominees.filter((n) => n.subject === 'individual');
    // Giang (m6): 19 residence reports, outreach to the agency, a tip and a model = 22; Em (m5):
    // outreach, patrol, incident, visit = 4 (the returned outreach left out). An (m1): 3 outreach,
    // a patrol, 2 incidents, a model = 7; Cường (m3): 4 residence reports, a patrol, a tip = 6.
    expect(individuals[0]).toMatchObject({ name: 'Giang', isLeader: true, achievements: '22 nhật ký công tác được duyệt (Tổ Ấp 3)' });
    expect(individuals.find((n) => n.name === 'Em')).toMatchObject({ isLeader: true, achievements: '4 nhật ký công tác được duyệt (Tổ Ấp 3)' });
    expect(individuals.find((n) => n.name === 'Dũng')).toMatchObject({ isLeader: false });
    expect(individuals.map((n) => n.name)).toHaveLength(7);
    expect(propose({ minEntries: 5 }).filter((n) => n.subject === 'individual').map((n) => n.name)).toEqual(['Giang', 'An', 'Cường']);
  });

  it('counts a restricted entry only for a reader who may read it', () => {
    const member = { userId: m6, role: 'member' as const, teamId: c.team.t2, supervisedTeamIds: [] };
    // Hà (m7) wrote only a tip and two reintegration visits: commune police see three entries, the member Giang none.
    expect(propose().find((n) => n.name === 'Hà')?.achievements).toBe('3 nhật ký công tác được duyệt (Tổ Ấp 3)');
    expect(propose({ reader: member }).find((n) => n.name === 'Hà')).toBeUndefined();
    // Giang's own tip counts for Giang.
    expect(propose({ reader: member }).find((n) => n.name === 'Giang')?.achievements).toBe('22 nhật ký công tác được duyệt (Tổ Ấp 3)');
  });
});

describe('quota of seed 000 (Bằng khen của Chủ tịch UBND tỉnh: 30 collectives, 15 individuals, leaders ≤ 40%)', () => {
  const quota = planFrom('000-binh-phuoc-2023').commendationQuotas[0]!;
  const list = (collectives: number, individuals: number, leaders: number) => [
    ...Array.from({ length: collectives }, () => ({ subject: 'collective' as const, isLeader: false })),
    ...Array.from({ length: individuals }, (_, i) => ({ subject: 'individual' as const, isLeader: i < leaders })),
  ];

  it('accepts 30 collectives and 15 individuals of whom 6 leaders', () => {
    expect(checkQuota(list(30, 15, 6), quota)).toEqual([]);
  });

  it('names every breach: 31 collectives, 16 individuals, 7 leaders of 16 (40% allows 6)', () => {
    expect(checkQuota(list(31, 16, 7), quota)).toEqual([
      { kind: 'too-many-collectives', count: 31, limit: 30 },
      { kind: 'too-many-individuals', count: 16, limit: 15 },
      { kind: 'leader-share', leaders: 7, individuals: 16, maxPercent: 40, maxLeaders: 6 },
    ]);
  });
});
