// The built app served from 127.0.0.1 (as in every browser test and benchmark here, and as a
// demo on a laptop): Dexie runs as in production, not in the debug mode it picks by itself for
// local addresses, where every table operation creates a DevTools task (console.createTask).
import { describe, expect, it } from 'vitest';
import { PHONE, browserUnavailableReason, launchChromium, signIn } from '../support/browser.ts';
import { useServer } from '../support/e2e-suite.ts';

const skipReason = browserUnavailableReason();

describe.skipIf(skipReason !== null)(`Dexie in the built app${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = useServer();

  it('reads and writes the phone\'s databases without debug tasks on a local address', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext(PHONE);
      await context.addInitScript(() => {
        const tasks: string[] = [];
        (window as unknown as { dexieTasks: string[] }).dexieTasks = tasks;
        // Chromium's async stack tagging API, absent from TypeScript's DOM types.
        const tagging = console as Console & { createTask?: (name: string) => unknown };
        const createTask = tagging.createTask?.bind(console);
        if (createTask) {
          tagging.createTask = (name: string) => {
            tasks.push(name);
            return createTask(name);
          };
        }
      });
      const page = await context.newPage();
      expect(new URL(suite.server.url).hostname).toBe('127.0.0.1');
      await signIn(page, suite.server.url, 'tovien');
      // Signed in, its PIN set, its home read and its first sync done: the databases were read and written.
      await page.getByText('Đã gửi hết').waitFor();
      const tasks = await page.evaluate(() => (window as unknown as { dexieTasks: string[] }).dexieTasks);
      expect(await page.evaluate(() => typeof (console as Console & { createTask?: unknown }).createTask)).toBe('function');
      expect(tasks.filter((name) => name.startsWith('Dexie'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
