/**
 * Starting PGlite means running initdb in WebAssembly (seconds on a busy 2-core machine), then
 * migrating. The server tests therefore make one migrated PGlite in globalSetup, dump its data
 * folder to a temp file, and start each suite's in-memory PGlite from that dump (under a second).
 * Each suite still gets its own new PGlite; the dump is only its starting content.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newPglite, wrapPglite, type Database } from '#src/server/db/database.ts';
import { migrate } from '#src/server/db/migrate.ts';

export async function createPgliteTemplate(): Promise<{ path: string; remove(): void }> {
  const folder = mkdtempSync(join(tmpdir(), 'antt-pglite-'));
  const path = join(folder, 'migrated.tar');
  const pglite = newPglite();
  await migrate(await wrapPglite(pglite));
  const dump = await pglite.dumpDataDir('none');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  return { path, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export async function openPgliteFromTemplate(path: string): Promise<Database> {
  return wrapPglite(newPglite({ loadDataDir: new Blob([readFileSync(path)]) }));
}
