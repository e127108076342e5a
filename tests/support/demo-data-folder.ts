// The browser suites' server data. Once per e2e run (globalSetup), the real server starts on a
// new PGlite data folder, which it creates, migrates and fills with the demo data as `npm start`
// does, and stops. Each suite's server then starts on its own copy of that folder: the same
// content as a server on a new folder (or in memory), without running initdb, the migrations
// and the demo data in WebAssembly again for every suite (about 2.5 of a server's 6 s start on
// the busy 2-core machine).
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { startServer, stubStaticDir, type RunningServer } from './server-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The data folder the demo server made in globalSetup ('' outside the e2e project). */
    demoDataFolder: string;
  }
}

/** Starts the real server on a new data folder, lets it load the demo data, stops it cleanly. */
export async function makeDemoDataFolder(): Promise<{ path: string; remove(): void }> {
  const folder = mkdtempSync(join(tmpdir(), 'antt-demo-data-'));
  const staticDir = stubStaticDir();
  const path = join(folder, 'data');
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    const server = await startServer({ DATA_DIR: path, DATABASE_URL: '', STATIC_DIR: staticDir });
    const code = await server.stop('SIGTERM');
    if (code !== 0) throw new Error(`the demo server exited with ${code}:\n${server.output()}`);
    if (!existsSync(path)) throw new Error(`the demo server left no data folder at ${path}`);
    return { path, remove };
  } catch (error) {
    remove();
    throw error;
  } finally {
    rmSync(staticDir, { recursive: true, force: true });
  }
}

/**
 * The real server on a copy of the demo data folder (env may add STATIC_DIR and the like);
 * stopping it removes the copy.
 */
export async function startDemoServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const source = inject('demoDataFolder');
  if (!source) throw new Error('No demo data folder: see tests/support/postgres-global-setup.ts');
  const folder = mkdtempSync(join(tmpdir(), 'antt-e2e-data-'));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    const dataDir = join(folder, 'data');
    cpSync(source, dataDir, { recursive: true });
    const server = await startServer({ DATABASE_URL: '', ...env, DATA_DIR: dataDir });
    return {
      ...server,
      async stop(signal) {
        const code = await server.stop(signal);
        remove();
        return code;
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}
