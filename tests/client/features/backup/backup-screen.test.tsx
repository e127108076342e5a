// Settings › Sao lưu dữ liệu on a real device database: export makes a file of everything the
// account has on the phone; import shows what a file holds, and lands it only after the user
// confirms; a file of another account, a file that is no backup, or a full phone get a clear
// Vietnamese sentence and change nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { App } from '#src/client/app/App.tsx';
import { BackupSecretError, decodeBackup, encodeBackup } from '#src/client/db/backup-file.ts';
import { setUpAppLock } from '#src/client/db/app-lock.ts';
import { exportBackup } from '#src/client/db/backup-repository.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { saveSession } from '#src/client/db/session-repository.ts';
import { BackupScreen } from '#src/client/features/backup/components/backup-screen.tsx';
import type { Profile } from '#src/shared/domain/account.ts';
import { freshDb, freshDevice, hamletEast, household, memberProfile, outreachLog, renderApp, renderWithDb, signedInPhone, TEST_PIN } from '../test-kit.tsx';
import { BACKUP_PASSWORD, passwordSeal } from '../../db/support/backup-seal.ts';

const profile = memberProfile({ displayName: 'Nguyễn Văn An' });

async function signedIn(who: Profile = profile): Promise<AnttDatabase> {
  const db = freshDb();
  await saveSession(db, { token: 'token-1', expiresAt: '2099-01-01T00:00:00.000Z', profile: who, loggedInAt: '2026-03-01T00:00:00.000Z' });
  return db;
}

/** A phone with a household and two synced logs, and one log not yet sent. */
async function usedPhone(): Promise<AnttDatabase> {
  const db = await signedIn();
  await db.household.put({ ...household('Trần Văn Ba', hamletEast.id), serverVersion: 3 });
  await db.fieldLog.bulkPut([{ ...outreachLog(profile.user.id), serverVersion: 5 }, { ...outreachLog(profile.user.id), serverVersion: 6 }]);
  await putRecord(db, 'fieldLog', outreachLog(profile.user.id, { topic: 'Chưa gửi' }));
  return db;
}

/** A backup file of an earlier build (format 1: plain JSON), which still imports. */
async function backupFileOf(db: AnttDatabase, name = 'sao-luu.json'): Promise<File> {
  const file = await exportBackup(db, new Date('2026-03-04T03:05:00.000Z'));
  return new File([JSON.stringify(file)], name, { type: 'application/json' });
}

/** An encrypted backup file (format 2) made on another phone of the account. */
async function encryptedFileOf(db: AnttDatabase): Promise<File> {
  const encoded = await encodeBackup(await exportBackup(db, new Date('2026-03-04T03:05:00.000Z')), await passwordSeal());
  return new File([encoded.bytes], encoded.fileName, { type: encoded.mimeType });
}

let downloads: Blob[];

beforeEach(() => {
  downloads = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    downloads.push(blob);
    return 'blob:sao-luu';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function blobBytes(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });
}

