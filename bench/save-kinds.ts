// Saving an entry of each kind in real Chromium with a full device database. Vite serves
// bench/browser (it imports the app's own db code), playwright-core drives Debian's Chromium.
import { runBrowserBench } from './browser-bench.ts';
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
  const result = await runBrowserBench<{ stored: number; fillMs: number; samplesMs: Record<string, number[]> }>('save-kinds.html', 'runSaveKindsBench', [options.stored, options.samples]);
  const kinds = Object.entries(result.samplesMs).map(([kind, samples]) => ({
    kind, medianMs: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95), maxMs: Math.max(...samples),
  }));
  return { stored: result.stored, fillMs: result.fillMs, kinds };
}
