import { expect, it } from 'vitest';
import { loadMigrations, migrate, MigrationError } from '#src/server/db/migrate.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const tableNames = [
  'audit_log', 'login_failures', 'member_syncs', 'org_epoch', 'org_units', 'photos', 'record_changes', 'records', 'restricted_scopes', 'retention_aggregates',
  'schema_migrations', 'scope_exits', 'sessions', 'sync_clients', 'sync_rejections', 'team_hamlets', 'teams', 'users',
];

forEachDatabase(
  'migrations',
  (getDb) => {
    it('apply every known migration to a fresh database, then nothing the second time', async () => {
      const known = loadMigrations().map((m) => m.name);
      expect(known[0]).toBe('0001_initial');

      expect(await migrate(getDb())).toEqual(known);
      const tables = await getDb().query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(tables.map((t) => t.name)).toEqual(tableNames);
      const applied = await getDb().query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      expect(applied.map((row) => row.name)).toEqual(known);

      expect(await migrate(getDb())).toEqual([]);
    });

    it('two servers migrating at once apply each migration exactly once', async () => {
      const results = await Promise.all([migrate(getDb()), migrate(getDb())]);
      expect(results.flat()).toEqual([]);
      // Test migrations numbered after every real one, whatever numbers the build ships.
      const extra = { name: '9001_add-notes', sql: 'CREATE TABLE notes (id int PRIMARY KEY);' };
      const both = await Promise.all([
        migrate(getDb(), { migrations: [...loadMigrations(), extra] }),
        migrate(getDb(), { migrations: [...loadMigrations(), extra] }),
      ]);
      expect(both.flat()).toEqual(['9001_add-notes']);
    });

    it('refuse to start when the applied migrations are not a prefix of the known ones', async () => {
      // The database now holds the real migrations and 9001_add-notes; a build that knows them and
      // a different 9001 must not run against it, nor a build that does not know 9001 at all.
      const other = { name: '9001_other-change', sql: 'CREATE TABLE other (id int);' };
      await expect(migrate(getDb(), { migrations: [...loadMigrations(), other] })).rejects.toBeInstanceOf(MigrationError);
      await expect(migrate(getDb())).rejects.toThrow(/not a prefix/);
      const tables = await getDb().query("SELECT 1 FROM information_schema.tables WHERE table_name = 'other'");
      expect(tables).toHaveLength(0);
    });

    it('roll a failing migration back whole, recording nothing', async () => {
      const broken = { name: '9002_broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();' };
      const migrations = [...loadMigrations(), { name: '9001_add-notes', sql: '' }, broken];
      await expect(migrate(getDb(), { migrations })).rejects.toThrow();
      const tables = await getDb().query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
      expect(tables).toHaveLength(0);
      const applied = await getDb().query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      expect(applied.map((row) => row.name)).toEqual([...loadMigrations().map((m) => m.name), '9001_add-notes']);
    });
  },
  { migrated: false },
);
