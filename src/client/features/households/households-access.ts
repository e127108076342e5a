// Who keeps the household list (the server's write rules agree): team leaders for their team's
// hamlets and commune police for their commune's; members read it.
import type { Profile } from '#src/shared/domain/account.ts';

export function canEditHouseholds(profile: Profile): boolean {
  return profile.user.role === 'leader' || profile.user.role === 'commune-police';
}
