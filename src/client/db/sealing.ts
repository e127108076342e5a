/**
 * Encryption at rest, in ONE place: a Dexie DBCore middleware (installed by AnttDatabase, below
 * every other middleware) that seals what a row of a restricted record holds as it is written
 * and opens it as it is read, whichever repository writes or reads: putRecord/putRecords, pulls,
 * the outbox's put-back, backup import, conflicts and set-aside refusals. What stays in clear is
 * only what the indexes and sync scopes need (ids, team, member, kind, date, review status).
 *
 * Which rows (sealingRules): field logs of restricted kinds (tips, reintegration visits);
 * outbox entries and refusals carrying such a record; conflicts in a restricted scope; drafts of
 * restricted kinds; every photo (a photo is taken before its entry is saved, so its kind is not
 * known yet). The key is the account's (key-ring.ts). Locked, a protected database refuses to
 * write such rows and reads yield them sealed: nothing of their content is readable.
 *
 * WebCrypto is asynchronous and an IndexedDB transaction commits when it has nothing pending,
 * so while a value is sealed or opened the middleware keeps the transaction alive with cheap
 * reads (as Dexie.waitFor does), and continues inside their success callbacks.
 */
import Dexie, { type DBCore, type DBCoreCursor, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { isRestrictedKind } from '#src/shared/domain/restricted-kinds.ts';
import { openBytes, sealBytes, type SealedBytes } from './data-key.ts';
import { keyFor } from './key-ring.ts';

/** The field a sealed row keeps its ciphertext in. */
export const SEALED_FIELD = '$sealed';

interface SealedValue extends SealedBytes {
  /** A photo's MIME type: its bytes are the sealed payload. */
  blobType?: string;
}

/** The app is locked: restricted rows cannot be written until the PIN is entered. */
export class LockedError extends Error {
  constructor() {
    super('Ứng dụng đang khoá: hãy nhập mã PIN.');
    this.name = 'LockedError';
  }
}

type Row = Record<string, unknown>;
interface SealingRule {
  isSealed: (row: Row) => boolean;
  /** Fields kept in clear (everything else is sealed), or the only fields sealed. */
  clear?: readonly string[];
  sealed?: readonly string[];
}

const isRestrictedEntry = (row: Row): boolean => typeof row.kind === 'string' && isRestrictedKind(row.kind);
const isRestrictedScope = (row: Row): boolean => typeof row.scope === 'string' && row.scope.startsWith('restricted:');

/** An outbox entry or refusal carrying a restricted entry, or a conflict about one. */
const carriesRestricted = (row: Row): boolean => {
  const data = row.data as Row | undefined;
  if (!data) return false;
  return row.collection === 'conflict' ? isRestrictedScope(data) : isRestrictedEntry(data);
};

/** A Blob's bytes (FileReader where Blob has no arrayBuffer(), as in jsdom). */
function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'));
    reader.readAsArrayBuffer(blob);
  });
}

/** Which rows of which tables are sealed, and what of them. */
export const sealingRules: Readonly<Record<string, SealingRule>> = {
  fieldLog: {
    isSealed: isRestrictedEntry,
    clear: ['id', 'teamId', 'memberId', 'kind', 'date', 'reviewStatus', 'householdIds', 'createdAt', 'updatedAt', 'serverVersion'],
  },
  outbox: { isSealed: carriesRestricted, sealed: ['data'] },
  rejections: { isSealed: carriesRestricted, sealed: ['data'] },
  conflict: { isSealed: isRestrictedScope, sealed: ['fields', 'choices'] },
  drafts: { isSealed: isRestrictedEntry, sealed: ['values'] },
  photos: { isSealed: (row) => row.blob instanceof Blob, sealed: ['blob'] },
};

function split(rule: SealingRule, row: Row): [clear: Row, hidden: Row] {
  const clear: Row = {};
  const hidden: Row = {};
  for (const [field, value] of Object.entries(row)) {
    const isClear = rule.clear ? rule.clear.includes(field) : !rule.sealed!.includes(field);
    (isClear ? clear : hidden)[field] = value;
  }
  return [clear, hidden];
}

async function seal(key: CryptoKey, table: string, rule: SealingRule, row: Row): Promise<Row> {
  const [clear, hidden] = split(rule, row);
  if (hidden.blob instanceof Blob) {
    const blob = hidden.blob;
    const bytes = new Uint8Array(await blobBytes(blob));
    const sealed: SealedValue = { ...(await sealBytes(key, bytes, table)), blobType: blob.type };
    return { ...clear, [SEALED_FIELD]: sealed };
  }
  const sealed: SealedValue = await sealBytes(key, new TextEncoder().encode(JSON.stringify(hidden)), table);
  return { ...clear, [SEALED_FIELD]: sealed };
}

