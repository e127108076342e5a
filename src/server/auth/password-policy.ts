/**
 * What a new password must be: at least 8 characters (the shared schema), not the username, and
 * not in the list of common passwords (common-passwords.txt: Vietnamese favourites and the most
 * common passwords worldwide). Checked whenever a password is set: account creation, CSV import,
 * reset by commune police, change by the user, the admin CLI. Logins never check it, so the
 * demo accounts' published password keeps working on a demo server while no real account can
 * be given it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newPasswordSchema } from '#src/shared/domain/admin.ts';

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return common;
}

/** The Vietnamese reason a password is refused, or null when it is good enough. */
export function passwordProblem(password: string, username?: string): string | null {
  const shape = newPasswordSchema.safeParse(password);
  if (!shape.success) return shape.error.issues[0]?.message ?? 'Mật khẩu không hợp lệ';
  const folded = password.normalize('NFC').toLowerCase();
  if (username && folded === username.trim().toLowerCase()) return 'Mật khẩu không được trùng tên đăng nhập';
  if (commonPasswords().has(folded)) return 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác';
  return null;
}
