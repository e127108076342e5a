// The sync figures as report lines, each beside the reference measured in the same run.
import type { BrowserSyncResult } from './browser-sync.ts';

interface Line {
  name: string;
  value: string;
  budget: string;
  ratio: number;
}

/** Entries per second before this work, measured in Chromium (the table: 761–842 pushed, 1,284–1,464 pulled); the goal is 5× the higher. */
const PUSH_BEFORE_PER_SECOND = 842;
const PULL_BEFORE_PER_SECOND = 1464;
/** Bytes per entry on the wire before this work. */
const BYTES_BEFORE = 231;

const rate = (perSecond: number) => `${Math.round(perSecond).toLocaleString('en')}/s`;

export function syncLines(sync: BrowserSyncResult): Line[] {
  const lines: Line[] = [];
  const server = sync.referencePush;
  for (const run of sync.push) {
    lines.push({
      name: `push ${run.entries.toLocaleString('en')} entries in Chromium, ${run.screen} open`,
      value: `${rate(run.perSecond)} (${(run.ms / 1000).toFixed(1)} s); the server alone ${rate(server.perSecond)} (its first push, cold, before the phone's: ${rate(sync.serverWarmUp.perSecond)}); ${run.renders.batches} DOM updates, ${run.renders.longTasks} long tasks (${Math.round(run.renders.longTaskMs)} ms)`,
      budget: `≥ ${rate(5 * PUSH_BEFORE_PER_SECOND)}`,
      ratio: (5 * PUSH_BEFORE_PER_SECOND) / run.perSecond,
    });
  }
  const pushBytes = Math.max(...sync.push.map((run) => run.bytesPerEntry));
  lines.push({ name: 'push bytes per entry on the wire (gzip)', value: `${pushBytes.toFixed(0)} B`, budget: `≤ ${BYTES_BEFORE / 2} B`, ratio: pushBytes / (BYTES_BEFORE / 2) });
  if (sync.pull && sync.rawBulkPut && sync.referencePull) {
    const pull = sync.pull;
    lines.push({ name: 'fresh pull bytes per row on the wire (compressed)', value: `${pull.bytesPerRow.toFixed(0)} B`, budget: `≤ ${BYTES_BEFORE / 2} B`, ratio: pull.bytesPerRow / (BYTES_BEFORE / 2) });
    lines.push({
      name: `fresh phone pulls ${pull.rows.toLocaleString('en')} rows (entries and households)`,
      value: `${rate(pull.perSecond)} end to end (${(pull.ms / 1000).toFixed(1)} s; answers took ${(pull.waitingMs / 1000).toFixed(1)} s, overlapping the storing); the server alone ${rate(sync.referencePull.perSecond)}; home shown with ${pull.homeShownWith.toLocaleString('en')} stored`,
      budget: `≥ ${rate(5 * PULL_BEFORE_PER_SECOND)}`,
      ratio: (5 * PULL_BEFORE_PER_SECOND) / pull.perSecond,
    });
    const raw = sync.rawBulkPut;
    lines.push({
      name: 'fresh pull stored against a raw IndexedDB bulk put of the same rows into stores with the same indexes, same browser',
      value: `${rate(pull.perSecond)} end to end; raw ${rate(raw.indexedPerSecond)} (${(pull.perSecond / raw.indexedPerSecond).toFixed(2)}×); into bare stores (no index) ${rate(raw.perSecond)} (${(pull.perSecond / raw.perSecond).toFixed(2)}×)`,
      budget: '≥ 0.8×',
      ratio: 0.8 / (pull.perSecond / raw.indexedPerSecond),
    });
  }
  return lines;
}
