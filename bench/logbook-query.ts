// Opening the logbook and its reads in real Chromium with 10,000 entries of a team on the device. Vite serves
// bench/browser (it imports the app's own code), playwright-core drives Debian's Chromium.
import { join } from 'node:path';
import { createServer } from 'vite';
import { launchChromium } from '../tests/support/browser.ts';
import { quantile } from './stats.ts';

export interface LogbookTimings {
  stored: number;
  /** Opening the screen until the count and first rows show: the first (cold) time, and the median of the rest. */
  openFirst: number;
  openMedian: number;
  /** Medians in ms. */
  filterAll: number;
  filterKindStatus: number;
  buildIndex: number;
  keystroke: number;
  screenRows: number;
}

type Raw = { stored: number } & Record<'openMs' | 'filterAllMs' | 'filterKindStatusMs' | 'buildIndexMs' | 'keystrokeMs' | 'screenRowsMs', number[]>;

export async function measureLogbook(stored = 10_000): Promise<LogbookTimings> {
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
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${address.port}/logbook.html`);
    await page.waitForFunction(() => 'runLogbookBench' in window);
    const raw = await page.evaluate((count) => (window as unknown as { runLogbookBench: (n: number) => Promise<Raw> }).runLogbookBench(count), stored);
    const median = (samples: number[]) => quantile(samples, 0.5);
    return {
      stored: raw.stored,
      openFirst: raw.openMs[0]!,
      openMedian: median(raw.openMs.slice(1)),
      filterAll: median(raw.filterAllMs),
      filterKindStatus: median(raw.filterKindStatusMs),
      buildIndex: median(raw.buildIndexMs),
      keystroke: median(raw.keystrokeMs),
      screenRows: median(raw.screenRowsMs),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
