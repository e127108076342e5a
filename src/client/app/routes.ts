/** The app's screens and their URLs (Vietnamese paths, as users may see and share them). */
import type { Profile } from '#src/shared/domain/account.ts';

/** Only commune police and province admins see (and may open) the admin screens. */
export function canAdminister(profile: Profile): boolean {
  return profile.user.role === 'commune-police' || profile.user.role === 'province-admin';
}

export type Route =
  | { name: 'home' }
  | { name: 'new-log' }
  | { name: 'log'; id: string }
  | { name: 'sync' }
  | { name: 'settings' }
  | { name: 'login' }
  | { name: 'admin' }
  | { name: 'admin-unit'; id: string }
  | { name: 'devices' }
  | { name: 'backup' }
  | { name: 'not-found' };

export const paths = {
  home: '/',
  newLog: '/nhat-ky/moi',
  log: (id: string) => `/nhat-ky/${encodeURIComponent(id)}`,
  sync: '/dong-bo',
  settings: '/cai-dat',
  login: '/dang-nhap',
  admin: '/quan-tri',
  adminUnit: (id: string) => `/quan-tri/don-vi/${encodeURIComponent(id)}`,
  devices: '/thiet-bi',
  backup: '/sao-luu',
} as const;

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === paths.home || path === '/index.html') return { name: 'home' };
  if (path === paths.newLog) return { name: 'new-log' };
  if (path === paths.sync) return { name: 'sync' };
  if (path === paths.settings) return { name: 'settings' };
  if (path === paths.login) return { name: 'login' };
  if (path === paths.admin) return { name: 'admin' };
  if (path === paths.devices) return { name: 'devices' };
  if (path === paths.backup) return { name: 'backup' };
  const adminUnit = /^\/quan-tri\/don-vi\/([^/]+)$/.exec(path);
  if (adminUnit?.[1]) return { name: 'admin-unit', id: decodeURIComponent(adminUnit[1]) };
  const log = /^\/nhat-ky\/([^/]+)$/.exec(path);
  if (log?.[1]) return { name: 'log', id: decodeURIComponent(log[1]) };
  return { name: 'not-found' };
}
