/**
 * The organisation as the device knows it offline: units and teams pulled from the server
 * (collections `orgUnit`, `team`; the server writes them, the device never does). Read-only here.
 */
import type { OrgUnit } from '#src/shared/domain/org-unit.ts';
import type { Team } from '#src/shared/domain/team.ts';
import { useDbQuery } from './database-context.tsx';

/** A team with its roster, live; `null` when the device has not pulled it (yet). */
export function useTeam(teamId: string | null): Team | null | undefined {
  return useDbQuery(async (db) => (teamId ? ((await db.team.get(teamId)) ?? null) : null), [teamId]);
}

/** A unit with its settings (duty phone, prompt minutes), live; `null` when not pulled. */
export function useOrgUnit(unitId: string | null): OrgUnit | null | undefined {
  return useDbQuery(async (db) => (unitId ? ((await db.orgUnit.get(unitId)) ?? null) : null), [unitId]);
}

/** Names of everyone in the teams this device holds, by account id (for "who changed this"). */
export function useMemberNames(): Map<string, string> | undefined {
  return useDbQuery(async (db) => {
    const names = new Map<string, string>();
    for (const team of await db.team.toArray()) for (const member of team.members) names.set(member.userId, member.displayName);
    return names;
  }, []);
}
