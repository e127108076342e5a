/**
 * What a device is told about its user at login and by /auth/me (profileSchema in shared). The
 * device keeps it, so that the app works offline after one online login.
 */
import type { Account } from '#src/server/db/accounts-repository.ts';
import type { Reach } from '#src/server/db/org-repository.ts';
import type { Profile } from '#src/shared/domain/account.ts';

export function profileOf(account: Account, reach: Reach): Profile {
  return {
    user: { id: account.id, username: account.username, displayName: account.displayName, role: account.role },
    team: reach.team,
    hamlets: reach.hamlets,
    // Headings: the commune and the units above it (the province), never the hamlets; then the
    // units a supervisor oversees below their own (a province's communes), for their home screen.
    orgUnits: [
      ...reach.homeChain.filter((unit) => unit.kind !== 'hamlet'),
      ...reach.subtree.filter((unit) => unit.kind !== 'hamlet' && unit.id !== reach.homeChain[0]?.id),
    ],
    teams: reach.supervisedTeams,
  };
}
