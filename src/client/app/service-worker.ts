/**
 * Service worker registration (production builds only) and the "new version waiting" state the
 * update prompt shows. The new worker takes over only when the user accepts (registerType
 * 'prompt' in vite.config.ts): skipWaiting, then a reload once it controls the page.
 * workbox-window is imported lazily to keep it out of the app shell's first download.
 *
 * The first install caches every file of the app; if the network goes meanwhile (a member signs
 * in and walks out of coverage), the install fails, the browser drops the registration and the
 * app would not open offline until some later visit online. So a failed first install is tried
 * again, as is a registration that failed (offline when the page loaded): when the browser says
 * it is online, and after a growing wait (10 s, 20 s, … 5 min).
 */
import { useSyncExternalStore } from 'react';
import type { Workbox } from 'workbox-window';
import { backoffCeiling } from '#src/client/sync/retry-policy.ts';

const UPDATE_CHECK_MS = 60 * 60_000;

let workbox: Workbox | null = null;
let isUpdateWaiting = false;
const listeners = new Set<() => void>();

function setUpdateWaiting(value: boolean): void {
  isUpdateWaiting = value;
  for (const listener of listeners) listener();
}

/** The first wait before installing again; it doubles up to the sync's cap (5 min). */
const RETRY_FIRST_MS = 10_000;

export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  await register(0);
  // A phone may keep the app open for days: look for a new version now and then.
  window.setInterval(() => void workbox?.update(), UPDATE_CHECK_MS);
}

async function register(failures: number): Promise<void> {
  const { Workbox } = await import('workbox-window');
  // A Workbox registers once: a new one for each try.
  const instance = new Workbox('/sw.js');
  instance.addEventListener('waiting', () => setUpdateWaiting(true));
  instance.addEventListener('redundant', (event) => {
    // A failed update leaves the working version in place (the hourly check tries again).
    if (event.isUpdate !== true) retryFirstInstall(failures + 1);
  });
  workbox = instance;
  try {
    await instance.register();
  } catch (error) {
    // Offline when the page loaded: the worker's script could not be fetched.
    console.warn('Service worker registration failed', error);
    retryFirstInstall(failures + 1);
  }
}

/** Registers again once online or after a wait, unless a worker is installed or installing by then. */
function retryFirstInstall(failures: number): void {
  const retry = () => {
    window.removeEventListener('online', retry);
    window.clearTimeout(timer);
    void navigator.serviceWorker.getRegistration()
      .then((registration) => (registration?.active || registration?.waiting || registration?.installing ? undefined : register(failures)))
      .catch((error: unknown) => console.warn('Service worker registration failed', error));
  };
  window.addEventListener('online', retry);
  const timer = window.setTimeout(retry, backoffCeiling(failures, RETRY_FIRST_MS));
}

/** True when a new version is installed and waits for the user's consent. */
export function useUpdateWaiting(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => isUpdateWaiting,
    () => false,
  );
}

/** Lets the waiting worker take over and reloads when it controls the page. */
export function applyUpdate(): void {
  if (!workbox) return;
  workbox.addEventListener('controlling', () => window.location.reload());
  workbox.messageSkipWaiting();
}
