// Two tabs of the app on one phone share one device database; their sync runners must never work
// at the same time (Web Locks), or both would push the same outbox over the member's own mobile
// data and race to settle it. Both tabs are woken at once, several times; the sync requests of
// one tab never overlap those of the other, and each tab still gets its turn.
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailableReason, launchChromium, signIn, unlock } from '../support/browser.ts';
import { useServer } from '../support/e2e-suite.ts';

const skipReason = browserUnavailableReason();

interface Span {
  tab: string;
  start: number;
  end: number;
}

describe.skipIf(skipReason !== null)(`one sync runner across tabs${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = useServer();

  function recordSyncRequests(page: Page, tab: string, spans: Span[]): void {
    const started = new Map<Request, number>();
    page.on('request', (request) => {
      if (request.url().includes('/api/sync/')) started.set(request, performance.now());
    });
    const finish = (request: Request) => {
      const start = started.get(request);
      if (start !== undefined) spans.push({ tab, start, end: performance.now() });
    };
    page.on('requestfinished', finish);
    page.on('requestfailed', finish);
  }

  it('never lets two tabs sync at the same time', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const first = await context.newPage();
      await signIn(first, suite.server.url, 'tovien');
      await first.getByText('Đã gửi hết').waitFor();
      const second = await context.newPage();
      await second.goto(suite.server.url);
      await unlock(second);
      await second.getByText('Đã gửi hết').waitFor();

      const spans: Span[] = [];
      recordSyncRequests(first, 'first', spans);
      recordSyncRequests(second, 'second', spans);
      const wake = () => window.dispatchEvent(new Event('online'));
      for (let round = 0; round < 5; round += 1) {
        await Promise.all([first.evaluate(wake), second.evaluate(wake)]);
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }

      expect(spans.filter((span) => span.tab === 'first').length).toBeGreaterThan(0);
      expect(spans.filter((span) => span.tab === 'second').length).toBeGreaterThan(0);
      const overlaps = spans.flatMap((a) =>
        spans.filter((b) => a.tab === 'first' && b.tab === 'second' && a.start < b.end && b.start < a.end).map((b) => [a, b]),
      );
      expect(overlaps).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
