/**
 * The first account of a real deployment: `npm run admin:create` creates a province admin (and
 * the province) in an empty database, refusing weak passwords and taken usernames; the admin
 * then logs in and manages the new province.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#src/server/app.ts';
import { AdminSetupError, createProvinceAdmin } from '#src/server/admin/create-province-admin.ts';
import { adminPaths } from '#src/shared/domain/admin.ts';
import { call } from '../support/admin-fixtures.ts';
import { login, storedRecords } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const PASSWORD = 'Song-Be-chay-qua-9';

forEachDatabase('province admin setup', (getDb) => {
  beforeAll(async () => {
    await createProvinceAdmin(getDb(), { province: 'Tỉnh Bình Phước', username: 'QuanTri', displayName: 'Nguyễn Văn Quản', password: PASSWORD });
  });

  it('create the province and its admin, who logs in and manages it', async () => {
    const app = await buildApp({ database: getDb() });
    const admin = await login(app, 'quantri', PASSWORD);
    expect(admin.profile.user).toMatchObject({ role: 'province-admin', displayName: 'Nguyễn Văn Quản' });
    expect(admin.profile.orgUnits.map((u) => [u.kind, u.name])).toEqual([['province', 'Tỉnh Bình Phước']]);
    const created = await call(app, admin, 'POST', adminPaths.units, { parentId: admin.profile.orgUnits[0]!.id, kind: 'commune', name: 'Xã Tân Tiến' });
    expect(created.statusCode).toBe(201);
    expect((await storedRecords(getDb(), 'orgUnit')).map((r) => r.data?.name).sort()).toEqual(['Tỉnh Bình Phước', 'Xã Tân Tiến']);
    await app.close();
  });

  it('refuse a weak password, a taken username, and reuse an existing province by name', async () => {
    const weak = createProvinceAdmin(getDb(), { province: 'Tỉnh Bình Phước', username: 'quantri2', displayName: 'A', password: 'matkhau123' });
    await expect(weak).rejects.toThrow(/quá phổ biến/);
    const taken = createProvinceAdmin(getDb(), { province: 'Tỉnh Bình Phước', username: 'quantri', displayName: 'A', password: PASSWORD });
    await expect(taken).rejects.toBeInstanceOf(AdminSetupError);
    const second = await createProvinceAdmin(getDb(), { province: 'tỉnh bình phước', username: 'quantri2', displayName: 'Trần Thị Hai', password: PASSWORD });
    expect(second.isNewProvince).toBe(false);
  });
});

function runCli(args: string[], env: Record<string, string>, stdin: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/admin-cli.ts', ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
    child.stdin.end(stdin);
  });
}

describe('npm run admin:create', () => {
  it('read the password from stdin, refuse a weak one, then create the admin in a PGlite folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'antt-admin-'));
    const args = ['--province', 'Tỉnh Bình Phước', '--username', 'quantri', '--name', 'Nguyễn Văn Quản'];
    try {
      const weak = await runCli(args, { DATA_DIR: join(folder, 'data'), ADMIN_PASSWORD: '' }, '12345678\n');
      expect(weak.code).toBe(1);
      expect(weak.output).toContain('Mật khẩu không đạt');
      const good = await runCli(args, { DATA_DIR: join(folder, 'data'), ADMIN_PASSWORD: '' }, `${PASSWORD}\n`);
      expect(good.output).toContain('Đã tạo tài khoản quản trị “quantri” cho Tỉnh Bình Phước');
      expect(good.code).toBe(0);
      const again = await runCli(args, { DATA_DIR: join(folder, 'data'), ADMIN_PASSWORD: PASSWORD }, '');
      expect(again.code).toBe(1);
      expect(again.output).toContain('đã có người dùng');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
