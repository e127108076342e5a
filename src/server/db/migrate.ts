/**
 * Forward-only migrations (Actual's rule): files `migrations/NNNN_kebab-name.sql` applied in
 * name order, each in its own transaction together with its row in `schema_migrations`, so a
 * migration is either fully applied and recorded or not at all.
 *
 * The server refuses to boot when the applied list is not a prefix of the known list: a database
 * touched by another branch or a newer build would otherwise be "migrated" into a shape no
 * version of the code expects.
 *
 * Several servers may start together on one PostgreSQL: every step takes a transaction-level
 * advisory lock first and re-reads the applied list under it, so exactly one server applies
 * each migration and the others see it applied.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './database.ts';

export interface Migration {
  /** The file name without `.sql`, e.g. `0001_initial`. */
  name: string;
  sql: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const MIGRATION_FILE = /^(\d{4}_[a-z0-9]+(?:-[a-z0-9]+)*)\.sql$/;
/** Arbitrary, fixed: the key of the advisory lock that serialises migrating. */
const MIGRATION_LOCK_KEY = 7_202_601;
// Not `new URL('./migrations/', import.meta.url)`: Vite rewrites that pattern into an asset URL
// when client tests run the server in-process.
const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The migrations shipped with this build, in order. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((file) => file.endsWith('.sql')).sort();
  return files.map((file) => {
    const match = MIGRATION_FILE.exec(file);
    if (!match) throw new MigrationError(`Migration file name must be NNNN_kebab-name.sql: ${file}`);
    return { name: match[1]!, sql: readFileSync(join(dir, file), 'utf8') };
  });
}

async function lockedAppliedList(tx: Queryable, known: readonly Migration[]): Promise<string[]> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
  const rows = await tx.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
  const applied = rows.map((row) => row.name);
  const isPrefix = applied.length <= known.length && applied.every((name, i) => known[i]?.name === name);
  if (!isPrefix) {
    throw new MigrationError(
      `The database's applied migrations [${applied.join(', ')}] are not a prefix of this build's ` +
        `[${known.map((m) => m.name).join(', ')}]; refusing to start.`,
    );
  }
  return applied;
}

/** Applies the missing migrations; returns the names it applied. Throws MigrationError. */
export async function migrate(database: Database, options: { migrations?: Migration[] } = {}): Promise<string[]> {
  const known = options.migrations ?? loadMigrations();
  const appliedNow: string[] = [];
  // Creating the bookkeeping table under the lock too: CREATE TABLE IF NOT EXISTS alone can
  // still collide when two servers run it at the same instant.
  await database.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  });
  for (const migration of known) {
    await database.transaction(async (tx) => {
      const applied = await lockedAppliedList(tx, known);
      if (applied.includes(migration.name)) return;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      appliedNow.push(migration.name);
    });
  }
  // With no known migrations the loop checked nothing: still refuse a database ahead of us.
  if (known.length === 0) await database.transaction((tx) => lockedAppliedList(tx, known));
  return appliedNow;
}
