/**
 * One server suite, run against both engines: `forEachDatabase(title, (getDb) => { tests })`
 * defines the tests twice, once on a new in-memory PGlite (started from a migrated template, see
 * server-pglite-template.ts) and once on a fresh database of the
 * test PostgreSQL (CREATE DATABASE with a random name, dropped afterwards). Each is migrated.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type Database } from '#src/server/db/database.ts';
import { migrate } from '#src/server/db/migrate.ts';
import { openPgliteFromTemplate } from './server-pglite-template.ts';

export type EngineKind = Database['kind'];

export interface TestDatabase {
  database: Database;
  dispose(): Promise<void>;
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database of the given engine; migrated unless `migrated: false`. */
export async function createTestDatabase(kind: EngineKind, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  let testDb: TestDatabase;
  if (kind === 'pglite') {
    // Migrated: start from the dumped template. Not migrated: a truly empty PGlite.
    const template = inject('pgliteTemplatePath');
    const database = options.migrated === false || !template ? await openDatabase({ dataDir: 'memory' }) : await openPgliteFromTemplate(template);
    testDb = { database, dispose: () => database.close() };
  } else {
    const adminUrl = inject('postgresAdminUrl');
    if (!adminUrl) throw new Error('No test PostgreSQL: see tests/support/postgres-global-setup.ts');
    const name = `antt_test_${randomBytes(6).toString('hex')}`;
    await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    testDb = {
      database,
      async dispose() {
        await database.close();
        await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  if (options.migrated !== false) await migrate(testDb.database);
  return testDb;
}

const labels: Record<EngineKind, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

/**
 * Defines `define`'s tests once per engine (or only on `engines`), each over its own fresh,
 * migrated database shared by the tests of that block.
 */
export function forEachDatabase(
  title: string,
  define: (getDb: () => Database, kind: EngineKind) => void,
  options: { engines?: EngineKind[]; migrated?: boolean } = {},
): void {
  for (const kind of options.engines ?? (['pglite', 'postgres'] as const)) {
    const skipReason = kind === 'postgres' && !inject('postgresAdminUrl') ? inject('postgresSkipReason') : null;
    if (skipReason) {
      describe.skip(`${title} [${labels[kind]}] skipped: ${skipReason}`, () => define(() => unavailable(skipReason), kind));
      continue;
    }
    describe(`${title} [${labels[kind]}]`, () => {
      let testDb: TestDatabase | undefined;
      beforeAll(async () => {
        testDb = await createTestDatabase(kind, { migrated: options.migrated });
      });
      afterAll(async () => {
        await testDb?.dispose();
      });
      define(() => {
        if (!testDb) throw new Error('The test database is not ready (beforeAll failed?)');
        return testDb.database;
      }, kind);
    });
  }
}

function unavailable(reason: string): never {
  throw new Error(reason);
}
