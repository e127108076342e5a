// Saving a log in real Chromium with a full device database. Vite serves bench/browser (it
// imports the app's own db code), playwright-core drives Debian's Chromium.
import { runBrowserBench } from './browser-bench.ts';
import { quantile } from './stats.ts';

export interface SaveLatency {
  stored: number;
  fillMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** The reference of the same run: a raw IndexedDB put into a bare store as full. */
  rawMedianMs: number;
  rawP95Ms: number;
  /** The other reference: the same writes as a save (record into the field logs' indexes, its outbox row), raw. */
  rawIndexedMedianMs: number;
  rawIndexedP95Ms: number;
}

export async function measureSaveLatency(options: { stored: number; samples: number }): Promise<SaveLatency> {
  const result = await runBrowserBench<{ stored: number; fillMs: number; samplesMs: number[]; rawSamplesMs: number[]; rawIndexedSamplesMs: number[] }>('save-latency.html', 'runSaveBench', [options.stored, options.samples]);
  return {
    stored: result.stored,
    fillMs: result.fillMs,
    medianMs: quantile(result.samplesMs, 0.5),
    p95Ms: quantile(result.samplesMs, 0.95),
    maxMs: Math.max(...result.samplesMs),
    rawMedianMs: quantile(result.rawSamplesMs, 0.5),
    rawP95Ms: quantile(result.rawSamplesMs, 0.95),
    rawIndexedMedianMs: quantile(result.rawIndexedSamplesMs, 0.5),
    rawIndexedP95Ms: quantile(result.rawIndexedSamplesMs, 0.95),
  };
}
