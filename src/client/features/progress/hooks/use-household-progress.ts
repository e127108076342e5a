/**
 * Household outreach progress of the user's team, live from the device, through the shared
 * progress engine: households of the team's hamlets reached by outreach entries dated in the
 * running period (any member's: the phone holds the team's entries) ÷ households of those
 * hamlets, against the team's own target when commune police assigned one, otherwise the plan's.
 * Reads only the period's outreach entries through the [kind+date] index and the households
 * of the team's hamlets through the hamletId index.
 */
import type { Profile } from '#src/shared/domain/account.ts';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { ProgressState } from '#src/shared/progress/progress-state.ts';
import { computeIndicator, currentPeriod, type IndicatorResult } from '#src/shared/progress/plan-progress.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { useDbQuery } from '#src/client/db/database-context.tsx';
import { findRunningIndicator } from '#src/client/db/campaign-plan-repository.ts';
import { listLogsOfKindBetween } from '#src/client/db/field-log-repository.ts';
import { listHouseholdsInHamlets } from '#src/client/db/household-repository.ts';
import { listAssignmentsForTeam } from '#src/client/db/target-assignment-repository.ts';

export type HouseholdProgress =
  | { isRunning: false }
  | { isRunning: true; plan: CampaignPlan; result: IndicatorResult };

/** Who the progress is for: the user's team and the hamlets it covers. */
export interface ProgressOwner {
  userId: string;
  teamId: string | null;
  hamletIds: readonly string[];
}

export function progressOwner(profile: Profile): ProgressOwner {
  return { userId: profile.user.id, teamId: profile.team?.id ?? null, hamletIds: profile.hamlets.map((hamlet) => hamlet.id) };
}

export async function readHouseholdProgress(db: AnttDatabase, owner: ProgressOwner, day: string): Promise<HouseholdProgress> {
  const running = await findRunningIndicator(db, day, 'household-outreach-share');
  if (!running) return { isRunning: false };
  const { plan, indicator } = running;
  const period = currentPeriod(plan, indicator, day);
  if (day < period.startDay || day > period.endDay) return { isRunning: false };
  // Someone without a team (commune police) sees the hamlets they cover as one team of theirs.
  const teamId = owner.teamId ?? `user:${owner.userId}`;
  const [households, entries, assignments] = await Promise.all([
    listHouseholdsInHamlets(db, owner.hamletIds),
    listLogsOfKindBetween(db, 'outreach', period.startDay, period.endDay),
    owner.teamId ? listAssignmentsForTeam(db, owner.teamId) : [],
  ]);
  const org = {
    units: owner.hamletIds.map((id) => ({ id, kind: 'hamlet' as const, parentId: null })),
    teams: [{ id: teamId, communeId: '', hamletIds: owner.hamletIds, memberIds: [owner.userId] }],
    households,
  };
  const state = ProgressState.build(org, entries);
  const result = computeIndicator(state, { plan, indicator, scope: { level: 'team', id: teamId }, asOfDay: day, periodKey: period.key, assignments });
  return result ? { isRunning: true, plan, result } : { isRunning: false };
}

/** Live progress for today in Vietnam; undefined while loading. */
export function useHouseholdProgress(owner: ProgressOwner, day: string = dayInVietnam()): HouseholdProgress | undefined {
  return useDbQuery((db) => readHouseholdProgress(db, owner, day), [owner.userId, owner.teamId, owner.hamletIds.join(','), day]);
}
