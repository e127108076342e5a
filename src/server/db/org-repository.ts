/**
 * The organisation: administrative units (a tree of any depth), teams and the hamlets they cover,
 * and what part of it an account reaches. Scopes and write rights are derived from the reach in
 * sync/access.ts; this file only reads and writes the rows.
 */
import type { OrgUnitSummary } from '#src/shared/domain/account.ts';
import type { Account } from './accounts-repository.ts';
import type { Queryable } from './database.ts';

/** The part of the organisation an account's work covers. */
export interface Reach {
  /** The account's team (members and leaders), else null. */
  team: { id: string; name: string } | null;
  /** The unit the account works from (the team's commune for members and leaders), then its ancestors. */
  homeChain: OrgUnitSummary[];
  /** Hamlets the work covers: the team's hamlets, or every hamlet below the home unit. */
  hamlets: OrgUnitSummary[];
  /** Units below the home unit (itself included); empty for members and leaders. */
  subtree: OrgUnitSummary[];
  /** Teams the account supervises or belongs to. */
  teamIds: string[];
  /** The accounts of those teams now (their restricted scopes are read by leaders and police). */
  teamMembers: Array<{ teamId: string; userId: string }>;
  /** Teams the account supervises (commune police, province staff), with names; empty for members and leaders. */
  supervisedTeams: { id: string; name: string; communeId: string }[];
}

async function readTeamMembers(db: Queryable, teamIds: string[]): Promise<Array<{ teamId: string; userId: string }>> {
  if (teamIds.length === 0) return [];
  return db.query<{ teamId: string; userId: string }>(
    'SELECT team_id::text AS "teamId", id::text AS "userId" FROM users WHERE team_id = ANY($1::uuid[])',
    [teamIds],
  );
}

async function unitChain(db: Queryable, unitId: string): Promise<OrgUnitSummary[]> {
  return db.query<OrgUnitSummary>(
    `WITH RECURSIVE chain AS (
       SELECT id, parent_id, kind, name, 0 AS depth FROM org_units WHERE id = $1
       UNION ALL
       SELECT o.id, o.parent_id, o.kind, o.name, c.depth + 1 FROM org_units o JOIN chain c ON o.id = c.parent_id
     )
     SELECT id::text, kind, name FROM chain ORDER BY depth`,
    [unitId],
  );
}

async function unitSubtree(db: Queryable, unitId: string): Promise<OrgUnitSummary[]> {
  return db.query<OrgUnitSummary>(
    `WITH RECURSIVE sub AS (
       SELECT id, parent_id, kind, name FROM org_units WHERE id = $1
       UNION ALL
       SELECT o.id, o.parent_id, o.kind, o.name FROM org_units o JOIN sub s ON o.parent_id = s.id
     )
     SELECT id::text, parent_id::text AS "parentId", kind, name FROM sub ORDER BY kind, name`,
    [unitId],
  );
}

export async function readReach(db: Queryable, account: Account): Promise<Reach> {
  if (account.teamId) {
    const teams = await db.query<{ id: string; name: string; communeId: string }>(
      'SELECT id::text, name, commune_id::text AS "communeId" FROM teams WHERE id = $1',
      [account.teamId],
    );
    const team = teams[0];
    if (!team) throw new Error(`Team ${account.teamId} of ${account.username} does not exist`);
    const hamlets = await db.query<OrgUnitSummary>(
      `SELECT o.id::text, o.kind, o.name FROM team_hamlets th JOIN org_units o ON o.id = th.hamlet_id
       WHERE th.team_id = $1 ORDER BY o.name`,
      [team.id],
    );
    const homeChain = await unitChain(db, team.communeId);
    const teamMembers = await readTeamMembers(db, [team.id]);
    return { team: { id: team.id, name: team.name }, homeChain, hamlets, subtree: [], teamIds: [team.id], teamMembers, supervisedTeams: [] };
  }
  const homeChain = await unitChain(db, account.orgUnitId);
  const subtree = await unitSubtree(db, account.orgUnitId);
  const teams = await db.query<{ id: string; name: string; communeId: string }>(
    'SELECT id::text, name, commune_id::text AS "communeId" FROM teams WHERE commune_id = ANY($1::uuid[]) ORDER BY name',
    [subtree.map((unit) => unit.id)],
  );
  const hamlets = subtree.filter((unit) => unit.kind === 'hamlet').sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const teamIds = teams.map((t) => t.id);
  // Only commune police read the teams' restricted scopes (access.ts); a province has thousands of members.
  const teamMembers = account.role === 'commune-police' ? await readTeamMembers(db, teamIds) : [];
  return { team: null, homeChain, hamlets, subtree, teamIds, teamMembers, supervisedTeams: teams };
}
