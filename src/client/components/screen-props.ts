import type { Profile } from '#src/shared/domain/account.ts';

/**
 * What every screen of the route table (src/client/app/routes.ts) receives: the signed-in
 * user's profile and the URL's parameters (`/nhat-ky/:logId` gives `params.logId`).
 */
export interface ScreenProps {
  profile: Profile;
  params: Readonly<Record<string, string | undefined>>;
}
