/**
 * Service worker registration (production builds only) and the "new version waiting" state the
 * update prompt shows. The new worker takes over only when the user accepts (registerType
 * 'prompt' in vite.config.ts): skipWaiting, then a reload once it controls the page.
 * workbox-window is imported lazily to keep it out of the app shell's first download.
 */
import { useSyncExternalStore } from 'react';
import type { Workbox } from 'workbox-window';

const UPDATE_CHECK_MS = 60 * 60_000;

let workbox: Workbox | null = null;
let isUpdateWaiting = false;
const listeners = new Set<() => void>();

function setUpdateWaiting(value: boolean): void {
  isUpdateWaiting = value;
  for (const listener of listeners) listener();
}

export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  workbox = new Workbox('/sw.js');
  workbox.addEventListener('waiting', () => setUpdateWaiting(true));
  await workbox.register();
  // A phone may keep the app open for days: look for a new version now and then.
  window.setInterval(() => void workbox?.update(), UPDATE_CHECK_MS);
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