describe('backup export', () => {
  it("downloads a file holding every record of the account and the unsent changes, and says what is in it", async () => {
    const db = await usedPhone();
    const device = freshDevice();
    await setUpAppLock(device, { userId: profile.user.id, dbName: db.name }, TEST_PIN, BACKUP_PASSWORD, { iterations: 1000 });
    const user = userEvent.setup();
    renderWithDb(db, <BackupScreen />, device);
    expect(screen.getByRole('heading', { name: 'Sao lưu dữ liệu' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Tạo tệp sao lưu' }));

    expect(await screen.findByText(/^Đã tạo tệp so-tay-antt-tovien-\d{4}-\d{2}-\d{2}\.json\.gz: 4 bản ghi, 1 mục chưa gửi\.$/)).toHaveAttribute('role', 'status');
    expect(HTMLAnchorElement.prototype.click).toHaveBeenCalledTimes(1);
    const bytes = await blobBytes(downloads[0]!);
    await expect(decodeBackup(bytes)).rejects.toBeInstanceOf(BackupSecretError);
    const file = await decodeBackup(bytes, { secret: BACKUP_PASSWORD });
    expect(file.collections.fieldLog).toHaveLength(3);
    expect(file.collections.household).toHaveLength(1);
    expect(file.outbox).toHaveLength(1);
  });
});

describe('backup import', () => {
  it('asks for the password to open an encrypted file from another phone, and says when it is wrong', async () => {
    const file = await encryptedFileOf(await usedPhone());
    const db = await signedIn();
    const user = userEvent.setup();
    renderWithDb(db, <BackupScreen />);

    await user.upload(screen.getByLabelText('Chọn tệp sao lưu'), file);
    const password = await screen.findByLabelText('Mật khẩu của tài khoản');
    expect(password).toHaveAccessibleDescription(/Tệp sao lưu này đã được mã hoá/);
    await user.type(password, 'sai-mat-khau');
    await user.click(screen.getByRole('button', { name: 'Mở tệp' }));
    expect(await screen.findByText(/Mật khẩu không mở được tệp sao lưu này/)).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Mật khẩu của tài khoản'));
    await user.type(screen.getByLabelText('Mật khẩu của tài khoản'), BACKUP_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Mở tệp' }));

    const preview = await screen.findByRole('group', { name: 'Tệp sao lưu của Nguyễn Văn An, tạo lúc 04/03/2026 10:05' });
    expect(within(preview).getAllByRole('listitem').map((item) => item.textContent)).toContain('Nhật ký tuyên truyền: 3');
    expect(screen.queryByLabelText('Mật khẩu của tài khoản')).toBeNull();
  });

  it('shows what the file holds, then imports it on this phone once confirmed', async () => {
    const file = await backupFileOf(await usedPhone());
    const db = await signedIn();
    const user = userEvent.setup();
    renderWithDb(db, <BackupScreen />);

    await user.upload(screen.getByLabelText('Chọn tệp sao lưu'), file);

    const preview = await screen.findByRole('group', { name: 'Tệp sao lưu của Nguyễn Văn An, tạo lúc 04/03/2026 10:05' });
    expect(within(preview).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Hộ gia đình: 1', 'Nhật ký tuyên truyền: 3', 'Mục chưa gửi: 1', 'Mục máy chủ đã từ chối: 0',
    ]);
    expect(await db.fieldLog.count()).toBe(0);

    await user.click(within(preview).getByRole('button', { name: 'Nhập dữ liệu' }));

    expect(await screen.findByText('Đã nhập: 4 bản ghi mới, 0 bản ghi được cập nhật, 1 mục sẽ được gửi lên máy chủ.')).toBeInTheDocument();
    expect(screen.queryByRole('group')).toBeNull();
    expect(await db.fieldLog.count()).toBe(3);
    expect(await db.outbox.count()).toBe(1);
  });

  it('imports nothing when the user cancels', async () => {
    const file = await backupFileOf(await usedPhone());
    const db = await signedIn();
    const user = userEvent.setup();
    renderWithDb(db, <BackupScreen />);
    await user.upload(screen.getByLabelText('Chọn tệp sao lưu'), file);
    await user.click(await screen.findByRole('button', { name: 'Hủy' }));

    expect(screen.queryByRole('group')).toBeNull();
    expect(await db.fieldLog.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it("refuses a backup of another account, saying whose it is", async () => {
    const file = await backupFileOf(await usedPhone());
    const db = await signedIn(memberProfile({ displayName: 'Người Khác' }));
    const user = userEvent.setup();
    renderWithDb(db, <BackupScreen />);
    await user.upload(screen.getByLabelText('Chọn tệp sao lưu'), file);
    await user.click(await screen.findByRole('button', { name: 'Nhập dữ liệu' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Không thực hiện được: Tệp sao lưu này của tài khoản “tovien”, không phải tài khoản đang đăng nhập. Hãy đăng nhập bằng tài khoản đó để nhập.');
    expect(await db.fieldLog.count()).toBe(0);
  });

  it('says so when the chosen file is not a backup', async () => {
    const db = await signedIn();
    // `accept` is only a hint: a phone's file picker lets the user choose any file.
    const user = userEvent.setup({ applyAccept: false });
    renderWithDb(db, <BackupScreen />);
    await user.upload(screen.getByLabelText('Chọn tệp sao lưu'), new File(['ten_to,ap\nTổ 1,Ấp 1'], 'to.csv', { type: 'text/csv' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Không thực hiện được: Tệp này không phải tệp sao lưu của Sổ tay ANTT, hoặc đã bị hỏng.');
    expect(screen.queryByRole('button', { name: 'Nhập dữ liệu' })).toBeNull();
  });

  it('tells the user the phone is full, imports nothing, and imports once space is freed', async () => {
    const file = await backupFileOf(await usedPhone());
    const db = await signedIn();
    let isFull = true;
    db.fieldLog.hook('creating', () => {
      if (isFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const user = userEvent.setup();
    renderWithDb(db, <BackupScreen />);
    await user.upload(screen.getByLabelText('Chọn tệp sao lưu'), file);
    await user.click(await screen.findByRole('button', { name: 'Nhập dữ liệu' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/^Bộ nhớ máy đã đầy nên chưa lưu được\./);
    expect(await db.household.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);

    isFull = false;
    await user.click(screen.getByRole('button', { name: 'Nhập dữ liệu' }));
    expect(await screen.findByText(/^Đã nhập: 4 bản ghi mới/)).toBeInTheDocument();
  });
});

describe('the backup screen in the app', () => {
  it('opens from Settings and has no axe violations with a preview shown', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    const file = await backupFileOf(await usedPhone());
    const { device } = await signedInPhone(profile);
    const user = userEvent.setup();
    renderApp(device, <App />, '/cai-dat');
    await user.click(await screen.findByRole('link', { name: 'Sao lưu dữ liệu' }));
    expect(await screen.findByRole('heading', { name: 'Sao lưu dữ liệu', level: 1 })).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Chọn tệp sao lưu'), file);
    await screen.findByRole('group');

    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, 'label-content-name-mismatch': { enabled: false } } });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    vi.unstubAllGlobals();
  });
});
