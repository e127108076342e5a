/**
 * The server's one door to SQL. Two engines behind one small interface: PGlite (PostgreSQL in
 * WebAssembly, one process, a data folder or memory: a single machine with no database to run)
 * and node-postgres against a real PostgreSQL (`DATABASE_URL`, several servers). The same SQL and
 * the same migrations run on both.
 *
 * Transactions: on PostgreSQL a transaction holds one pooled client from BEGIN to COMMIT, so
 * every statement of `fn` runs on that connection. PGlite has a single connection; its own
 * `transaction()` queues other queries and transactions until this one ends. Inside `fn` use the
 * `tx` argument only: a query on the `Database` itself would wait for the transaction that is
 * waiting for it (on PGlite, forever).
 *
 * Values: bigint (int8) columns come back as JS numbers on both engines (change numbers stay far
 * below 2^53); timestamptz as Date; jsonb as parsed JSON.
 */
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /** One statement with `$1`-style parameters; returns its rows. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PGlite data folder, or 'memory' for a database that lives as long as the process. */
  dataDir?: string | 'memory';
  /** A PostgreSQL connection string; when set, `dataDir` is ignored. */
  databaseUrl?: string;
  /** Pool size on PostgreSQL. */
  maxConnections?: number;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections ?? 10);
  return openPglite(options.dataDir ?? 'memory');
}

const INT8_OID = 20;
const toNumber = (value: string) => Number(value);

/**
 * A PGlite with the same value conversions as the PostgreSQL pool (PGlite alone would return a
 * BigInt above 2^53 where pg returns a number). `loadDataDir`: start from a dumped data folder.
 */
export function newPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): PGlite {
  return new PGlite({ ...options, parsers: { [INT8_OID]: toNumber } });
}

async function openPglite(dataDir: string): Promise<Database> {
  return wrapPglite(newPglite(dataDir === 'memory' ? {} : { dataDir }));
}

/** A Database over a PGlite made by newPglite (tests start one from a dumped template). */
export async function wrapPglite(db: PGlite): Promise<Database> {
  await db.waitReady;
  const on = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await target.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...on(db),
    transaction: (fn) => db.transaction((tx) => fn(on(tx))),
    close: () => db.close(),
  };
}

const statementNames = new Map<string, string>();

/**
 * Parameterised statements run as named prepared statements on PostgreSQL: each connection
 * parses and plans one once, not on every push (the write statement's planning alone cost
 * more than its execution). The name is a hash of the text, so one text is one statement. The
 * SQL of this server is a fixed set of texts; a pooler in front of PostgreSQL must keep a
 * server connection per client connection (PgBouncer's session mode), as prepared statements
 * live on the connection.
 */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `antt_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

function openPostgres(connectionString: string, max: number): Database {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === INT8_OID ? toNumber : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client can lose its connection (PostgreSQL restarts); without a listener the
  // pool's 'error' event would crash the process. The next query gets a fresh connection.
  pool.on('error', (error) => console.error('PostgreSQL idle client error:', error.message));
  const on = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const result = params.length > 0 ? await target.query({ name: statementName(sql), text: sql, values: params }) : await target.query(sql);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...on(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is discarded rather than returned to the pool.
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
