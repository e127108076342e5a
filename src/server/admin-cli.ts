/**
 * `npm run admin:create -- --province "Tỉnh Đồng Nai" --username quantri --name "Nguyễn Văn A"`:
 * creates a province admin (and the province when it does not exist) in DATABASE_URL or the
 * PGlite folder DATA_DIR, migrating first. The password comes from ADMIN_PASSWORD, or else is
 * read from standard input (typed, or piped: `printf '%s\n' "$PASS" | npm run admin:create …`),
 * so it never appears in the shell history or the process list. A weak password is refused.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { AdminSetupError, createProvinceAdmin } from './admin/create-province-admin.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';

const USAGE = 'Cách dùng: npm run admin:create -- --province "Tỉnh …" --username TEN --name "Họ tên"  (mật khẩu: biến ADMIN_PASSWORD hoặc nhập khi được hỏi)';

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu cho tài khoản quản trị: ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { province: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' } } });
  if (!values.province || !values.username) {
    console.error(USAGE);
    return 2;
  }
  const password = await readPassword();
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: process.env.DATA_DIR || './data' });
  try {
    await migrate(database);
    const result = await createProvinceAdmin(database, { province: values.province, username: values.username, displayName: values.name ?? values.username, password });
    console.info(`Đã tạo tài khoản quản trị “${values.username.toLowerCase()}” cho ${values.province}${result.isNewProvince ? ' (đơn vị mới)' : ''}.`);
    return 0;
  } catch (error) {
    if (error instanceof AdminSetupError) console.error(error.message);
    else console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
