// Fixtures for the UI tests: a fresh device database per test (real Dexie on fake-indexeddb),
// a member's profile with two hamlets, households with Vietnamese names, and logs.
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { AnttDatabase } from '#src/client/db/database.ts';
import { DatabaseProvider } from '#src/client/db/database-context.tsx';
import type { Profile } from '#src/shared/domain/account.ts';
import type { Household } from '#src/shared/domain/household.ts';
import type { OutreachLog } from '#src/shared/domain/field-log.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';

export function freshDb(): AnttDatabase {
  return new AnttDatabase(`ui-test-${uuidv7()}`);
}

export function renderWithDb(db: AnttDatabase, ui: ReactNode) {
  return render(<DatabaseProvider db={db}>{ui}</DatabaseProvider>);
}

export const hamletEast = { id: uuidv7(), name: 'Thôn Đông', kind: 'hamlet' as const };
export const hamletWest = { id: uuidv7(), name: 'Thôn Tây', kind: 'hamlet' as const };
export const teamId = uuidv7();

export function memberProfile(overrides: { id?: string; displayName?: string } = {}): Profile {
  return {
    user: { id: overrides.id ?? uuidv7(), username: 'tovien', displayName: overrides.displayName ?? 'Hoàng Văn Tổ', role: 'member' },
    team: { id: teamId, name: 'Tổ bảo vệ ANTT thôn Đông' },
    hamlets: [hamletEast, hamletWest],
    orgUnits: [],
  };
}

export function household(headName: string, hamletId: string, address = ''): Household {
  return {
    id: uuidv7(), hamletId, headName, address, memberCount: 4,
    isRentalHousing: false, hasConditionalBusiness: false, mergedIntoId: null, updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Five households of the member's hamlets and one of a hamlet the member does not cover. */
export function villageHouseholds() {
  return {
    an: household('Nguyễn Văn An', hamletEast.id, 'Số 12, xóm 1'),
    binh: household('Nguyễn Thị Bình', hamletWest.id, 'Số 3, xóm 2'),
    cuong: household('Trần Văn Cường', hamletEast.id, 'Số 7, xóm 1'),
    dung: household('Lê Thị Dung', hamletWest.id, 'Số 9, xóm 3'),
    duc: household('Phạm Văn Đức', hamletEast.id, 'Số 15, đường Đê'),
    elsewhere: household('Nguyễn Văn Xa', uuidv7(), 'Thôn khác'),
  };
}

export function outreachLog(memberId: string, overrides: Partial<OutreachLog> = {}): OutreachLog {
  const now = new Date().toISOString();
  return {
    id: uuidv7(),
    kind: 'outreach',
    teamId,
    memberId,
    date: '2026-03-05',
    householdIds: [uuidv7()],
    agencyId: null,
    topic: 'Phòng chống lừa đảo qua mạng',
    form: 'home-visit',
    peopleReached: 3,
    note: '',
    reviewStatus: 'pending',
    reviewComment: '',
    reviewedBy: null,
    reviewedAt: null,
    photoIds: [],
    location: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}
