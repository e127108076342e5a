/**
 * Reading teams' own targets (giao chỉ tiêu) on the device. They arrive by pull (scope
 * `team:<teamId>`: a team's phones hold their own); commune police write them through
 * putRecord. A team has a few per plan, so a read by the `teamId` index returns them all.
 */
import type { TargetAssignment } from '#src/shared/domain/target-assignment.ts';
import type { AnttDatabase } from './database.ts';

/** The targets assigned to a team, for every plan. */
export async function listAssignmentsForTeam(db: AnttDatabase, teamId: string): Promise<TargetAssignment[]> {
  return db.targetAssignment.where('teamId').equals(teamId).toArray();
}
