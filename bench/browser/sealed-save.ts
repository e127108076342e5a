// Runs in real Chromium (real IndexedDB, real WebCrypto): the app's save path (putRecord) for a
// tip, in a database without a PIN (stored in clear) and in an unlocked one (sealed by the
// sealing middleware: record and outbox entry encrypted with AES-GCM). Saves alternate between
// the two so that both see the same machine; each database already holds `stored` tips.
import { AnttDatabase } from '#src/client/db/database.ts';
import { createDataKey, PBKDF2_ITERATIONS, toNonExtractable, unwrapDataKey, wrapDataKey } from '#src/client/db/data-key.ts';
import { unlockDatabase } from '#src/client/db/key-ring.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';

interface SealedBenchResult {
  stored: number;
  clearMs: number[];
  sealedMs: number[];
  /** Unlocking with a PIN (PBKDF2 at the shipped iteration count, then the unwrap). */
  unlockMs: number[];
}

async function timeUnlocks(count: number): Promise<number[]> {
  const wrapped = await wrapDataKey(await createDataKey(), '246810');
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    if (!(await unwrapDataKey(wrapped, '246810'))) throw new Error('the PIN did not unwrap its key');
    times.push(performance.now() - start);
  }
  return times;
}

const teamId = uuidv7();
const memberId = uuidv7();

function makeTip(index: number): Record<string, unknown> {
  const day = new Date(Date.UTC(2026, 0, 1) + (index % 330) * 86_400_000).toISOString().slice(0, 10);
  const now = new Date().toISOString();
  return {
    id: uuidv7(), kind: 'tip', teamId, memberId, date: day, receivedAt: `${day}T01:00:00.000Z`, isAnonymous: false, sourceName: 'Bà Lê Thị Hoa',
    content: 'Có người lạ hỏi mua xe máy cũ không giấy tờ ở khu chợ, đi xe không biển số, hẹn gặp lại tối thứ Bảy.',
    passedToPoliceAt: null, isUrgent: false, urgentContact: null,
    note: '', reviewStatus: 'pending', reviewComment: '', reviewedBy: null, reviewedAt: null, photoIds: [], location: null, createdAt: now, updatedAt: now,
  };
}

async function timeSave(db: AnttDatabase, index: number): Promise<number> {
  const start = performance.now();
  await putRecord(db, 'fieldLog', makeTip(index), new Date(), { isNew: true });
  return performance.now() - start;
}

async function run(stored: number, samples: number): Promise<SealedBenchResult> {
  const status = document.getElementById('status')!;
  const clear = new AnttDatabase(`bench-clear-${Date.now()}`);
  const sealed = new AnttDatabase(`bench-sealed-${Date.now()}`);
  unlockDatabase(sealed.name, await toNonExtractable(await createDataKey()));
  for (const db of [clear, sealed]) {
    await db.open();
    for (let done = 0; done < stored; done += 1000) {
      await db.fieldLog.bulkPut(Array.from({ length: Math.min(1000, stored - done) }, (_, i) => makeTip(done + i)) as never[]);
    }
  }
  status.textContent = 'Đang đo';
  for (let i = 0; i < 20; i += 1) {
    await timeSave(clear, i);
    await timeSave(sealed, i);
  }
  const clearMs: number[] = [];
  const sealedMs: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    clearMs.push(await timeSave(clear, i));
    sealedMs.push(await timeSave(sealed, i));
  }
  const count = await sealed.fieldLog.count();
  for (const db of [clear, sealed]) {
    db.close();
    await AnttDatabase.delete(db.name);
  }
  const unlockMs = await timeUnlocks(7);
  status.textContent = `Xong (${PBKDF2_ITERATIONS} vòng PBKDF2)`;
  return { stored: count, clearMs, sealedMs, unlockMs };
}

(window as unknown as { runSealedSaveBench: typeof run }).runSealedSaveBench = run;
