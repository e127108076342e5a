// Fixtures for the UI tests: a fresh device database per test (real Dexie on fake-indexeddb),
// a member's profile with two hamlets, households with Vietnamese names, and logs.
import type { ReactNode } from 'react';
import { render, screen, within } from '@testing-library/react';
import { AnttDatabase } from '#src/client/db/database.ts';
import { DatabaseProvider } from '#src/client/db/database-context.tsx';
import { DeviceDatabase } from '#src/client/db/device-database.ts';
import { DeviceProvider } from '#src/client/db/device-context.tsx';
import { saveSession } from '#src/client/db/session-repository.ts';
import { setUpAppLock } from '#src/client/db/app-lock.ts';
import type { Profile, Role } from '#src/shared/domain/account.ts';
import type { Household } from '#src/shared/domain/household.ts';
import type { OutreachLog } from '#src/shared/domain/field-log.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';

export function freshDb(): AnttDatabase {
  return new AnttDatabase(`ui-test-${uuidv7()}`);
}

/** The phone's own database (accounts, preferences), fresh. */
export function freshDevice(): DeviceDatabase {
  return new DeviceDatabase(`ui-test-device-${uuidv7()}`);
}

/** A screen over an account database (and a phone database, fresh unless given). */
export function renderWithDb(db: AnttDatabase, ui: ReactNode, device: DeviceDatabase = freshDevice()) {
  return render(<DeviceProvider device={device}><DatabaseProvider db={db}>{ui}</DatabaseProvider></DeviceProvider>);
}

/** The PIN test phones are locked with. */
export const TEST_PIN = '246810';

/**
 * A phone where `profile` signed in: its account database registered, active, with a session,
 * its PIN set (few PBKDF2 iterations: a test) and unlocked.
 */
export async function signedInPhone(profile: Profile): Promise<{ device: DeviceDatabase; db: AnttDatabase }> {
  const device = freshDevice();
  const db = freshDb();
  await saveSession(db, { token: 'token-1', expiresAt: '2099-01-01T00:00:00.000Z', profile, loggedInAt: '2026-03-01T00:00:00.000Z' });
  const { id, username, displayName } = profile.user;
  await device.accounts.put({ userId: id, username, displayName, dbName: db.name, lastActiveAt: '2026-03-01T00:00:00.000Z' });
  await device.meta.put({ key: 'activeUserId', value: id });
  await setUpAppLock(device, { userId: id, dbName: db.name }, TEST_PIN, null, { iterations: 1000 });
  return { device, db };
}

/** The whole app on a phone, at `path`. */
export function renderApp(device: DeviceDatabase, ui: ReactNode, path = '/') {
  window.history.pushState(null, '', path);
  return render(<DeviceProvider device={device}>{ui}</DeviceProvider>);
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

export const commune = { id: uuidv7(), name: 'Xã Tân Lập', kind: 'commune' as const };
export const province = { id: uuidv7(), name: 'Tỉnh Đồng Nai', kind: 'province' as const };
export const otherTeamId = uuidv7();

/** A profile of any role, as the server sends it: a team for members and leaders, the supervised teams otherwise. */
export function profileOf(role: Role, displayName = 'Người dùng thử'): Profile {
  const user = { id: uuidv7(), username: role, displayName, role };
  if (role === 'member' || role === 'leader') {
    return { user, team: { id: teamId, name: 'Tổ bảo vệ ANTT thôn Đông' }, hamlets: [hamletEast, hamletWest], orgUnits: [commune, province], teams: [] };
  }
  const teams = [
    { id: teamId, name: 'Tổ bảo vệ ANTT thôn Đông', communeId: commune.id },
    { id: otherTeamId, name: 'Tổ bảo vệ ANTT thôn Tây', communeId: commune.id },
  ];
  const orgUnits = role === 'commune-police' ? [commune, province] : [province, { ...commune, parentId: province.id }];
  return { user, team: null, hamlets: [hamletEast, hamletWest], orgUnits, teams };
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

/** The whole app on a phone where `profile` signed in, at `path`, after `fill` wrote the account's data. */
export async function openAppAs(profile: Profile, path: string, fill: (db: AnttDatabase) => Promise<unknown> = async () => undefined): Promise<AnttDatabase> {
  const { device, db } = await signedInPhone(profile);
  await fill(db);
  const { App } = await import('#src/client/app/App.tsx');
  renderApp(device, <App />, path);
  return db;
}

/**
 * The plan editor's name field, found inside its "Thông tin chung" section. The editor holds
 * about 1,200 elements with 170 labels; a label query over all of them takes seconds in jsdom
 * (each element's labels are looked up by walking the whole document).
 */
export async function findPlanNameField(): Promise<HTMLElement> {
  return within(await screen.findByRole('region', { name: 'Thông tin chung' })).getByLabelText('Tên kế hoạch');
}
