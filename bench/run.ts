// `npm run bench`: the product's speed and size goals, measured (never asserted in timed tests).
//   1. app shell: initial JavaScript of the built app, gzipped, against 120 KB;
//   2. saving a log in real Chromium (real IndexedDB) with 100,000 logs stored, against 30 ms and
//      beside a raw IndexedDB put of the same run; then an entry of each kind with 100,000
//      entries of every kind stored (bench/save-kinds.ts), against 30 ms each;
//   3. the server: a push of 50 logs and a pull page of 500 changes on PGlite;
//   4. campaign progress of a commune-year (50,000 entries): from scratch, and after one new entry.
//   5. the logbook in real Chromium with 10,000 entries: opening the screen (count and first rows),
//      a filter change, the search map, a keystroke.
//   5b. saving a tip in real Chromium, sealed (encryption at rest) against in clear: within 2×;
//       unlocking with the PIN (PBKDF2) here, for the estimate on a cheap phone (data-key.ts).
//   6. load: 1,000 devices at once against the server process over HTTP, on PostgreSQL and
//      PGlite, with the reference limits of the same run (bench/load/load-bench.ts).
//   7. sync in real Chromium against the real server (bench/sync/browser-sync.ts): 10,000
//      entries pushed with home open and with Settings open, beside the server's own speed;
//      bytes per entry on the wire; a fresh phone's pull of 50,000 entries beside a raw
//      IndexedDB bulk put of the same rows.
//   8. opening the app at 4× CPU slowdown (bench/sync/cold-start.ts): a new visitor's paint
//      figures, and an offline cold start to home with 10,000 logs stored.
//   8b. only when named (`npm run bench -- start-ab`, BENCH_BUILDS=dist/before,dist/client): the
//      offline cold start of several builds, their browser restarts alternated in one run.
//   9. Lighthouse mobile performance of a new visitor's page, median of five (bench/lighthouse.ts).
//   9b. only when named (`npm run bench -- lighthouse-ab`, BENCH_BUILDS as in 8b): the same for
//      several builds, their runs alternated.
// The client figures (shell, save, sync, start) also go to bench/results/client.json.
// Prints medians, p95 and the ratio to each budget; exits non-zero when a budget is exceeded.
// Each measurement loads its own modules, so `npm run bench -- save` needs no server code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LighthouseResult } from './lighthouse.ts';
import type { StartTimes } from './sync/cold-start.ts';

interface Line {
  name: string;
  value: string;
  budget: string;
  ratio: number;
  /** The measurement that made it (`npm run bench -- <section>`). */
  section?: string;
}

const lines: Line[] = [];
const clientResults: Record<string, unknown> = {};
const only = process.argv.slice(2);
/** The sections run this time; the one running now is the last. */
const ran: string[] = [];
const wants = (name: string) => {
  if (only.length > 0 && !only.includes(name)) return false;
  ran.push(name);
  return true;
};
/** Adds figures of the section running now. */
const report = (...made: Line[]) => lines.push(...made.map((line) => ({ ...line, section: ran.at(-1)! })));

