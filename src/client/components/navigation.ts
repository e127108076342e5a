/**
 * Where you are in the app lives in the URL (STYLE.md "State"): a tiny history router read with
 * useSyncExternalStore, no dependency. It lives here, not in app/, because features link and
 * navigate too, and features may not import the app.
 *
 * Leave guard: a screen holding unsaved input installs a guard (useLeaveGuard). In-app
 * navigation and the back button ask it first; closing or reloading the tab is covered by
 * `beforeunload`. At most one guard is active: the screen that holds the input.
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
  // The URL has already changed; when the guard refuses, put the screen's URL back.
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

/** The current path, re-rendering on every navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname, () => '/');
}

/**
 * Goes to `to`. Returns false when a leave guard refused (the user chose to stay).
 * `force` skips the guard: for the screen itself after it saved its input.
 */
export function navigate(to: string, options: { replace?: boolean; force?: boolean } = {}): boolean {
  if (to === window.location.pathname) return true;
  if (!options.force && leaveGuard && !leaveGuard()) return false;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
  // A new screen starts at its top (scrollTo would do, but jsdom does not implement it).
  document.documentElement.scrollTop = 0;
  return true;
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
