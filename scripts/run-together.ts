/**
 * `tsx scripts/run-together.ts typecheck lint`: runs those npm scripts at the same time (each is
 * one thread; on 2 cores the two take about as long as the longer one), prints each one's output
 * whole once it ends, and fails when any of them failed. `npm test` checks this way.
 */
import { spawn } from 'node:child_process';

interface Ended {
  name: string;
  code: number | null;
  output: string;
  seconds: number;
}

function runScript(name: string): Promise<Ended> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => resolve({ name, code: null, output: `${output}${error.message}\n`, seconds: (Date.now() - started) / 1000 }));
    child.once('close', (code) => resolve({ name, code, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: tsx scripts/run-together.ts SCRIPT [SCRIPT ...]');
  process.exit(2);
}
const ended = await Promise.all(names.map((name) => runScript(name)));
for (const { name, code, output, seconds } of ended) {
  console.info(`\n> npm run ${name}: ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds.toFixed(0)} s`);
  if (output.trim() !== '') console.info(output.trimEnd());
}
process.exit(ended.every((run) => run.code === 0) ? 0 : 1);
