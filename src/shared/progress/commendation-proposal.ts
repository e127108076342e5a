/**
 * Candidates for a commendation list (đề nghị khen thưởng) built from a period's results:
 * collectives are the teams that meet every indicator the plan measures for a team in that
 * period (at least one of them with data, none missed); individuals are the members whose
 * approved entries in the period reach `minEntries`, most entries first, leaders and deputies
 * marked (quotas cap their share, commendation.ts `checkQuota`). Restricted entries count only
 * when the reader may read them (readable.ts).
 */
import type { CampaignPlan } from '../domain/campaign-plan.ts';
import type { Nominee } from '../domain/commendation.ts';
import type { ManualValue } from '../domain/manual-value.ts';
import { periodByKey } from '../domain/plan-period.ts';
import { isReadableBy, type Reader } from '../domain/readable.ts';
import type { TargetAssignment } from '../domain/target-assignment.ts';
import { satisfies } from './indicator-status.ts';
import { computePlanProgress } from './plan-progress.ts';
import type { OrgInput, ProgressEntry } from './progress-input.ts';
import { ProgressState } from './progress-state.ts';

/** A team's roster as the proposal reads it (positions mark leaders and deputies). */
export interface ProposalTeam {
  id: string;
  name: string;
  members: ReadonlyArray<{ userId: string; displayName: string; position: 'leader' | 'deputy' | 'member' }>;
}

/** What candidates are proposed from: the plan, the organisation, entries, the reader and the period. */
export interface ProposalInput {
  plan: CampaignPlan;
  org: OrgInput;
  teams: readonly ProposalTeam[];
  entries: Iterable<ProgressEntry>;
  values?: Iterable<ManualValue>;
  assignments?: readonly TargetAssignment[];
  reader: Reader;
  /** A phase or a year of the plan (plan-period.ts). */
  periodKey: string;
  today: string;
  /** Least approved entries in the period for a member to be proposed (default 1). */
  minEntries?: number;
}

/** Candidates, collectives first; null when `periodKey` names no period of the plan. */
export function proposeNominees(input: ProposalInput): Nominee[] | null {
  const period = periodByKey(input.plan, input.periodKey);
  if (!period) return null;
  const asOfDay = input.today < period.endDay ? input.today : period.endDay;
  const entries = [...input.entries].filter((entry) => isReadableBy(input.reader, entry));
  const state = ProgressState.build(input.org, entries, input.values ?? [], { isApprovedOnly: true });
  const collectives = input.teams.flatMap((team) => {
    const results = computePlanProgress(state, { plan: input.plan, scope: { level: 'team', id: team.id }, asOfDay, periodKey: period.key, assignments: input.assignments ?? [] })
      .filter((result) => result.status !== 'no-data');
    const met = results.filter((result) => satisfies(result.numerator, result.denominator, result.target));
    if (results.length === 0 || met.length < results.length) return [];
    return [{ subject: 'collective' as const, refId: team.id, name: team.name, unitKind: null, isLeader: false, achievements: `Đạt ${met.length}/${results.length} chỉ tiêu của kế hoạch` }];
  });
  const counts = new Map<string, number>();
  for (const entry of entries) {
    if (entry.reviewStatus === 'approved' && entry.date >= period.startDay && entry.date <= asOfDay) counts.set(entry.memberId, (counts.get(entry.memberId) ?? 0) + 1);
  }
  const minEntries = input.minEntries ?? 1;
  const individuals = input.teams.flatMap((team) => team.members.map((member) => ({ member, team, count: counts.get(member.userId) ?? 0 })))
    .filter(({ count }) => count >= minEntries)
    .sort((a, b) => b.count - a.count || a.member.displayName.localeCompare(b.member.displayName, 'vi'))
    .map(({ member, team, count }) => ({
      subject: 'individual' as const, refId: member.userId, name: member.displayName, unitKind: null,
      isLeader: member.position !== 'member', achievements: `${count} nhật ký công tác được duyệt (${team.name})`,
    }));
  return [...collectives, ...individuals];
}
