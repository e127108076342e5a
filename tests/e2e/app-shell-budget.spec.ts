// The app shell a first visit downloads before the home screen runs (entry + preloaded modules,
// gzipped) stays within 120 KB, so the app opens quickly on a low-end phone over a weak signal.
// A size, not a speed: it is deterministic for a given build. `npm run bench` reports it too.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureShell } from '../../bench/shell-size.ts';

describe('app shell size', () => {
  it('keeps the initial JavaScript within 120 KB gzipped and loads screens lazily', async () => {
    const shell = await measureShell();
    expect(shell.files.length).toBeGreaterThan(0);
    expect(shell.gzipBytes).toBeLessThanOrEqual(120 * 1024);
    const allScripts = readdirSync(join(process.cwd(), 'dist', 'client', 'assets')).filter((file) => file.endsWith('.js'));
    const lazy = allScripts.filter((file) => !shell.files.some((shellFile) => shellFile.endsWith(file)));
    expect(lazy.length).toBeGreaterThan(0);
  });
});
