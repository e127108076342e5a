// Devices for integration tests: a Dexie database signed in as a demo account, and field logs
// that the account may write.
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import type { LoginResponse } from '#src/shared/domain/account.ts';
import type { OutreachLog } from '#src/shared/domain/field-log.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import type { HttpTransport } from '#src/client/sync/http-transport.ts';
import { freshDatabase } from './fixtures.ts';
import { deviceTransport, signIn, type TestServer } from './server-harness.ts';

export interface Device {
  db: AnttDatabase;
  transport: HttpTransport;
  session: LoginResponse;
}

export async function openDevice(server: TestServer, session: LoginResponse, label: string): Promise<Device> {
  const db = freshDatabase(label);
  await signIn(db, session);
  return { db, transport: deviceTransport(server, db), session };
}

/** A valid outreach log by the device's user, in team Ấp 1–2. */
export function memberLog(session: LoginResponse, householdIds: string[], overrides: Partial<OutreachLog> = {}): OutreachLog {
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    teamId: DEMO_IDS.teamAp12,
    memberId: session.profile.user.id,
    kind: 'outreach',
    date: '2025-03-14',
    note: '',
    reviewStatus: 'pending',
    reviewComment: '',
    reviewedBy: null,
    reviewedAt: null,
    photoIds: [],
    location: null,
    householdIds,
    agencyId: null,
    topic: 'Tuyên truyền phòng chống ma túy',
    form: 'home-visit',
    peopleReached: 2,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
