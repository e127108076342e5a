// Runs one page of bench/browser in real Chromium: Vite serves the folder (its pages import the
// app's own db code), playwright-core drives Debian's Chromium, and the page's `window[entry]`
// function is called with `args`; its answer comes back. Server and browser close either way.
import { join } from 'node:path';
import { createServer } from 'vite';
import { launchChromium } from '../tests/support/browser.ts';

export async function runBrowserBench<Result>(page: string, entry: string, args: readonly number[]): Promise<Result> {
  const server = await createServer({
    root: join(process.cwd(), 'bench', 'browser'),
    configFile: false,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, fs: { allow: [process.cwd()] } },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite did not listen');
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${address.port}/${page}`);
    await tab.waitForFunction((name) => name in window, entry);
    return await tab.evaluate(
      ([name, values]) => (window as unknown as Record<string, (...numbers: number[]) => Promise<unknown>>)[name]!(...values),
      [entry, [...args]] as const,
    ) as Result;
  } finally {
    await browser.close();
    await server.close();
  }
}
