/**
 * The first account of a real deployment (DEMO_DATA=false): a province admin, with the province
 * unit created when it does not exist yet (found by name otherwise). One transaction; the
 * province is published to devices like any organisation change. Refuses a weak password and
 * a username that is taken.
 */
import { hashPassword } from '#src/server/auth/password-hashing.ts';
import { passwordProblem } from '#src/server/auth/password-policy.ts';
import { insertAccount, isUsernameTaken } from '#src/server/db/accounts-repository.ts';
import type { Database } from '#src/server/db/database.ts';
import { publishOrgChanges } from '#src/server/db/org-records-repository.ts';
import { findUnitByName, insertUnit } from '#src/server/db/units-repository.ts';
import { displayNameSchema, usernameSchema } from '#src/shared/domain/admin.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';

export class AdminSetupError extends Error {
  override name = 'AdminSetupError';
}

export interface ProvinceAdminInput {
  province: string;
  username: string;
  displayName: string;
  password: string;
}

export async function createProvinceAdmin(database: Database, input: ProvinceAdminInput, now: Date = new Date()): Promise<{ userId: string; provinceId: string; isNewProvince: boolean }> {
  const province = input.province.trim();
  if (!province) throw new AdminSetupError('Thiếu tên tỉnh (--province "Tỉnh …").');
  const username = usernameSchema.safeParse(input.username);
  if (!username.success) throw new AdminSetupError(username.error.issues[0]?.message ?? 'Tên đăng nhập không hợp lệ');
  const displayName = displayNameSchema.safeParse(input.displayName);
  if (!displayName.success) throw new AdminSetupError(displayName.error.issues[0]?.message ?? 'Họ tên không hợp lệ');
  const problem = passwordProblem(input.password, username.data);
  if (problem) throw new AdminSetupError(`Mật khẩu không đạt: ${problem}.`);
  const passwordHash = await hashPassword(input.password);
  return database.transaction(async (tx) => {
    if (await isUsernameTaken(tx, username.data)) throw new AdminSetupError(`Tên đăng nhập “${username.data}” đã có người dùng.`);
    const existing = await findUnitByName(tx, null, 'province', province);
    const provinceId = existing?.id ?? uuidv7(now.getTime());
    if (!existing) await insertUnit(tx, { id: provinceId, parentId: null, kind: 'province', name: province }, now);
    const userId = uuidv7(now.getTime());
    await insertAccount(tx, { id: userId, username: username.data, displayName: displayName.data, role: 'province-admin', teamId: null, orgUnitId: provinceId, passwordHash });
    await publishOrgChanges(tx, { unitIds: [provinceId] }, null, now);
    return { userId, provinceId, isNewProvince: !existing };
  });
}
