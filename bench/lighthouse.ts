// Lighthouse (12, mobile: simulated slow 4G and 4× CPU slowdown, its defaults) on a new
// visitor's first page, the login, served by the real server process with the built app.
// Lighthouse scores move from run to run; its authors advise the median of five runs, reported
// here with every run's score and paint figures.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromiumPath, CHROMIUM_ARGS } from '../tests/support/browser.ts';
import { startServer } from '../tests/support/server-process.ts';

const run = promisify(execFile);

export interface LighthouseRun {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

export interface LighthouseResult {
  version: string;
  runs: LighthouseRun[];
  median: LighthouseRun;
}

interface Report {
  lighthouseVersion: string;
  categories: { performance: { score: number } };
  audits: Record<string, { numericValue: number }>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One Lighthouse run against `url`, its report read from `folder`. */
async function lighthouseRun(url: string, output: string): Promise<{ version: string; run: LighthouseRun }> {
  await run(join(process.cwd(), 'node_modules', '.bin', 'lighthouse'), [
    `${url}/`, '--only-categories=performance', '--output=json', `--output-path=${output}`, '--quiet',
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
  ], { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(readFileSync(output, 'utf8')) as Report;
  return {
    version: report.lighthouseVersion,
    run: {
      score: Math.round(report.categories.performance.score * 100),
      fcpMs: report.audits['first-contentful-paint']!.numericValue,
      lcpMs: report.audits['largest-contentful-paint']!.numericValue,
      tbtMs: report.audits['total-blocking-time']!.numericValue,
      cls: report.audits['cumulative-layout-shift']!.numericValue,
    },
  };
}

function summarise(version: string, runs: LighthouseRun[]): LighthouseResult {
  return {
    version,
    runs,
    median: {
      score: median(runs.map((r) => r.score)), fcpMs: median(runs.map((r) => r.fcpMs)), lcpMs: median(runs.map((r) => r.lcpMs)),
      tbtMs: median(runs.map((r) => r.tbtMs)), cls: median(runs.map((r) => r.cls)),
    },
  };
}

/**
 * Lighthouse on each built app folder (`STATIC_DIR` of the server), one server each, their runs
 * alternated build by build so that the machine's load falls on each alike
 * (`npm run bench -- lighthouse-ab`, BENCH_BUILDS=dist/before,dist/client). With no folders,
 * the app as built (dist/client).
 */
export async function compareLighthouse(staticDirs: (string | undefined)[], runs = 5): Promise<{ staticDir: string | undefined; lighthouse: LighthouseResult }[]> {
  const servers = await Promise.all(staticDirs.map((staticDir) => startServer({ DATA_DIR: 'memory', DATABASE_URL: '', ...(staticDir ? { STATIC_DIR: staticDir } : {}) })));
  const folder = mkdtempSync(join(tmpdir(), 'antt-lighthouse-'));
  try {
    const results = staticDirs.map(() => ({ version: '', runs: [] as LighthouseRun[] }));
    for (let index = 0; index < runs; index += 1) {
      for (const [build, server] of servers.entries()) {
        const { version, run: made } = await lighthouseRun(server.url, join(folder, `run-${build}-${index}.json`));
        results[build]!.version = version;
        results[build]!.runs.push(made);
      }
    }
    return results.map(({ version, runs: made }, build) => ({ staticDir: staticDirs[build], lighthouse: summarise(version, made) }));
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await Promise.all(servers.map((server) => server.stop()));
  }
}

export async function measureLighthouse(runs = 5): Promise<LighthouseResult> {
  const [only] = await compareLighthouse([undefined], runs);
  return only!.lighthouse;
}
