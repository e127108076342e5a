/**
 * Who reads and who writes what, derived from an account's reach (db/org-repository.ts). Pure.
 *
 * Read scopes (what a device pulls, and what a refusal may show):
 * - member: `team:<team>`, `restricted:<team>:<self>` (own tips and reintegration visits),
 *   `unit:<each hamlet of the team>`, and `unit:` of the team's commune and every unit above it;
 * - leader: the same, plus every `restricted:<team>:<author>` of the team;
 * - commune police: every team, restricted scope and unit of the commune, and the units above;
 * - province staff: every team and unit of the province (restricted records excepted: tips and
 *   reintegration visits are for the author, the leader and commune police only).
 *
 * Write rights (what push accepts) are narrower; see write-rules.ts for the per-record checks.
 */
import type { Account } from '#src/server/db/accounts-repository.ts';
import type { Reach } from '#src/server/db/org-repository.ts';
import type { Scope } from '#src/shared/sync/collections.ts';

export interface Access {
  account: Account;
  /** Scopes the account's devices pull, and the only ones it may read. */
  readScopes: Scope[];
  readable: ReadonlySet<string>;
  /** The team whose entries the account writes (members and leaders). */
  teamId: string | null;
  /** Teams whose entries the account reviews (leader: own team). */
  reviewedTeamIds: ReadonlySet<string>;
  /** Hamlets whose household lists the account maintains (leaders, commune police). */
  householdHamletIds: ReadonlySet<string>;
  /** Units the account may publish campaign plans for (province staff: its subtree; police: its commune). */
  planUnitIds: ReadonlySet<string>;
  /** Communes whose checklist templates and settings the account edits (commune police). */
  communeIds: ReadonlySet<string>;
}

/**
 * @param restrictedScopes restricted scopes that hold records of the reach's teams
 *   (sync-repository.ts readRestrictedScopes); only leaders and commune police receive them.
 */
export function accessOf(account: Account, reach: Reach, restrictedScopes: readonly string[] = []): Access {
  const role = account.role;
  const units = new Set<string>();
  for (const unit of [...reach.homeChain, ...reach.hamlets, ...reach.subtree]) units.add(unit.id);
  const restricted = new Set<string>();
  if (role === 'member' && reach.team) restricted.add(`restricted:${reach.team.id}:${account.id}`);
  if (role === 'leader' || role === 'commune-police') {
    for (const scope of restrictedScopes) restricted.add(scope);
    for (const member of reach.teamMembers) restricted.add(`restricted:${member.teamId}:${member.userId}`);
  }
  const readScopes: Scope[] = [
    ...reach.teamIds.map((id): Scope => `team:${id}`),
    ...([...restricted] as Scope[]),
    ...[...units].map((id): Scope => `unit:${id}`),
  ];
  const hamletIds = reach.hamlets.map((hamlet) => hamlet.id);
  const home = reach.homeChain[0];
  const homeCommune = home?.kind === 'commune' ? [home.id] : [];
  const byRole = {
    member: { householdHamletIds: [], planUnitIds: [], communeIds: [] },
    leader: { householdHamletIds: hamletIds, planUnitIds: [], communeIds: [] },
    'commune-police': { householdHamletIds: hamletIds, planUnitIds: homeCommune, communeIds: homeCommune },
    'province-admin': { householdHamletIds: [], planUnitIds: reach.subtree.map((unit) => unit.id), communeIds: [] },
  } satisfies Record<Account['role'], { householdHamletIds: string[]; planUnitIds: string[]; communeIds: string[] }>;
  const rights = byRole[role];
  const teamId = role === 'member' || role === 'leader' ? (reach.team?.id ?? null) : null;
  return {
    account,
    readScopes,
    readable: new Set(readScopes),
    teamId,
    reviewedTeamIds: new Set(role === 'leader' && teamId ? [teamId] : []),
    householdHamletIds: new Set(rights.householdHamletIds),
    planUnitIds: new Set(rights.planUnitIds),
    communeIds: new Set(rights.communeIds),
  };
}
