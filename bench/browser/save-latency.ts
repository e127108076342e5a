// Runs in real Chromium (real IndexedDB): fill the device database with N outreach logs, then time
// the app's save path (putRecord: validate, record + outbox in one transaction) many times. The
// reference, in the same run: a raw IndexedDB put of the same record into a bare store (no
// indexes, no validation, no outbox) that holds as many rows.
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
}

function openBare(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('rows', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
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

/** The reference: the same puts, one raw transaction each, into a bare store of `stored` rows. */
async function rawPutSamples(stored: number, samples: number): Promise<number[]> {
  const name = `bench-raw-${Date.now()}`;
  const bare = await openBare(name);
  for (let done = 0; done < stored; done += 5000) {
    await putRaw(bare, Array.from({ length: Math.min(5000, stored - done) }, (_, i) => makeLog(done + i)));
  }
  const samplesMs: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const log = { ...makeLog(i), memberId };
    const start = performance.now();
    await putRaw(bare, [log]);
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
    await putRecord(db, 'fieldLog', { ...log, memberId });
    samplesMs.push(performance.now() - start);
  }
  const count = await db.fieldLog.count();
  db.close();
  await AnttDatabase.delete(db.name);
  status.textContent = 'Tham chiếu';
  const rawSamplesMs = await rawPutSamples(stored, samples);
  status.textContent = 'Xong';
  return { stored: count, fillMs, samplesMs, rawSamplesMs };
}

(window as unknown as { runSaveBench: typeof run }).runSaveBench = run;
