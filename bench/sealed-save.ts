// Saving a tip in real Chromium, in clear and sealed (encryption at rest, src/client/db/
// sealing.ts), alternately, through the same Vite setup as save-latency.ts; and unlocking with a
// PIN at the shipped PBKDF2 iteration count.
import { join } from 'node:path';
import { createServer } from 'vite';
import { launchChromium } from '../tests/support/browser.ts';
import { quantile } from './stats.ts';

export interface SealedSave {
  stored: number;
  clearMedianMs: number;
  clearP95Ms: number;
  sealedMedianMs: number;
  sealedP95Ms: number;
  unlockMedianMs: number;
}

export async function measureSealedSave(options: { stored: number; samples: number }): Promise<SealedSave> {
  const root = join(process.cwd(), 'bench', 'browser');
  const server = await createServer({ root, configFile: false, logLevel: 'error', server: { host: '127.0.0.1', port: 0, fs: { allow: [process.cwd()] } } });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite did not listen');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${address.port}/sealed-save.html`);
    await page.waitForFunction(() => 'runSealedSaveBench' in window);
    const result = await page.evaluate(
      ([stored, samples]) =>
        (window as unknown as { runSealedSaveBench: (s: number, n: number) => Promise<{ stored: number; clearMs: number[]; sealedMs: number[]; unlockMs: number[] }> }).runSealedSaveBench(stored!, samples!),
      [options.stored, options.samples],
    );
    return {
      stored: result.stored,
      clearMedianMs: quantile(result.clearMs, 0.5),
      clearP95Ms: quantile(result.clearMs, 0.95),
      sealedMedianMs: quantile(result.sealedMs, 0.5),
      sealedP95Ms: quantile(result.sealedMs, 0.95),
      unlockMedianMs: quantile(result.unlockMs, 0.5),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