if (wants('shell')) {
  const { measureShell } = await import('./shell-size.ts');
  const shell = await measureShell();
  clientResults.shell = shell;
  report({ name: 'app shell initial JS (gzip)', value: `${(shell.gzipBytes / 1024).toFixed(1)} KB in ${shell.files.length} files`, budget: '120 KB', ratio: shell.gzipBytes / (120 * 1024) });
}
if (wants('save')) {
  const { measureSaveLatency } = await import('./save-latency.ts');
  const save = await measureSaveLatency({ stored: 100_000, samples: 200 });
  clientResults.save = save;
  report({ name: `save a log, 100,000 logs stored (median)`, value: `${save.medianMs.toFixed(2)} ms (p95 ${save.p95Ms.toFixed(2)} ms, max ${save.maxMs.toFixed(2)} ms)`, budget: '30 ms', ratio: save.medianMs / 30 });
  report({ name: 'save p95 against a raw IndexedDB put into a bare store, same run', value: `${save.p95Ms.toFixed(2)} ms vs ${save.rawP95Ms.toFixed(2)} ms (${(save.p95Ms / save.rawP95Ms).toFixed(2)}×)`, budget: '1.5×', ratio: save.p95Ms / save.rawP95Ms / 1.5 });
  report({ name: 'save p95 against the same writes raw (record with the field logs\' indexes and its outbox row, one transaction), same run', value: `${save.p95Ms.toFixed(2)} ms vs ${save.rawIndexedP95Ms.toFixed(2)} ms (${(save.p95Ms / save.rawIndexedP95Ms).toFixed(2)}×)`, budget: '1.5×', ratio: save.p95Ms / save.rawIndexedP95Ms / 1.5 });
  const { measureSaveKinds } = await import('./save-kinds.ts');
  const kinds = await measureSaveKinds({ stored: 100_000, samples: 60 });
  for (const kind of kinds.kinds) {
    report({ name: `save ${kind.kind}, 100,000 entries stored (median)`, value: `${kind.medianMs.toFixed(2)} ms (p95 ${kind.p95Ms.toFixed(2)} ms, max ${kind.maxMs.toFixed(2)} ms)`, budget: '30 ms', ratio: kind.medianMs / 30 });
  }
}
if (wants('logbook')) {
  const { measureLogbook } = await import('./logbook-query.ts');
  const logbook = await measureLogbook();
  report({ name: `open the logbook, ${logbook.stored} entries: count and first rows on screen`, value: `${logbook.openFirst.toFixed(0)} ms first, ${logbook.openMedian.toFixed(0)} ms median of 9 more`, budget: '1,000 ms', ratio: logbook.openFirst / 1000 });
  report({ name: `logbook filter change, ${logbook.stored} entries (median)`, value: `${logbook.filterAll.toFixed(1)} ms all, ${logbook.filterKindStatus.toFixed(1)} ms kind+status+sync`, budget: '100 ms', ratio: Math.max(logbook.filterAll, logbook.filterKindStatus) / 100 });
  report({ name: 'logbook search: map built once per list change (median)', value: `${logbook.buildIndex.toFixed(0)} ms`, budget: '—', ratio: NaN });
  report({ name: 'logbook search keystroke (median)', value: `${logbook.keystroke.toFixed(2)} ms; one screen of rows ${logbook.screenRows.toFixed(2)} ms`, budget: '16 ms', ratio: logbook.keystroke / 16 });
}
if (wants('sealed')) {
  const { measureSealedSave } = await import('./sealed-save.ts');
  const sealed = await measureSealedSave({ stored: 10_000, samples: 200 });
  report({
    name: `save a tip sealed vs in clear, ${sealed.stored.toLocaleString('en')} tips stored (median)`,
    value: `${sealed.sealedMedianMs.toFixed(2)} ms sealed (p95 ${sealed.sealedP95Ms.toFixed(2)}), ${sealed.clearMedianMs.toFixed(2)} ms clear (p95 ${sealed.clearP95Ms.toFixed(2)})`,
    budget: '2× clear', ratio: sealed.sealedMedianMs / (2 * sealed.clearMedianMs),
  });
  // A cheap Android phone runs PBKDF2 about 5–8× slower than this machine (data-key.ts).
  report({ name: 'unlock with the PIN, PBKDF2-SHA-256 (median, this machine)', value: `${sealed.unlockMedianMs.toFixed(0)} ms`, budget: '— (×5–8 on a cheap phone: about 1 s)', ratio: NaN });
}
if (wants('server')) {
  const { measureServerSync } = await import('./server-sync.ts');
  const server = await measureServerSync();
  report({ name: 'server push, 50 logs per batch (median)', value: `${server.pushMedianMs.toFixed(1)} ms (p95 ${server.pushP95Ms.toFixed(1)} ms)`, budget: '—', ratio: NaN });
  report({ name: 'server pull, 500 changes per page (median)', value: `${server.pullMedianMs.toFixed(1)} ms (p95 ${server.pullP95Ms.toFixed(1)} ms)`, budget: '—', ratio: NaN });
}
if (wants('sync')) {
  const { measureBrowserSync } = await import('./sync/browser-sync.ts');
  const { syncLines } = await import('./sync/sync-lines.ts');
  const sync = await measureBrowserSync();
  clientResults.sync = sync;
  report(...syncLines(sync));
}

/** A cold start's figures as a report's value. */
const startValue = (times: StartTimes) =>
  `${times.homeMs} ms: the lock's PIN field after ${times.lockMs} ms, home with its entries ${times.unlockToHomeMs} ms after the PIN`
  + (times.runs.length > 1 ? ` (median of ${times.runs.length}: ${times.runs.join(', ')})` : '');

if (wants('start')) {
  const { measureColdStart } = await import('./sync/cold-start.ts');
  const start = await measureColdStart();
  clientResults.start = start;
  const { firstVisit, offlineHome, offlineHomeInstant, reloadAfterSync } = start;
  report({ name: `first visit at ${start.cpuSlowdown}× CPU slowdown (DevTools protocol)`, value: `FCP ${firstVisit.fcpMs.toFixed(0)} ms, LCP ${firstVisit.lcpMs.toFixed(0)} ms, TBT ${firstVisit.tbtMs.toFixed(0)} ms, CLS ${firstVisit.cls.toFixed(3)}`, budget: 'CLS ≤ 0.05', ratio: firstVisit.cls / 0.05 });
  report({
    name: `offline cold start to home (the browser started again), ${offlineHome.stored.toLocaleString('en')} logs stored, ${start.cpuSlowdown}× CPU slowdown, the PIN typed ${offlineHome.keyDelayMs} ms a key (typing not counted)`,
    value: startValue(offlineHome),
    budget: '1,000 ms', ratio: offlineHome.homeMs / 1000,
  });
  report({
    name: `the same, the PIN typed all at once as its field shows (the home's code then loads after it)`,
    value: startValue(offlineHomeInstant),
    budget: '—', ratio: NaN,
  });
  report({
    name: `offline reload right after syncing the ${reloadAfterSync.stored.toLocaleString('en')} logs, same slowdown (the browser still busy with what it wrote)`,
    value: startValue(reloadAfterSync),
    budget: '—', ratio: NaN,
  });
}

