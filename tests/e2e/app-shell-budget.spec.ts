// The app shell a first visit downloads before the home screen runs (entry + preloaded modules,
// gzipped) stays within 120 KB, so the app opens quickly on a low-end phone over a weak signal.
// A size, not a speed: it is deterministic for a given build. `npm run bench` reports it too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureShell } from '../../bench/shell-size.ts';
import { COMPILE_HINT } from '../../scripts/compile-hints-plugin.ts';

describe('app shell size', () => {
  it('keeps the initial JavaScript within 120 KB gzipped and loads screens lazily', async () => {
    const shell = await measureShell();
    expect(shell.files.length).toBeGreaterThan(0);
    expect(shell.gzipBytes).toBeLessThanOrEqual(120 * 1024);
    const allScripts = readdirSync(join(process.cwd(), 'dist', 'client', 'assets')).filter((file) => file.endsWith('.js'));
    const lazy = allScripts.filter((file) => !shell.files.some((shellFile) => shellFile.endsWith(file)));
    expect(lazy.length).toBeGreaterThan(0);
  });

  it('starts the PIN screen\'s or the login\'s files from the page\'s first script, and the service worker keeps them for offline starts', async () => {
    await measureShell(); // builds the app when it is not built
    const dist = join(process.cwd(), 'dist', 'client');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const tag = /<script type="module" async src="\/(assets\/first-screen-[^"]+\.js)" data-pin-screen="([^"]+)" data-login-screen="([^"]+)"><\/script>/.exec(html);
    expect(tag, 'the first-screen script in index.html').not.toBeNull();
    expect(html.indexOf(tag![0])).toBeLessThan(html.indexOf('<script type="module" crossorigin'));
    const pinFiles = tag![2]!.split(' ');
    const loginFiles = tag![3]!.split(' ');
    expect(pinFiles.some((file) => /^\/assets\/pin-entry-screen-.+\.js$/.test(file))).toBe(true);
    expect(loginFiles.some((file) => /^\/assets\/login-screen-.+\.js$/.test(file))).toBe(true);
    const precache = readFileSync(join(dist, 'sw.js'), 'utf8');
    for (const file of [`/${tag![1]!}`, ...pinFiles, ...loginFiles]) {
      expect(existsSync(join(dist, file)), file).toBe(true);
      expect(precache, file).toContain(file.slice(1));
    }
  });
});

describe('compile hints', () => {
  const dist = join(process.cwd(), 'dist', 'client');
  const hinted = (file: string) => readFileSync(join(dist, file.replace(/^\//, '')), 'utf8').startsWith(`${COMPILE_HINT}\n`);

  it('marks the files a start runs for eager compilation on their first line, and not the screens opened later', async () => {
    const shell = await measureShell(); // builds the app when it is not built
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const firstScreen = /data-pin-screen="([^"]+)"/.exec(html)![1]!.split(' ');
    const assets = readdirSync(join(dist, 'assets'));
    const named = (prefix: string) => `/assets/${assets.find((file) => file.startsWith(`${prefix}-`) && file.endsWith('.js'))!}`;
    const appShell = shell.files.filter((file) => !file.includes('/first-screen-'));
    expect(appShell.length).toBeGreaterThan(1);
    for (const file of [...appShell, ...firstScreen, named('login-screen'), named('member-home'), named('leader-home'), named('sync-runner')]) {
      expect(hinted(file), file).toBe(true);
    }
    for (const later of ['logbook-screen', 'household-import-screen', 'reports-screen', 'settings-screen']) {
      expect(hinted(named(later)), later).toBe(false);
    }
  });
});
