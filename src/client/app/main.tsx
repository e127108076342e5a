/**
 * Entry point: open the phone's device database (accounts, preferences), adopt the database of
 * an earlier version, render the app (which opens the active account's database and syncs it),
 * and register the service worker (production builds only).
 *
 * With a start hint (start-hint.ts) the app renders at once, its PIN field before IndexedDB has
 * answered: the hint is written by the app, which runs only after the adoption, so there is
 * nothing left to adopt and the check runs beside it.
 */
import './zod-config.ts';
import '#src/client/db/dexie-config.ts';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DeviceDatabase } from '#src/client/db/device-database.ts';
import { DeviceProvider } from '#src/client/db/device-context.tsx';
import { adoptLegacyDatabase } from '#src/client/db/account-repository.ts';
import { readStartHint } from '#src/client/db/start-hint.ts';
import { isFirstScreenShown } from '#src/client/components/first-screen-handoff.ts';
import { App } from './App.tsx';
import { registerServiceWorker } from './service-worker.ts';
import { syncWhileOpen } from './sync-setup.ts';
import './styles.css';

const device = new DeviceDatabase();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const startHint = readStartHint();
const adopted = adoptLegacyDatabase(device).catch((error: unknown) => console.warn('Could not adopt the earlier database', error));
const app = (
  <StrictMode>
    <DeviceProvider device={device}>
      <App startHint={startHint} onAccountOpened={syncWhileOpen(device)} />
    </DeviceProvider>
  </StrictMode>
);
// While the first screen from index.html stands in (first-screen.ts), the app renders in slices
// that let the browser handle the person's typing between them.
const render = () => {
  const reactRoot = createRoot(root);
  if (isFirstScreenShown()) startTransition(() => reactRoot.render(app));
  else reactRoot.render(app);
};
if (startHint) render();
else void adopted.finally(render);

registerServiceWorker().catch((error: unknown) => console.warn('Service worker registration failed', error));
