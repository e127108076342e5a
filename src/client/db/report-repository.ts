/**
 * What reports read from the device: the teams' entries up to a day, the organisation (units,
 * teams with their members, the households of their hamlets), values entered by hand, teams'
 * own targets, month closes and the plans. Read-only; every figure is computed by the shared
 * engine (src/shared/progress/plan-report.ts) from what this returns.
 */
import Dexie from 'dexie';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import type { ManualValue } from '#src/shared/domain/manual-value.ts';
import type { MonthClose } from '#src/shared/domain/month-close.ts';
import type { Team } from '#src/shared/domain/team.ts';
import type { TargetAssignment } from '#src/shared/domain/target-assignment.ts';
import type { ReportEntry } from '#src/shared/progress/plan-report.ts';
import type { OrgInput, TeamInput, UnitInput } from '#src/shared/progress/progress-input.ts';
import { listCurrentPlans } from './campaign-plan-repository.ts';
import type { AnttDatabase } from './database.ts';
import { listHouseholdsInHamlets } from './household-repository.ts';

/** Everything a report of some teams needs, as the device holds it. */
export interface ReportSources {
  plans: CampaignPlan[];
  entries: ReportEntry[];
  org: OrgInput;
  values: ManualValue[];
  assignments: TargetAssignment[];
  monthCloses: MonthClose[];
  /** Display names by account id, from the team rosters the device holds. */
  memberNames: Map<string, string>;
  /** The rosters the device holds of the teams asked for (name, members with their positions). */
  rosters: Team[];
}

const unitKindOf = (kind: string): UnitInput['kind'] =>
  kind === 'enterprise' || kind === 'school' ? 'agency' : (kind as UnitInput['kind']);

/**
 * Reads the sources of a report on `teams` dated up to `endDay` (entries from the start: models
 * begun earlier still run). A team the device has no record of is taken as given in `teams`.
 */
export async function readReportSources(db: AnttDatabase, teams: readonly TeamInput[], endDay: string): Promise<ReportSources> {
  const stored = new Map((await db.team.bulkGet(teams.map((team) => team.id))).flatMap((team) => (team ? [[team.id, team] as const] : [])));
  const teamInputs = teams.map((team) => {
    const record = stored.get(team.id);
    return record ? { id: record.id, communeId: record.communeId, hamletIds: record.hamletIds, memberIds: record.members.map((member) => member.userId) } : team;
  });
  const hamletIds = [...new Set(teamInputs.flatMap((team) => team.hamletIds))];
  const [units, households, entries, plans, values, assignments, monthCloses] = await Promise.all([
    db.orgUnit.toArray(),
    listHouseholdsInHamlets(db, hamletIds),
    Promise.all(teams.map((team) => db.fieldLog.where('[teamId+date]').between([team.id, Dexie.minKey], [team.id, endDay], true, true).toArray())),
    listCurrentPlans(db),
    db.manualValue.toArray(),
    db.targetAssignment.toArray(),
    db.monthClose.toArray(),
  ]);
  const memberNames = new Map([...stored.values()].flatMap((team) => team.members.map((member) => [member.userId, member.displayName] as const)));
  const unitInputs = units.map((unit) => ({ id: unit.id, kind: unitKindOf(unit.kind), parentId: unit.parentId, settings: unit.settings }));
  // Hamlets the device has no unit record of still count for their teams.
  const known = new Set(unitInputs.map((unit) => unit.id));
  const communeOfHamlet = new Map(teamInputs.flatMap((team) => team.hamletIds.map((id) => [id, team.communeId || null] as const)));
  const missing = hamletIds.filter((id) => !known.has(id)).map((id) => ({ id, kind: 'hamlet' as const, parentId: communeOfHamlet.get(id) ?? null }));
  return {
    plans,
    entries: entries.flat(),
    org: { units: [...unitInputs, ...missing], teams: teamInputs, households },
    values,
    assignments,
    monthCloses,
    memberNames,
    rosters: [...stored.values()],
  };
}
