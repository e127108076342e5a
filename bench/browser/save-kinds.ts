// Runs in real Chromium (real IndexedDB): fill the device database with N entries of every kind,
// then time the app's save path (putRecord: validate, record + outbox in one transaction) for
// each kind many times.
import '#src/client/app/zod-config.ts';
import { AnttDatabase } from '#src/client/db/database.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { fieldLogKinds, type FieldLog, type FieldLogKind } from '#src/shared/domain/field-log.ts';
import { validEntries } from '../../tests/shared/kinds/entry-fixtures.ts';

interface BenchResult {
  stored: number;
  fillMs: number;
  samplesMs: Record<FieldLogKind, number[]>;
}

const teamId = uuidv7();
const memberId = uuidv7();
const households = Array.from({ length: 400 }, () => uuidv7());

/** Entry `index` of the fill: every kind in turn, a seventh of them by the bench's member. */
function makeLog(index: number): FieldLog {
  const kind = fieldLogKinds[index % fieldLogKinds.length]!;
  const day = new Date(Date.UTC(2026, 0, 1) + (index % 330) * 86_400_000).toISOString().slice(0, 10);
  const entry = { ...validEntries[kind], id: uuidv7(), teamId, memberId: index % 7 === 0 ? memberId : uuidv7(), date: day } as FieldLog;
  return entry.kind === 'outreach' ? { ...entry, householdIds: [households[index % households.length]!] } : entry;
}

async function run(stored: number, samplesPerKind: number): Promise<BenchResult> {
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
  const samplesMs = Object.fromEntries(fieldLogKinds.map((kind) => [kind, [] as number[]])) as Record<FieldLogKind, number[]>;
  // Kinds interleaved, so a slow moment of the machine does not land on one kind only.
  for (let i = 0; i < samplesPerKind; i += 1) {
    for (const kind of fieldLogKinds) {
      const entry = { ...validEntries[kind], id: uuidv7(), teamId, memberId };
      const start = performance.now();
      await putRecord(db, 'fieldLog', entry, new Date(), { isNew: true });
      samplesMs[kind].push(performance.now() - start);
    }
  }
  const count = await db.fieldLog.count();
  db.close();
  await AnttDatabase.delete(db.name);
  status.textContent = 'Xong';
  return { stored: count, fillMs, samplesMs };
}

(window as unknown as { runSaveKindsBench: typeof run }).runSaveKindsBench = run;
