// The built app served from 127.0.0.1 (as in every browser test and benchmark here, and as a
// demo on a laptop): Dexie runs as in production, not in the debug mode it picks by itself for
// local addresses, where every table operation creates a DevTools task (console.createTask).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, launchChromium, signIn } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

const skipReason = browserUnavailableReason();

describe.skipIf(skipReason !== null)(`Dexie in the built app${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ DATA_DIR: 'memory', DATABASE_URL: '' });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('reads and writes the phone\'s databases without debug tasks on a local address', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
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
      expect(new URL(server.url).hostname).toBe('127.0.0.1');
      await signIn(page, server.url, 'tovien');
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
