/**
 * How React reaches the device database: one AnttDatabase per app, given by DatabaseProvider
 * (tests give a fresh one on fake-indexeddb). Components never open the database themselves;
 * feature hooks read through `useDbQuery` over a repository function, which re-renders whenever
 * a table it read changes (Dexie liveQuery), also when another tab or the sync runner wrote it.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AnttDatabase } from './database.ts';

const DatabaseContext = createContext<AnttDatabase | null>(null);

export function DatabaseProvider({ db, children }: { db: AnttDatabase; children: ReactNode }) {
  return <DatabaseContext.Provider value={db}>{children}</DatabaseContext.Provider>;
}

export function useDatabase(): AnttDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase needs a DatabaseProvider above it');
  return db;
}

/**
 * A live query: `read(db)` runs again whenever what it read changes. Returns `undefined` until
 * the first result (render a placeholder), then the latest result.
 */
export function useDbQuery<T>(read: (db: AnttDatabase) => Promise<T>, deps: readonly unknown[]): T | undefined {
  const db = useDatabase();
  return useLiveQuery(() => read(db), [db, ...deps]);
}
