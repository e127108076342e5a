/** The app's screens and their URLs (Vietnamese paths, as users may see and share them). */
import { isFieldLogKind, type FieldLogKind } from '#src/shared/domain/field-log.ts';

export type Route =
  | { name: 'home' }
  | { name: 'new-log' }
  | { name: 'new-entry'; kind: FieldLogKind }
  | { name: 'log'; id: string }
  | { name: 'logbook' }
  | { name: 'households' }
  | { name: 'household-new' }
  | { name: 'household-import' }
  | { name: 'household'; id: string }
  | { name: 'checklists' }
  | { name: 'sync' }
  | { name: 'settings' }
  | { name: 'login' }
  | { name: 'not-found' };

export const paths = {
  home: '/',
  newLog: '/nhat-ky/moi',
  newEntry: (kind: FieldLogKind) => `/nhat-ky/moi/${kind}`,
  log: (id: string) => `/nhat-ky/${encodeURIComponent(id)}`,
  logbook: '/so-nhat-ky',
  households: '/ho-gia-dinh',
  householdNew: '/ho-gia-dinh/moi',
  householdImport: '/ho-gia-dinh/nhap',
  checklists: '/danh-muc-kiem-tra',
  sync: '/dong-bo',
  settings: '/cai-dat',
  login: '/dang-nhap',
} as const;

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === paths.home || path === '/index.html') return { name: 'home' };
  if (path === paths.newLog) return { name: 'new-log' };
  if (path === paths.logbook) return { name: 'logbook' };
  if (path === paths.households) return { name: 'households' };
  if (path === paths.householdNew) return { name: 'household-new' };
  if (path === paths.householdImport) return { name: 'household-import' };
  if (path === paths.checklists) return { name: 'checklists' };
  const household = /^\/ho-gia-dinh\/([^/]+)$/.exec(path);
  if (household?.[1]) return { name: 'household', id: decodeURIComponent(household[1]) };
  if (path === paths.sync) return { name: 'sync' };
  if (path === paths.settings) return { name: 'settings' };
  if (path === paths.login) return { name: 'login' };
  const newEntry = /^\/nhat-ky\/moi\/([^/]+)$/.exec(path);
  if (newEntry?.[1] && isFieldLogKind(newEntry[1])) return { name: 'new-entry', kind: newEntry[1] };
  const log = /^\/nhat-ky\/([^/]+)$/.exec(path);
  if (log?.[1]) return { name: 'log', id: decodeURIComponent(log[1]) };
  return { name: 'not-found' };
}
