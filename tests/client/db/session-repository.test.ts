// The session and the database's sync identity: a database is one account's, with a stable client id.
import { describe, expect, it } from 'vitest';
import { renderHook, waitFor, act } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { isUuid } from '#src/shared/domain/ids.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { DatabaseProvider } from '#src/client/db/database-context.tsx';
import { putRecord } from '#src/client/db/record-repository.ts';
import {
  clearSession,
  getClientId,
  getSession,
  saveSession,
  useSession,
} from '#src/client/db/session-repository.ts';
import { updateSyncStatus } from '#src/client/db/sync-state-repository.ts';
import { freshDatabase, outreachLog } from '../sync/support/fixtures.ts';

function profile(userId: string, username: string): Profile {
  return {
    user: { id: userId, username, displayName: 'Nguyễn Văn An', role: 'member' },
    team: { id: 'team-1', name: 'Tổ bảo vệ ANTT Ấp 1–2' },
    hamlets: [],
    orgUnits: [],
  };
}

const AN = profile('user-an', 'tovien');
const BINH = profile('user-binh', 'totruong');

function session(p: Profile, token = 'token-1') {
  return { token, expiresAt: '2030-01-01T00:00:00.000Z', profile: p, loggedInAt: '2025-03-14T01:00:00.000Z' };
}

/** Fills every table with something personal, plus a preference. */
async function fillDevice(db: AnttDatabase): Promise<void> {
  await putRecord(db, 'fieldLog', outreachLog());
  await db.meta.put({ key: 'cursor', value: 42 });
  await updateSyncStatus(db, { lastSuccessAt: '2025-03-14T01:00:00.000Z' });
  await db.rejections.add({ collection: 'fieldLog', recordId: 'x', reason: 'forbidden', message: 'Không có quyền', at: 'now' });
  await db.prefs.put({ key: 'textSize', value: 'large' });
}

describe('getClientId', () => {
  it('creates one UUIDv7 per device database and keeps it', async () => {
    const db = freshDatabase();
    const [first, concurrent] = await Promise.all([getClientId(db), getClientId(db)]);
    expect(isUuid(first)).toBe(true);
    expect(first[14]).toBe('7');
    expect(concurrent).toBe(first);
    expect(await getClientId(db)).toBe(first);
    expect(await getClientId(freshDatabase())).not.toBe(first);
  });
});

describe('saveSession', () => {
  it('keeps the data when the same user logs in again', async () => {
    const db = freshDatabase();
    await saveSession(db, session(AN));
    await fillDevice(db);
    const clientId = await getClientId(db);

    await saveSession(db, session(AN, 'token-2'));
    expect((await getSession(db))?.token).toBe('token-2');
    expect(await db.fieldLog.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    expect(await getClientId(db)).toBe(clientId);
  });

  it('refuses to store another account in a database (each account has its own)', async () => {
    const db = freshDatabase();
    await saveSession(db, session(AN));
    await fillDevice(db);
    await clearSession(db);
    await expect(saveSession(db, session(BINH))).rejects.toThrow('belongs to another account');
    expect(await db.outbox.count()).toBe(1);
    expect(await getSession(db)).toBeUndefined();
  });
});

describe('useSession', () => {
  it('is undefined while loading, then follows login and sign-out', async () => {
    const db = freshDatabase();
    const wrapper = ({ children }: { children: ReactNode }) => createElement(DatabaseProvider, { db, children });
    const { result } = renderHook(() => useSession(), { wrapper });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toBeNull());

    await act(() => saveSession(db, session(AN)));
    await waitFor(() => expect(result.current?.profile.user.displayName).toBe('Nguyễn Văn An'));
    await act(() => clearSession(db));
    await waitFor(() => expect(result.current).toBeNull());
  });
});
