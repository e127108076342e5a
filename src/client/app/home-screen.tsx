/**
 * `/`: each role lands on its own home, a composition of feature panels chosen here (the
 * features themselves never branch on the role). Each home is its own lazily loaded file.
 */
import type { Role } from '#src/shared/domain/account.ts';
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import type { Preloadable } from '#src/client/components/preloadable.ts';
import { lazyScreen } from './lazy-screen.ts';

const homes: Record<Role, Preloadable<ScreenProps>> = {
  member: lazyScreen(() => import('./homes/member-home.tsx'), 'MemberHome'),
  leader: lazyScreen(() => import('./homes/leader-home.tsx'), 'LeaderHome'),
  'commune-police': lazyScreen(() => import('./homes/commune-home.tsx'), 'CommuneHome'),
  'province-admin': lazyScreen(() => import('./homes/province-home.tsx'), 'ProvinceHome'),
};

/** Loads the role's home ahead (the lock screen does, while the PIN is typed). */
export function preloadHome(role: Role): Promise<unknown> {
  return homes[role].preload();
}

export function HomeScreen(props: ScreenProps) {
  const Home = homes[props.profile.user.role];
  return <Home {...props} />;
}