async function open(key: CryptoKey, table: string, row: Row): Promise<Row> {
  const { [SEALED_FIELD]: sealedField, ...clear } = row;
  const sealed = sealedField as SealedValue;
  const bytes = await openBytes(key, sealed, table);
  if (sealed.blobType !== undefined) return { ...clear, blob: new Blob([bytes], { type: sealed.blobType }) };
  return { ...clear, ...(JSON.parse(new TextDecoder().decode(bytes)) as Row) };
}

const isSealedRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && SEALED_FIELD in value;

/**
 * Resolves with `work`'s outcome inside a success callback of the transaction, keeping it alive
 * meanwhile with reads of a key that cannot exist. A Dexie promise, so that the callers above
 * (Dexie's own middlewares, Collection.modify) continue in their transaction's zone.
 */
function whileAlive<T>(trans: DBCoreTransaction, work: Promise<T>): Promise<T> {
  const idb = trans as unknown as IDBTransaction;
  return new Dexie.Promise<T>((resolve, reject) => {
    let settle: (() => void) | null = null;
    work.then((value) => (settle = () => resolve(value)), (error: unknown) => (settle = () => reject(error instanceof Error ? error : new Error(String(error)))));
    const store = idb.objectStore(idb.objectStoreNames[0]!);
    const spin = (): void => {
      if (settle) return settle();
      try {
        store.get(-Infinity).onsuccess = spin;
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    spin();
  });
}

/** `f` of a value that may still be coming. */
function then<T, U>(value: T | Promise<T>, f: (value: T) => U | Promise<U>): U | Promise<U> {
  return value instanceof Promise || value instanceof Dexie.Promise ? (value as Promise<T>).then(f) : f(value);
}

function sealingTable(down: DBCoreTable, dbName: string, rule: SealingRule): DBCoreTable {
  const table = down.name;
  const openAll = (trans: DBCoreTransaction, rows: unknown[]): Promise<unknown[]> | unknown[] => {
    const key = keyFor(dbName);
    if (typeof key === 'string' || !rows.some(isSealedRow)) return rows;
    return whileAlive(trans, Promise.all(rows.map((row) => (isSealedRow(row) ? open(key, table, row) : row))));
  };
  const sealAll = (req: DBCoreMutateRequest): Promise<DBCoreMutateRequest> | DBCoreMutateRequest => {
    if (req.type !== 'add' && req.type !== 'put') return req;
    const needs = req.values.map((value) => typeof value === 'object' && value !== null && !isSealedRow(value) && rule.isSealed(value as Row));
    if (!needs.includes(true)) return req;
    const key = keyFor(dbName);
    if (key === 'clear') return req;
    if (key === 'locked') throw new LockedError();
    const values = Promise.all(req.values.map((value, i) => (needs[i] ? seal(key, table, rule, value as Row) : value)));
    return whileAlive(req.trans, values).then((sealed) => ({ ...req, values: sealed }));
  };
  // No async functions here: their native promises would leave Dexie's transaction zone.
  return {
    ...down,
    mutate: (req) => {
      let sealed: Promise<DBCoreMutateRequest> | DBCoreMutateRequest;
      try {
        sealed = sealAll(req);
      } catch (error) {
        return Dexie.Promise.reject(error);
      }
      return then(sealed, (ready) => down.mutate(ready)) as ReturnType<DBCoreTable['mutate']>;
    },
    get: (req) => down.get(req).then((row) => then(openAll(req.trans, [row]), (rows) => rows[0])),
    getMany: (req) => down.getMany(req).then((rows) => openAll(req.trans, rows)),
    query: (req) => down.query(req).then((response) => (req.values ? then(openAll(req.trans, response.result), (result) => ({ ...response, result })) : response)),
    openCursor: (req) => down.openCursor(req).then((cursor) => (cursor && req.values ? openingCursor(cursor, (row) => openAll(req.trans, [row])) : cursor)),
  };
}

/** A cursor whose `value` is opened before each step's callback runs. */
function openingCursor(cursor: DBCoreCursor, openRow: (row: unknown) => Promise<unknown[]> | unknown[]): DBCoreCursor {
  let value: unknown;
  return Object.create(cursor, {
    value: { get: () => value },
    // IDBCursor's own getters refuse any other receiver: read them on the cursor itself.
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    start: {
      value: (onNext: () => void) => cursor.start(() => {
        const opened = openRow(cursor.value);
        if (Array.isArray(opened)) {
          value = opened[0];
          return onNext();
        }
        void opened.then((rows) => {
          value = rows[0];
          try {
            onNext();
          } catch (error) {
            cursor.fail(error instanceof Error ? error : new Error(String(error)));
          }
        }, (error: Error) => cursor.fail(error));
      }),
    },
  }) as DBCoreCursor;
}

/** The middleware, for `db.use()`. Level -10: below Dexie's own, so they see clear rows. */
export const sealingMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'Sealing',
  level: -10,
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      const rule = sealingRules[name];
      return rule ? sealingTable(table, down.schema.name, rule) : table;
    },
  }),
};
