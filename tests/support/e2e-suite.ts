// What every browser suite starts before its tests and stops after: the real server on its own
// copy of the demo data folder (demo-data-folder.ts), and (for most suites) one Chromium whose
// contexts are the suite's phones. Call inside the suite's describe; read the fields inside its
// tests.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { startDemoServer } from './demo-data-folder.ts';
import type { RunningServer } from './server-process.ts';

export interface ServerSuite {
  readonly server: RunningServer;
}

export interface BrowserSuite extends ServerSuite {
  readonly browser: Browser;
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the suite's ${what} is not started (beforeAll failed?)`);
  return value;
}

/** The real server for the suite's tests (a suite that launches its own browsers per test). */
export function useServer(): ServerSuite {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return { get server() { return started(server, 'server'); } };
}

/** The real server and one Chromium for the suite's tests. */
export function useServerAndBrowser(): BrowserSuite {
  const suite = useServer();
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return { get server() { return suite.server; }, get browser() { return started(browser, 'browser'); } };
}
