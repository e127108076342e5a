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

export async function measureLighthouse(runs = 5): Promise<LighthouseResult> {
  const server = await startServer({ DATA_DIR: 'memory', DATABASE_URL: '' });
  const folder = mkdtempSync(join(tmpdir(), 'antt-lighthouse-'));
  try {
    const results: LighthouseRun[] = [];
    let version = '';
    for (let index = 0; index < runs; index += 1) {
      const output = join(folder, `run-${index}.json`);
      await run(join(process.cwd(), 'node_modules', '.bin', 'lighthouse'), [
        `${server.url}/`, '--only-categories=performance', '--output=json', `--output-path=${output}`, '--quiet',
        `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
      ], { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 64 * 1024 * 1024 });
      const report = JSON.parse(readFileSync(output, 'utf8')) as Report;
      version = report.lighthouseVersion;
      results.push({
        score: Math.round(report.categories.performance.score * 100),
        fcpMs: report.audits['first-contentful-paint']!.numericValue,
        lcpMs: report.audits['largest-contentful-paint']!.numericValue,
        tbtMs: report.audits['total-blocking-time']!.numericValue,
        cls: report.audits['cumulative-layout-shift']!.numericValue,
      });
    }
    return {
      version,
      runs: results,
      median: {
        score: median(results.map((r) => r.score)), fcpMs: median(results.map((r) => r.fcpMs)), lcpMs: median(results.map((r) => r.lcpMs)),
        tbtMs: median(results.map((r) => r.tbtMs)), cls: median(results.map((r) => r.cls)),
      },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await server.stop();
  }
}
