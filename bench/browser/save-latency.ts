// Runs in real Chromium (real IndexedDB): fill the device database with N outreach logs, then time
// the app's save of a new entry (putRecord as the entry form calls it: validate, record + outbox
// in one transaction) many times. The references, in the same run: a raw IndexedDB put of the
// same record into a bare store (no indexes, no validation, no outbox) that holds as many rows;
// and the writes a save must make, raw: the record into a store with the field logs' indexes and
// its outbox row into a store with the outbox's indexes, in one transaction, the first store
// holding as many rows.
import '#src/client/app/zod-config.ts';
import { AnttDatabase } from '#src/client/db/database.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { FieldLog } from '#src/shared/domain/field-log.ts';

interface BenchResult {
  stored: number;
  fillMs: number;
  samplesMs: number[];
  rawSamplesMs: number[];
  rawIndexedSamplesMs: number[];
}

interface IndexSpec {
  name: string;
  keyPath: string | string[];
  multiEntry: boolean;
}

/** The indexes of a table of the app's database, as IndexedDB takes them. */
function indexesOf(db: AnttDatabase, table: string): IndexSpec[] {
  return db.table(table).schema.indexes.map((index) => ({ name: index.name, keyPath: index.keyPath as string | string[], multiEntry: index.multi === true }));
}

/** A database with a store `rows` (with `indexes`), and with `outbox` too when given its indexes. */
function openBare(name: string, indexes: IndexSpec[] = [], outboxIndexes?: IndexSpec[]): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const rows = request.result.createObjectStore('rows', { keyPath: 'id' });
      for (const index of indexes) rows.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry });
      if (outboxIndexes) {
        const outbox = request.result.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        for (const index of outboxIndexes) outbox.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The record and its outbox row, raw, in one transaction: the writes of a save without the app. */
function putRawWithOutbox(db: IDBDatabase, row: { id: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['rows', 'outbox'], 'readwrite');
    tx.objectStore('rows').put(row);
    tx.objectStore('outbox').add({ collection: 'fieldLog', recordId: row.id, op: 'put', data: row, base: 0, createdAt: new Date().toISOString() });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

function putRaw(db: IDBDatabase, rows: readonly unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('rows', 'readwrite');
    const store = tx.objectStore('rows');
    for (const row of rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/**
 * A reference: the same puts, one raw transaction each, into a store of `stored` rows: bare, or
 * (with `indexes`) with the field logs' indexes, each record with its outbox row.
 */
async function rawPutSamples(stored: number, samples: number, indexes?: { rows: IndexSpec[]; outbox: IndexSpec[] }): Promise<number[]> {
  const name = `bench-raw-${Date.now()}`;
  const bare = await openBare(name, indexes?.rows, indexes?.outbox);
  for (let done = 0; done < stored; done += 5000) {
    await putRaw(bare, Array.from({ length: Math.min(5000, stored - done) }, (_, i) => makeLog(done + i)));
  }
  const samplesMs: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const log = { ...makeLog(i), memberId };
    const start = performance.now();
    await (indexes ? putRawWithOutbox(bare, log) : putRaw(bare, [log]));
    samplesMs.push(performance.now() - start);
  }
  bare.close();
  indexedDB.deleteDatabase(name);
  return samplesMs;
}

const teamId = uuidv7();
const memberId = uuidv7();
const households = Array.from({ length: 400 }, () => uuidv7());

function makeLog(index: number): FieldLog {
  const day = new Date(Date.UTC(2026, 0, 1) + (index % 330) * 86_400_000).toISOString().slice(0, 10);
  const now = new Date().toISOString();
  return {
    id: uuidv7(), kind: 'outreach', teamId, memberId: index % 7 === 0 ? memberId : uuidv7(), date: day,
    householdIds: [households[index % households.length]!], agencyId: null, topic: 'Phòng chống lừa đảo qua mạng', form: 'home-visit',
    peopleReached: 3, note: '', reviewStatus: 'pending', reviewComment: '', reviewedBy: null, reviewedAt: null, photoIds: [], location: null, createdAt: now, updatedAt: now,
  };
}

async function run(stored: number, samples: number): Promise<BenchResult> {
  const status = document.getElementById('status')!;
  const db = new AnttDatabase(`bench-${Date.now()}`);
  await db.open();
  const fillStart = performance.now();
  for (let done = 0; done < stored; done += 5000) {
    const chunk = Array.from({ length: Math.min(5000, stored - done) }, (_, i) => makeLog(done + i));
    await db.fieldLog.bulkPut(chunk);
    status.textContent = `Đã nạp ${done + chunk.length}/${stored}`;
  }
  const fillMs = performance.now() - fillStart;
  const samplesMs: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const log = makeLog(i);
    const start = performance.now();
    await putRecord(db, 'fieldLog', { ...log, memberId }, new Date(), { isNew: true });
    samplesMs.push(performance.now() - start);
  }
  const count = await db.fieldLog.count();
  const indexes = { rows: indexesOf(db, 'fieldLog'), outbox: indexesOf(db, 'outbox') };
  db.close();
  await AnttDatabase.delete(db.name);
  status.textContent = 'Tham chiếu';
  const rawSamplesMs = await rawPutSamples(stored, samples);
  const rawIndexedSamplesMs = await rawPutSamples(stored, samples, indexes);
  status.textContent = 'Xong';
  return { stored: count, fillMs, samplesMs, rawSamplesMs, rawIndexedSamplesMs };
}

(window as unknown as { runSaveBench: typeof run }).runSaveBench = run;