/** The built app folders an A/B section compares, from BENCH_BUILDS. */
function benchBuilds(section: string): string[] {
  const folders = (process.env.BENCH_BUILDS ?? '').split(',').filter(Boolean);
  if (folders.length === 0) throw new Error(`${section} compares built apps: BENCH_BUILDS=dist/before,dist/client`);
  return folders;
}

if (only.includes('start-ab') && wants('start-ab')) {
  // Only when named: BENCH_BUILDS names the built app folders to compare.
  const { compareColdStarts } = await import('./sync/cold-start.ts');
  for (const { staticDir, start } of await compareColdStarts(benchBuilds('start-ab'))) {
    report({
      name: `offline cold start of ${staticDir}, restarts alternated with the other builds, PIN typed ${start.keyDelayMs} ms a key`,
      value: startValue(start),
      budget: '1,000 ms', ratio: start.homeMs / 1000,
    });
  }
}

const lighthouseValue = ({ median, runs }: LighthouseResult) =>
  `${median.score} (runs ${runs.map((r) => r.score).join(', ')}); FCP ${(median.fcpMs / 1000).toFixed(1)} s, LCP ${(median.lcpMs / 1000).toFixed(1)} s, TBT ${median.tbtMs.toFixed(0)} ms, CLS ${median.cls.toFixed(3)}`;

if (wants('lighthouse')) {
  const { measureLighthouse } = await import('./lighthouse.ts');
  const lighthouse = await measureLighthouse();
  clientResults.lighthouse = lighthouse;
  report({
    name: `Lighthouse ${lighthouse.version} mobile performance, a new visitor's login page (median of ${lighthouse.runs.length})`,
    value: lighthouseValue(lighthouse),
    budget: '≥ 95', ratio: 95 / lighthouse.median.score,
  });
}

if (only.includes('lighthouse-ab') && wants('lighthouse-ab')) {
  const { compareLighthouse } = await import('./lighthouse.ts');
  for (const { staticDir, lighthouse } of await compareLighthouse(benchBuilds('lighthouse-ab'))) {
    report({
      name: `Lighthouse ${lighthouse.version} mobile performance of ${staticDir}, runs alternated with the other builds (median of ${lighthouse.runs.length})`,
      value: lighthouseValue(lighthouse),
      budget: '≥ 95', ratio: 95 / lighthouse.median.score,
    });
  }
}

if (wants('progress')) {
  const { measureProgress } = await import('./progress.ts');
  const progress = measureProgress();
  report({ name: `progress from scratch, ${progress.entries.toLocaleString('en')} entries, ${progress.results} results (median)`, value: `${progress.scratchMedianMs.toFixed(0)} ms (p95 ${progress.scratchP95Ms.toFixed(0)} ms)`, budget: '2,000 ms', ratio: progress.scratchMedianMs / 2000 });
  report({ name: 'progress after one new entry, same results (median)', value: `${progress.oneEntryMedianMs.toFixed(1)} ms (p95 ${progress.oneEntryP95Ms.toFixed(1)} ms)`, budget: '100 ms', ratio: progress.oneEntryMedianMs / 100 });
}
if (wants('load')) {
  const { measureLoad, loadOptionsFromEnv } = await import('./load/load-bench.ts');
  const { summariseLoad } = await import('./load/load-summary.ts');
  const { results, file } = await measureLoad(loadOptionsFromEnv());
  console.log(summariseLoad(results));
  console.log(`(written to ${file})`);
  for (const result of results) {
    if (result.verification && result.verification.missing + result.verification.extra > 0) {
      console.error(`${result.target}: devices missed ${result.verification.missing} and got ${result.verification.extra} unexpected entries`);
      process.exitCode = 1;
    }
  }
}

if (Object.keys(clientResults).length > 0) {
  const folder = join(process.cwd(), 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'client.json');
  // A partial run (`npm run bench -- start`) replaces the figures of the sections it ran, all of
  // them (a figure since renamed or dropped does not linger), and keeps the others.
  const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const earlierLines = Array.isArray(earlier.lines) ? (earlier.lines as Line[]).filter((line) => line.section !== undefined && !ran.includes(line.section)) : [];
  writeFileSync(file, `${JSON.stringify({ ...earlier, at: new Date().toISOString(), ...clientResults, lines: [...earlierLines, ...lines] }, null, 2)}\n`);
  console.log(`(client figures written to ${file})`);
}

console.log('\nSổ tay ANTT benchmarks');
for (const line of lines) {
  const ratio = Number.isNaN(line.ratio) ? '' : `  ${(line.ratio * 100).toFixed(0)}% of budget`;
  console.log(`- ${line.name}: ${line.value}; budget ${line.budget}${ratio}`);
}
const over = lines.filter((line) => line.ratio > 1);
if (over.length > 0) {
  console.error(`Over budget: ${over.map((line) => line.name).join(', ')}`);
  process.exitCode = 1;
}
