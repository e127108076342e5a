/**
 * Where a server process keeps its data, per engine, so that it can be killed and started again
 * on the same data: a PGlite data folder, or a PostgreSQL database of the test cluster. `open`
 * reads that data from the test (for PGlite only while no server runs: one process owns a folder).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { openDatabase, type Database } from '#src/server/db/database.ts';
import type { EngineKind } from '../../support/test-databases.ts';
import { stubStaticDir } from '../../support/server-process.ts';

export interface ServerStorage {
  kind: EngineKind;
  /** The server's environment: DATA_DIR or DATABASE_URL, and a stub STATIC_DIR. */
  env: Record<string, string>;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

async function onAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createServerStorage(kind: EngineKind): Promise<ServerStorage> {
  const staticDir = stubStaticDir();
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'antt-fault-pglite-'));
    return {
      kind,
      env: { DATA_DIR: dataDir, DATABASE_URL: '', STATIC_DIR: staticDir },
      open: () => openDatabase({ dataDir }),
      async dispose() {
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(staticDir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('No test PostgreSQL: see tests/support/postgres-global-setup.ts');
  const name = `antt_fault_${randomBytes(6).toString('hex')}`;
  await onAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    env: { DATABASE_URL: url.toString(), STATIC_DIR: staticDir },
    open: () => openDatabase({ databaseUrl: url.toString(), maxConnections: 2 }),
    async dispose() {
      await onAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

const labels: Record<EngineKind, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

/** Defines `define`'s tests once per engine; the PostgreSQL variant is skipped, with its reason, without a cluster. */
export function forEachEngine(title: string, define: (kind: EngineKind) => void): void {
  for (const kind of ['pglite', 'postgres'] as const) {
    const skipReason = kind === 'postgres' && !inject('postgresAdminUrl') ? inject('postgresSkipReason') : null;
    if (skipReason) describe.skip(`${title} [${labels[kind]}] skipped: ${skipReason}`, () => define(kind));
    else describe(`${title} [${labels[kind]}]`, () => define(kind));
  }
}
