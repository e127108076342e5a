// Client tests run React in jsdom over real Dexie on fake-indexeddb (a full IndexedDB in memory).
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // The app keeps its start hint there (src/client/db/start-hint.ts): each test starts without one
  // (files in the node environment have no localStorage).
  globalThis.localStorage?.clear();
});
