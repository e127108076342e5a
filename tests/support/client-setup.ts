// Client tests run React in jsdom over real Dexie on fake-indexeddb (a full IndexedDB in memory).
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
