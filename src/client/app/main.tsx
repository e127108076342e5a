/**
 * Entry point: open the device database, start syncing when someone is signed in, render the
 * app, and register the service worker (production builds only).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AnttDatabase } from '#src/client/db/database.ts';
import { DatabaseProvider } from '#src/client/db/database-context.tsx';
import { App } from './App.tsx';
import { registerServiceWorker } from './service-worker.ts';
import { startSync, startSyncIfSignedIn } from './sync-setup.ts';
import './styles.css';

const db = new AnttDatabase();
void startSyncIfSignedIn(db);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <DatabaseProvider db={db}>
      <App onSignedIn={() => startSync(db)} />
    </DatabaseProvider>
  </StrictMode>,
);

registerServiceWorker().catch((error: unknown) => console.warn('Service worker registration failed', error));
