/**
 * Where you are in the app lives in the URL (docs/architecture.md, "State"). wouter matches the
 * URL against the route table (src/client/app/routes.ts) and renders links; this file owns the
 * browser location wouter reads (`useGuardedLocation`, given to wouter's <Router hook>), so that
 * every way of leaving a screen passes one leave guard:
 *
 * - a wouter <Link>, and `navigate()` called by a screen, ask the guard before the URL changes;
 * - the back button has already changed the URL when `popstate` fires: when the guard refuses,
 *   the screen's URL is pushed back and nothing re-renders;
 * - closing or reloading the tab is covered by `beforeunload`.
 *
 * At most one guard is active: the screen that holds unsaved input (useLeaveGuard). It lives
 * here, not in app/, because features navigate and guard too, and features may not import app/.
 */
import { useEffect, useSyncExternalStore } from 'react';

type Listener = () => void;
const listeners = new Set<Listener>();
let leaveGuard: (() => boolean) | null = null;
let currentPath = typeof window === 'undefined' ? '/' : window.location.pathname;

function notify(): void {
  currentPath = window.location.pathname;
  for (const listener of listeners) listener();
}

function onPopState(): void {
  if (leaveGuard && window.location.pathname !== currentPath && !leaveGuard()) {
    window.history.pushState(null, '', currentPath);
    return;
  }
  notify();
}

function subscribe(listener: Listener): () => void {
  currentPath = window.location.pathname;
  if (listeners.size === 0) window.addEventListener('popstate', onPopState);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
  };
}

function readPath(): string {
  return window.location.pathname;
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one. */
  replace?: boolean | undefined;
  /** Skip the leave guard: for the screen itself, once it has stored its input. */
  force?: boolean | undefined;
}

/**
 * Goes to `to`. Returns false when a leave guard refused (the user chose to stay).
 */
export function navigate(to: string, options: NavigateOptions = {}): boolean {
  if (to === window.location.pathname) return true;
  if (!options.force && leaveGuard && !leaveGuard()) return false;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
  // A new screen starts at its top (scrollTo would do, but jsdom does not implement it).
  document.documentElement.scrollTop = 0;
  return true;
}

/** Links may ask to replace the entry; they never skip the guard. */
function navigateFromLink(to: string, options?: { replace?: boolean }): void {
  navigate(to, { replace: options?.replace });
}

/**
 * wouter's location hook for the app's <Router hook={useGuardedLocation}>: the current path,
 * re-rendering on every navigation, and a navigate function that asks the leave guard.
 */
export function useGuardedLocation(): [string, typeof navigateFromLink] {
  const path = useSyncExternalStore(subscribe, readPath, () => '/');
  return [path, navigateFromLink];
}

/**
 * While `isActive`, leaving the screen asks `confirm(message)` first, and closing the tab
 * shows the browser's own warning.
 */
export function useLeaveGuard(isActive: boolean, message: string): void {
  useEffect(() => {
    if (!isActive) return;
    const guard = (): boolean => window.confirm(message);
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
      // Older Chrome on Android still needs returnValue set to show the prompt.
      event.returnValue = '';
    };
    leaveGuard = guard;
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      if (leaveGuard === guard) leaveGuard = null;
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [isActive, message]);
}
