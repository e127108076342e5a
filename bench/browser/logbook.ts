// Runs in real Chromium (real IndexedDB): a team's 10,000 entries on the device, then opening
// the logbook screen (logbook-open.ts) and its reads: a filter change (index walks, keys only),
// building the search map once, a keystroke over that map, and the rows of one screen.
import { AnttDatabase } from '#src/client/db/database.ts';
import { getFieldLogsByIds, listLogbookIds, type LogbookFilter } from '#src/client/db/logbook-repository.ts';
import { entrySearchText } from '#src/client/features/entries/entry-summary.ts';
import { buildSearchIndex, filterBySearch } from '#src/client/features/entries/logbook-search.ts';
import type { Translate } from '#src/client/i18n/i18n-context.tsx';
import { vi } from '#src/client/i18n/vi.ts';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { timeLogbookOpen } from './logbook-open.ts';

const teamId = uuidv7();
const members = Array.from({ length: 8 }, () => uuidv7());
const topics = ['Phòng chống lừa đảo qua mạng', 'Phòng cháy, chữa cháy', 'An toàn giao thông', 'Phòng chống ma túy'];
const messages: Record<string, string> = vi;
const t: Translate = (key, params) => (messages[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole));

function makeEntry(index: number): FieldLog {
  const date = new Date(Date.UTC(2024, 0, 1) + (index % 700) * 86_400_000).toISOString().slice(0, 10);
  const base = {
    id: uuidv7(), teamId, memberId: members[index % members.length]!, date, note: index % 5 === 0 ? 'Họp tại nhà văn hóa ấp' : '',
    reviewStatus: (['pending', 'approved', 'returned'] as const)[index % 3]!, reviewComment: '', reviewedBy: null, reviewedAt: null,
    photoIds: [], location: null, createdAt: `${date}T02:00:00.000Z`, updatedAt: `${date}T02:00:00.000Z`,
  };
  if (index % 4 === 3) return { ...base, kind: 'good-deed', description: `Giúp đỡ gia đình số ${index}`, beneficiary: 'Xóm 2' };
  return { ...base, kind: 'outreach', householdIds: [uuidv7()], agencyId: null, topic: topics[index % topics.length]!, form: 'home-visit', peopleReached: 3 };
}

async function time<T>(runs: number, work: () => Promise<T> | T): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function run(stored: number) {
  const status = document.getElementById('status')!;
  const db = new AnttDatabase(`bench-logbook-${Date.now()}`);
  await db.open();
  for (let done = 0; done < stored; done += 5000) {
    await db.fieldLog.bulkPut(Array.from({ length: Math.min(5000, stored - done) }, (_, i) => makeEntry(done + i)));
    status.textContent = `Đã nạp ${done + 5000}/${stored}`;
  }
  const team: LogbookFilter = { scope: { kind: 'team', teamId }, kind: null, fromDay: null, toDay: null, reviewStatus: null, syncState: null };
  const all = await listLogbookIds(db, team);
  const textOf = (entry: FieldLog) => entrySearchText(entry, 'Tổ viên', t);
  const index = (await buildSearchIndex(db, all, textOf))!;
  const result = {
    stored: all.length,
    openMs: await timeLogbookOpen(db, teamId, 10),
    filterAllMs: await time(20, () => listLogbookIds(db, team)),
    filterKindStatusMs: await time(20, () => listLogbookIds(db, { ...team, kind: 'outreach', reviewStatus: 'approved', syncState: 'sent' })),
    buildIndexMs: await time(5, () => buildSearchIndex(db, all, textOf)),
    keystrokeMs: await time(50, () => filterBySearch(all, index, 'chay ap')),
    screenRowsMs: await time(50, () => getFieldLogsByIds(db, all.slice(400, 412))),
  };
  db.close();
  await AnttDatabase.delete(db.name);
  status.textContent = 'Xong';
  return result;
}

(window as unknown as { runLogbookBench: typeof run }).runLogbookBench = run;
