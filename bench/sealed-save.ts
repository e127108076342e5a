// Saving a tip in real Chromium, in clear and sealed (encryption at rest, src/client/db/
// sealing.ts), alternately, through the same Vite setup as save-latency.ts; and unlocking with a
// PIN at the shipped PBKDF2 iteration count.
import { runBrowserBench } from './browser-bench.ts';
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
  const result = await runBrowserBench<{ stored: number; clearMs: number[]; sealedMs: number[]; unlockMs: number[] }>('sealed-save.html', 'runSealedSaveBench', [options.stored, options.samples]);
  return {
    stored: result.stored,
    clearMedianMs: quantile(result.clearMs, 0.5),
    clearP95Ms: quantile(result.clearMs, 0.95),
    sealedMedianMs: quantile(result.sealedMs, 0.5),
    sealedP95Ms: quantile(result.sealedMs, 0.95),
    unlockMedianMs: quantile(result.unlockMs, 0.5),
  };
}
