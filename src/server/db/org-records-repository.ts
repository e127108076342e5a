/**
 * Republishing the organisation to devices: after any change to units, teams or accounts, the
 * changed units and teams are written as synced records (`orgUnit`, `team`,
 * src/shared/sync/collections.ts) through writeServerRecords, in the caller's transaction,
 * numbered like pushes. So a device's next pull brings the new roster, names and duty phone
 * once the change has committed, and a failed change publishes nothing.
 */
import { compareTeamMembers, type Team } from '#src/shared/domain/team.ts';
import { collections } from '#src/shared/sync/collections.ts';
import type { Queryable } from './database.ts';
import { listTeamRoster, listTeams } from './teams-repository.ts';
import { listUnits } from './units-repository.ts';
import { writeServerRecords, type NewVersion } from './sync-repository.ts';

export interface OrgChanges {
  unitIds?: Iterable<string>;
  teamIds?: Iterable<string>;
}

function unitRecord(unit: unknown): NewVersion {
  const valid = collections.orgUnit.schema.parse(unit);
  return { collection: 'orgUnit', id: valid.id, scope: collections.orgUnit.scopeOf(valid), deleted: false, data: valid, originClient: null };
}

function teamRecord(team: Team): NewVersion {
  const valid = collections.team.schema.parse(team);
  return { collection: 'team', id: valid.id, scope: collections.team.scopeOf(valid), deleted: false, data: valid, originClient: null };
}

/**
 * Writes the current state of the given units and teams as synced records. Must run inside the
 * transaction that changed them (`tx`), so devices never see half a change.
 */
export async function publishOrgChanges(tx: Queryable, changes: OrgChanges, actorId: string | null, now: Date): Promise<void> {
  const unitIds = [...new Set(changes.unitIds ?? [])];
  const teamIds = [...new Set(changes.teamIds ?? [])];
  if (unitIds.length === 0 && teamIds.length === 0) return;
  const units = await listUnits(tx, unitIds);
  const records = units.map(unitRecord);
  for (const team of await listTeams(tx, teamIds)) {
    const members = (await listTeamRoster(tx, team.id)).sort(compareTeamMembers);
    records.push(teamRecord({ ...team, hamletIds: [...team.hamletIds].sort(), members, updatedAt: now.toISOString() }));
  }
  await writeServerRecords(tx, records, { userId: actorId, now });
}
