// A member signs in and the network goes while the service worker is caching the app's files
// for offline use: its first install fails and the browser drops it. The app tries again by
// itself once the network is back, so that later, in a hamlet without signal, it still opens.
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, browserUnavailableReason, launchChromium, signIn, unlock } from '../support/browser.ts';
import { useServer } from '../support/e2e-suite.ts';

const skipReason = browserUnavailableReason();

describe.skipIf(skipReason !== null)(`installing for offline use${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = useServer();

  it('tries a failed first install again, and then opens offline', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext(PHONE);
      // What the service worker fetches to cache the app fails, as with the network gone.
      let isCut = true;
      let cutRequests = 0;
      await context.route('**/*', async (route: Route) => {
        if (isCut && route.request().serviceWorker() !== null) {
          cutRequests += 1;
          return route.abort('internetdisconnected');
        }
        return route.fallback();
      });
      const page = await context.newPage();
      await signIn(page, suite.server.url, 'tovien');
      // The first install failed: the browser has dropped the registration.
      await expect.poll(() => cutRequests, { timeout: 30_000 }).toBeGreaterThan(0);
      await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined), { timeout: 30_000 }).toBe(true);

      // The network is back: the app installs again by itself (no reload) and takes the page.
      isCut = false;
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });

      await context.setOffline(true);
      await page.reload();
      await unlock(page);
      await page.getByRole('heading', { name: 'Trang chủ', level: 1 }).waitFor();
    } finally {
      await browser.close();
    }
  });
});
