/**
 * A Vite plugin that writes `file.br` (brotli, quality 11) and `file.gz` (gzip, level 9) beside
 * every text file of the build that compression makes smaller, after every other plugin has
 * written its files. The server sends them as they are (@fastify/static preCompressed), so
 * static files cost no compression work per request and get the best ratio. Runs in `vite build`
 * and in the first `npm start`, which builds through Vite.
 *
 * Not the entry files (index.html, sw.js, the manifest): they keep their names from version to
 * version and are small, so a copy left from another version (a file replaced by hand, a
 * deployment that copies only some files) would be served as the new one. They are compressed
 * per request instead. Files under assets/ carry a content hash in their name.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const TEXT_FILE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|csv|map)$/;
const ENTRY_FILES = new Set(['index.html', 'sw.js', 'manifest.webmanifest']);
/** Smaller files gain little and cost a header of their own. */
const MIN_BYTES = 1024;

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Writes the compressed copies of the text files under `folder`; returns how many files got them. */
export function precompressFolder(folder: string): number {
  let count = 0;
  for (const file of filesUnder(folder)) {
    if (!TEXT_FILE.test(file) || ENTRY_FILES.has(basename(file)) || statSync(file).size < MIN_BYTES) continue;
    const content = readFileSync(file);
    const brotli = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
    const gzip = gzipSync(content, { level: 9 });
    if (brotli.length < content.length) writeFileSync(`${file}.br`, brotli);
    if (gzip.length < content.length) writeFileSync(`${file}.gz`, gzip);
    count += 1;
  }
  return count;
}

export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'antt:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        precompressFolder(join(config.root, config.build.outDir));
      },
    },
  };
}
