// Test fixtures for the sync tests: a fresh device database per test and valid field logs.
import { afterEach } from 'vitest';
import { AnttDatabase } from '#src/client/db/database.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { OutreachLog } from '#src/shared/domain/field-log.ts';

const opened: AnttDatabase[] = [];

/** A new, empty device database with a unique name; deleted after the test. */
export function freshDatabase(label = 'device'): AnttDatabase {
  const db = new AnttDatabase(`test-${label}-${uuidv7()}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  const dbs = opened.splice(0);
  await Promise.all(dbs.map((db) => db.delete()));
});

export const TEAM_ID = '0190a000-0000-7000-8000-000000000001';
export const MEMBER_ID = '0190a000-0000-7000-8000-000000000002';
export const OTHER_MEMBER_ID = '0190a000-0000-7000-8000-000000000003';
export const HOUSEHOLD_ID = '0190a000-0000-7000-8000-000000000004';

/** A valid outreach log (tuyên truyền) of MEMBER_ID unless overridden. */
export function outreachLog(overrides: Partial<OutreachLog> = {}): OutreachLog {
  return {
    id: uuidv7(),
    teamId: TEAM_ID,
    memberId: MEMBER_ID,
    kind: 'outreach',
    date: '2025-03-14',
    note: '',
    reviewStatus: 'pending',
    reviewComment: '',
    reviewedBy: null,
    reviewedAt: null,
    photoIds: [],
    location: null,
    householdIds: [HOUSEHOLD_ID],
    agencyId: null,
    topic: 'Phòng chống lừa đảo qua mạng',
    form: 'home-visit',
    peopleReached: 3,
    createdAt: '2025-03-14T02:00:00.000Z',
    updatedAt: '2025-03-14T02:00:00.000Z',
    ...overrides,
  };
}
