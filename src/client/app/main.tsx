/**
 * Entry point: open the phone's device database (accounts, preferences), adopt the database of
 * an earlier version, render the app (which opens the active account's database and syncs it),
 * and register the service worker (production builds only).
 */
import './zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DeviceDatabase } from '#src/client/db/device-database.ts';
import { DeviceProvider } from '#src/client/db/device-context.tsx';
import { adoptLegacyDatabase } from '#src/client/db/account-repository.ts';
import { App } from './App.tsx';
import { registerServiceWorker } from './service-worker.ts';
import { syncWhileOpen } from './sync-setup.ts';
import './styles.css';

const device = new DeviceDatabase();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
adoptLegacyDatabase(device)
  .catch((error: unknown) => console.warn('Could not adopt the earlier database', error))
  .finally(() => {
    createRoot(root).render(
      <StrictMode>
        <DeviceProvider device={device}>
          <App onAccountOpened={syncWhileOpen(device)} />
        </DeviceProvider>
      </StrictMode>,
    );
  });

registerServiceWorker().catch((error: unknown) => console.warn('Service worker registration failed', error));
