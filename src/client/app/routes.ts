/**
 * The app's screens and their URLs (Vietnamese paths, as users may see and share them). wouter
 * matches the URL against this table, first match wins; App.tsx renders the screen and the
 * bottom navigation shows the tabs.
 *
 * To add a screen, add ONE entry:
 *
 *   { path: '/ke-hoach/:planId', screen: lazyScreen(() => import('#src/client/features/plans/components/plan-screen.tsx'), 'PlanScreen'), roles: ['province-admin'], underTab: '/' },
 *
 * - `path`: wouter's pattern (`:name` is a parameter, given to the screen as `params.name`);
 * - `screen`: a component taking ScreenProps ({ profile, params }), loaded on demand;
 * - `roles`: who may open it (all roles when absent). The others get no tab or link to it, and a
 *   plain sentence if they type the URL: offer no one a screen whose saves the server refuses;
 * - `tab`: makes it a tab of the bottom navigation (label key in src/client/i18n, an icon);
 * - `underTab`: the tab highlighted while it is shown (a tab highlights itself).
 * A screen that holds unsaved input calls useLeaveGuard (src/client/components/navigation.ts).
 */
import { matchRoute, type Parser } from 'wouter';
import { entryAuthorRoles, type Role } from '#src/shared/domain/roles.ts';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import { HomeScreen } from './home-screen.tsx';
import { lazyScreen, type Screen } from './lazy-screen.ts';

export interface AppRoute {
  path: string;
  screen: Screen;
  roles?: readonly Role[];
  tab?: { label: MessageKey; icon: string };
  underTab?: string;
}

/** Signed out, every URL shows the login; this one leads home after it. */
export const loginPath = '/dang-nhap';

const entryScreens = () => import('./entry-screens.tsx');
const onlineScreens = () => import('./online-screens.tsx');
const planScreens = () => import('./plan-screens.tsx');
const reviewScreens = () => import('#src/client/features/review/components/review-screen.tsx');
/** Who works with a team's entries and households: the team, and commune police above it. */
const supervisedWorkRoles: readonly Role[] = ['member', 'leader', 'commune-police'];
/** Who keeps household lists (the server refuses members and province staff). */
const householdEditorRoles: readonly Role[] = ['leader', 'commune-police'];
/** Who manages the organisation (the server refuses everyone else). */
export const administratorRoles: readonly Role[] = ['commune-police', 'province-admin'];

