/**
 * Who reads and who writes what, derived from an account's reach (db/org-repository.ts). Pure.
 *
 * Read scopes (what a device pulls):
 * - member, leader: `team:<team>`, `unit:<each hamlet of the team>`, and `unit:` of the team's
 *   commune and every unit above it (campaign plans are scoped to a commune or a province);
 * - commune police, province staff: every team and unit below their unit, their unit, and the
 *   units above it.
 *
 * Write rights (what push accepts) are narrower; see write-rules.ts for the per-record checks.
 */
import type { Account } from '#src/server/db/accounts-repository.ts';
import type { Reach } from '#src/server/db/org-repository.ts';
import type { Scope } from '#src/shared/sync/collections.ts';

export interface Access {
  account: Account;
  /** Scopes the account's devices pull. */
  readScopes: Scope[];
  /** The team whose field logs the account writes (members and leaders). */
  teamId: string | null;
  /** Hamlets whose household lists the account maintains (leaders, commune police). */
  householdHamletIds: ReadonlySet<string>;
  /** Units the account may publish campaign plans for (province staff: its subtree; police: its commune). */
  planUnitIds: ReadonlySet<string>;
}

export function accessOf(account: Account, reach: Reach): Access {
  const units = new Set<string>();
  for (const unit of [...reach.homeChain, ...reach.hamlets, ...reach.subtree]) units.add(unit.id);
  const readScopes: Scope[] = [
    ...reach.teamIds.map((id): Scope => `team:${id}`),
    ...[...units].map((id): Scope => `unit:${id}`),
  ];
  const hamletIds = reach.hamlets.map((hamlet) => hamlet.id);
  const home = reach.homeChain[0];
  const byRole = {
    member: { householdHamletIds: [], planUnitIds: [] },
    leader: { householdHamletIds: hamletIds, planUnitIds: [] },
    'commune-police': { householdHamletIds: hamletIds, planUnitIds: home?.kind === 'commune' ? [home.id] : [] },
    'province-admin': { householdHamletIds: [], planUnitIds: reach.subtree.map((unit) => unit.id) },
  } satisfies Record<Account['role'], { householdHamletIds: string[]; planUnitIds: string[] }>;
  const rights = byRole[account.role];
  return {
    account,
    readScopes,
    teamId: account.role === 'member' || account.role === 'leader' ? (reach.team?.id ?? null) : null,
    householdHamletIds: new Set(rights.householdHamletIds),
    planUnitIds: new Set(rights.planUnitIds),
  };
}
