/**
 * Only one sync runs at a time per device database, across tabs: two tabs pushing the same
 * outbox at once would each send the batch (harmless on the server, but wasted data on a
 * member's own mobile plan) and race on settling it. Web Locks give a lock shared by every tab
 * of the origin; where they are missing (old browsers, jsdom) an in-tab mutex still keeps the
 * runners of one tab apart.
 *
 * `tryRun` never waits: when the lock is held, someone else is syncing right now.
 */

export type LockOutcome<T> = { acquired: true; value: T } | { acquired: false };

export interface SyncLock {
  tryRun<T>(run: () => Promise<T>): Promise<LockOutcome<T>>;
}

export const SYNC_LOCK_NAME = 'so-tay-antt-sync';

export function createWebLock(locks: LockManager, name: string): SyncLock {
  return {
    async tryRun<T>(run: () => Promise<T>): Promise<LockOutcome<T>> {
      return locks.request(name, { ifAvailable: true }, async (lock): Promise<LockOutcome<T>> => {
        if (lock === null) return { acquired: false };
        return { acquired: true, value: await run() };
      });
    },
  };
}

const heldInThisTab = new Set<string>();

/** A mutex shared by every runner of this JavaScript realm with the same name. */
export function createInTabLock(name: string): SyncLock {
  return {
    async tryRun<T>(run: () => Promise<T>): Promise<LockOutcome<T>> {
      if (heldInThisTab.has(name)) return { acquired: false };
      heldInThisTab.add(name);
      try {
        return { acquired: true, value: await run() };
      } finally {
        heldInThisTab.delete(name);
      }
    },
  };
}

/** Web Locks when the browser has them, else the in-tab mutex. One name per device database. */
export function defaultSyncLock(databaseName: string): SyncLock {
  const name = `${SYNC_LOCK_NAME}:${databaseName}`;
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).locks;
  return locks ? createWebLock(locks, name) : createInTabLock(name);
}
