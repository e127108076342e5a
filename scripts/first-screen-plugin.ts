/**
 * A Vite plugin (build only) for the first screen of a start (src/client/app/first-screen.ts):
 * builds first-screen-entry.ts as an entry of its own, sharing no code with the app, and puts it
 * first in index.html's head as an async module script, its tag listing the files of the PIN
 * screen and of the login that the app shell does not already load (each screen's chunk and what
 * it imports beyond the shell), and before it the first screens' templates
 * (src/client/app/first-screen-markup.ts) for the script to show. The service worker precaches it
 * with the rest.
 */
import { resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { LOGIN_FILES_ATTRIBUTE, PIN_FILES_ATTRIBUTE } from '../src/client/app/first-screen.ts';
import { firstScreenTemplates } from '../src/client/app/first-screen-markup.ts';
import { en } from '../src/client/i18n/en.ts';
import { vi } from '../src/client/i18n/vi.ts';
import { chunkGraph } from './chunk-graph.ts';

const ENTRY = 'src/client/app/first-screen-entry.ts';
const NAME = 'first-screen';
/** The screens a start opens on, by the attribute of the script's tag that lists their files. */
export const FIRST_SCREENS = {
  [PIN_FILES_ATTRIBUTE]: 'src/client/features/auth/components/pin-entry-screen.tsx',
  [LOGIN_FILES_ATTRIBUTE]: 'src/client/features/auth/components/login-screen.tsx',
};
/** A first screen's own files are small; more would mean it pulled in a heavy graph by mistake. */
const MAX_BYTES = 16 * 1024;

export function firstScreen(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'antt-first-screen',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: resolve(config.root, ENTRY), name: NAME });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const { chunks, byFile, shell, reach } = chunkGraph(context.bundle ?? {});
        const script = chunks.find((chunk) => chunk.isEntry && chunk.name === NAME);
        if (!script) throw new Error(`${ENTRY} was not built`);
        if (script.imports.length > 0) throw new Error(`${ENTRY} must share no code with the app (it imports ${script.imports.join(', ')})`);
        const attributes = Object.entries(FIRST_SCREENS).map(([attribute, module]) => {
          const screen = chunks.find((chunk) => chunk.facadeModuleId === resolve(config.root, module));
          if (!screen) throw new Error(`${module} is not a chunk of its own (is it loaded with import()?)`);
          const files = new Set<string>();
          reach(screen.fileName, files, shell);
          const bytes = [...files].reduce((sum, fileName) => sum + (byFile.get(fileName)?.code.length ?? 0), 0);
          if (bytes > MAX_BYTES) throw new Error(`${module}'s files are ${bytes} bytes (${[...files].join(', ')}); at most ${MAX_BYTES}`);
          return ` ${attribute}="${[...files].map((fileName) => `${config.base}${fileName}`).join(' ')}"`;
        });

        // Right after the charset, which must stay first; the templates before the script, so
        // that they are parsed when it runs.
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html has no <meta charset> to put the first-screen script after');
        return html.replace(charset, (tag) => `${tag}\n    ${firstScreenTemplates({ vi, en })}\n    <script type="module" async src="${config.base}${script.fileName}"${attributes.join('')}></script>`);
      },
    },
  };
}
