// Saving an entry of each kind in real Chromium with a full device database. Vite serves
// bench/browser (it imports the app's own db code), playwright-core drives Debian's Chromium.
import { join } from 'node:path';
import { createServer } from 'vite';
import { launchChromium } from '../tests/support/browser.ts';
import { quantile } from './stats.ts';

export interface KindSaveLatency {
  kind: string;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface SaveKindsLatency {
  stored: number;
  fillMs: number;
  /** One line per entry kind, in the registry's order. */
  kinds: KindSaveLatency[];
}

/** `samples`: saves timed per kind. */
export async function measureSaveKinds(options: { stored: number; samples: number }): Promise<SaveKindsLatency> {
  const root = join(process.cwd(), 'bench', 'browser');
  const server = await createServer({
    root,
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
    await page.goto(`http://127.0.0.1:${address.port}/save-kinds.html`);
    await page.waitForFunction(() => 'runSaveKindsBench' in window);
    const result = await page.evaluate(
      ([stored, samples]) =>
        (window as unknown as { runSaveKindsBench: (s: number, n: number) => Promise<{ stored: number; fillMs: number; samplesMs: Record<string, number[]> }> }).runSaveKindsBench(stored!, samples!),
      [options.stored, options.samples],
    );
    const kinds = Object.entries(result.samplesMs).map(([kind, samples]) => ({
      kind, medianMs: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95), maxMs: Math.max(...samples),
    }));
    return { stored: result.stored, fillMs: result.fillMs, kinds };
  } finally {
    await browser.close();
    await server.close();
  }
}
