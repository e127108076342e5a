/**
 * A Vite plugin (build only) that marks the files a start runs for eager compilation: V8's
 * explicit compile hint, the magic comment `//# allFunctionsCalledOnLoad` on a file's first line
 * (Chromium 136 and later; other engines read a comment). Without it V8 compiles each function
 * lazily, on the main thread, the first time it is called: on a cold start that is most of
 * React and Dexie, and of the screens that open first. With it V8 compiles the whole file when it
 * loads, on a background thread while the file streams in, and keeps the compiled functions in
 * its code cache for the next start.
 *
 * The files marked: the app shell (the HTML entry and what it imports statically), and the files
 * of the screens a start opens and the code it runs: the login of a new visitor, the PIN screen,
 * each role's home, and the sync code (each with what it imports statically). A file loaded
 * later for another screen keeps V8's lazy compilation: eagerly compiling code that may never
 * run would cost time and memory.
 *
 * The build writes no source maps (vite.config.ts); with them, the added first line would shift
 * every mapping by one line.
 */
import { resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { chunkGraph } from './chunk-graph.ts';
import { FIRST_SCREENS } from './first-screen-plugin.ts';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The modules whose files (and what they import statically) run when the app opens. */
export const START_MODULES = [
  ...Object.values(FIRST_SCREENS),
  'src/client/app/homes/member-home.tsx',
  'src/client/app/homes/leader-home.tsx',
  'src/client/app/homes/commune-home.tsx',
  'src/client/app/homes/province-home.tsx',
  'src/client/sync/sync-runner.ts',
  'src/client/sync/http-transport.ts',
  'src/client/sync/photo-transport.ts',
];

export function compileHints(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'antt-compile-hints',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const { chunks, byFile, shell, reach } = chunkGraph(bundle);
        const marked = new Set(shell);
        for (const module of START_MODULES) {
          const id = resolve(config.root, module);
          const chunk = chunks.find((candidate) => candidate.moduleIds.includes(id));
          if (!chunk) throw new Error(`${module} is in no chunk of the build`);
          reach(chunk.fileName, marked);
        }
        for (const fileName of marked) {
          const chunk = byFile.get(fileName)!;
          chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
        }
      },
    },
  };
}
