// Client tests run React in jsdom over real Dexie on fake-indexeddb (a full IndexedDB in memory).
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Screens load their code on demand; with test files running side by side on 2 cores, a screen's
// first import can take more than the default second to appear.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  // The app keeps its start hint there (src/client/db/start-hint.ts): each test starts without one
  // (files in the node environment have no localStorage).
  globalThis.localStorage?.clear();
});
