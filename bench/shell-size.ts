// The app shell: the JavaScript a first visit must download before the home screen runs — the
// entry script and every module it preloads (lazy routes are not counted). Gzip level 9 as a
// server or CDN would serve it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const distDir = join(process.cwd(), 'dist', 'client');

export interface ShellSize {
  files: string[];
  gzipBytes: number;
}

export async function measureShell(): Promise<ShellSize> {
  if (!existsSync(join(distDir, 'index.html'))) await build({ logLevel: 'warn' });
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) files.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) files.add(match[1]!);
  let gzipBytes = 0;
  for (const file of files) {
    gzipBytes += gzipSync(readFileSync(join(distDir, file.replace(/^\//, ''))), { level: 9 }).length;
  }
  return { files: [...files], gzipBytes };
}
