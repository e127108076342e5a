/** The app's screens and their URLs (Vietnamese paths, as users may see and share them). */
export type Route =
  | { name: 'home' }
  | { name: 'new-log' }
  | { name: 'log'; id: string }
  | { name: 'sync' }
  | { name: 'settings' }
  | { name: 'plans' }
  | { name: 'plan'; planId: string }
  | { name: 'login' }
  | { name: 'not-found' };

export const paths = {
  home: '/',
  newLog: '/nhat-ky/moi',
  log: (id: string) => `/nhat-ky/${encodeURIComponent(id)}`,
  sync: '/dong-bo',
  settings: '/cai-dat',
  login: '/dang-nhap',
  plans: '/ke-hoach',
  plan: (planId: string) => `/ke-hoach/${encodeURIComponent(planId)}`,
} as const;

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === paths.home || path === '/index.html') return { name: 'home' };
  if (path === paths.newLog) return { name: 'new-log' };
  if (path === paths.sync) return { name: 'sync' };
  if (path === paths.settings) return { name: 'settings' };
  if (path === paths.login) return { name: 'login' };
  if (path === paths.plans) return { name: 'plans' };
  const plan = /^\/ke-hoach\/([^/]+)$/.exec(path);
  if (plan?.[1]) return { name: 'plan', planId: decodeURIComponent(plan[1]) };
  const log = /^\/nhat-ky\/([^/]+)$/.exec(path);
  if (log?.[1]) return { name: 'log', id: decodeURIComponent(log[1]) };
  return { name: 'not-found' };
}