export const routes: readonly AppRoute[] = [
  { path: '/', screen: HomeScreen, tab: { label: 'nav.home', icon: '⌂' } },
  { path: '/index.html', screen: HomeScreen, underTab: '/' },
  { path: '/nhat-ky/moi', screen: lazyScreen(() => import('#src/client/features/entries/components/kind-chooser.tsx'), 'KindChooser'), roles: entryAuthorRoles, tab: { label: 'nav.newLog', icon: '+' } },
  { path: '/nhat-ky/moi/:kind', screen: lazyScreen(entryScreens, 'NewEntryScreen'), roles: entryAuthorRoles, underTab: '/nhat-ky/moi' },
  { path: '/nhat-ky/:logId', screen: lazyScreen(entryScreens, 'EntryScreen'), underTab: '/' },
  { path: '/so-nhat-ky', screen: lazyScreen(() => import('#src/client/features/entries/components/logbook-screen.tsx'), 'LogbookScreen'), roles: supervisedWorkRoles, underTab: '/' },
  { path: '/ho-gia-dinh', screen: lazyScreen(() => import('#src/client/features/households/components/households-screen.tsx'), 'HouseholdsScreen'), roles: supervisedWorkRoles, underTab: '/' },
  { path: '/ho-gia-dinh/moi', screen: lazyScreen(entryScreens, 'HouseholdScreen'), roles: householdEditorRoles, underTab: '/' },
  { path: '/ho-gia-dinh/nhap', screen: lazyScreen(() => import('#src/client/features/households/components/household-import-screen.tsx'), 'HouseholdImportScreen'), roles: householdEditorRoles, underTab: '/' },
  { path: '/ho-gia-dinh/:householdId', screen: lazyScreen(entryScreens, 'HouseholdScreen'), roles: supervisedWorkRoles, underTab: '/' },
  { path: '/danh-muc-kiem-tra', screen: lazyScreen(() => import('#src/client/features/checklists/components/checklist-templates-screen.tsx'), 'ChecklistTemplatesScreen'), roles: ['commune-police'], underTab: '/' },
  { path: '/dong-bo', screen: lazyScreen(() => import('./sync-screen.tsx'), 'SyncScreen'), tab: { label: 'nav.sync', icon: '⇅' } },
  { path: '/cai-dat', screen: lazyScreen(() => import('./settings-screen.tsx'), 'SettingsScreen'), tab: { label: 'nav.settings', icon: '⚙' } },
  { path: '/quan-tri', screen: lazyScreen(onlineScreens, 'AdminRouteScreen'), roles: administratorRoles, underTab: '/cai-dat' },
  { path: '/quan-tri/don-vi/:unitId', screen: lazyScreen(onlineScreens, 'AdminRouteScreen'), roles: administratorRoles, underTab: '/cai-dat' },
  { path: '/nhat-ky-kiem-tra', screen: lazyScreen(onlineScreens, 'AuditRouteScreen'), roles: ['province-admin'], underTab: '/cai-dat' },
  { path: '/thiet-bi', screen: lazyScreen(onlineScreens, 'DevicesRouteScreen'), underTab: '/cai-dat' },
  { path: '/sao-luu', screen: lazyScreen(() => import('#src/client/features/backup/components/backup-screen.tsx'), 'BackupScreen'), underTab: '/cai-dat' },
  { path: '/tien-do', screen: lazyScreen(() => import('#src/client/features/progress/components/progress-screen.tsx'), 'ProgressScreen'), underTab: '/' },
  { path: '/so-lieu', screen: lazyScreen(() => import('#src/client/features/plan-inputs/components/plan-inputs-screen.tsx'), 'PlanInputsScreen'), roles: administratorRoles, underTab: '/' },
  { path: '/duyet', screen: lazyScreen(reviewScreens, 'ReviewScreen'), roles: ['leader'], underTab: '/' },
  { path: '/duyet/:month', screen: lazyScreen(reviewScreens, 'ReviewScreen'), roles: ['leader'], underTab: '/' },
  { path: '/bao-cao', screen: lazyScreen(() => import('#src/client/features/reports/components/reports-screen.tsx'), 'ReportsScreen'), roles: ['leader', 'commune-police', 'province-admin'], underTab: '/' },
  { path: '/khen-thuong', screen: lazyScreen(() => import('#src/client/features/reports/components/commendations-screen.tsx'), 'CommendationsScreen'), roles: ['commune-police', 'province-admin'], underTab: '/' },
  { path: '/ke-hoach', screen: lazyScreen(planScreens, 'PlansRouteScreen'), roles: administratorRoles, underTab: '/' },
  { path: '/ke-hoach/:planId', screen: lazyScreen(planScreens, 'PlansRouteScreen'), roles: administratorRoles, underTab: '/' },
];

export interface RouteMatch {
  route: AppRoute;
  params: Readonly<Record<string, string | undefined>>;
}

/** The first route whose pattern matches `path`, with its parameters; null when none does. */
export function findRoute(parser: Parser, path: string): RouteMatch | null {
  for (const route of routes) {
    const [isMatch, params] = matchRoute(parser, route.path, path);
    if (isMatch) return { route, params };
  }
  return null;
}

/** True when `role` may open the route. */
export function isRouteAllowed(route: AppRoute, role: Role): boolean {
  return route.roles === undefined || route.roles.includes(role);
}

/** The bottom navigation of a role: the tabs it may open, in table order. */
export function tabsFor(role: Role): AppRoute[] {
  return routes.filter((route) => route.tab !== undefined && isRouteAllowed(route, role));
}

/** The tab to highlight while `route` is shown, by its path. */
export function tabOf(route: AppRoute | undefined): string | undefined {
  if (!route) return undefined;
  return route.tab ? route.path : route.underTab;
}
