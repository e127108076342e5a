// A backup seal as an unlocked phone has one (backup-file.ts): a data key and that key wrapped
// by the account's password (few PBKDF2 iterations: a test).
import type { BackupSeal } from '#src/client/db/backup-file.ts';
import { createDataKey, toNonExtractable, wrapDataKey } from '#src/client/db/data-key.ts';

export const BACKUP_PASSWORD = 'antt2026';

export async function passwordSeal(password: string = BACKUP_PASSWORD): Promise<BackupSeal> {
  const key = await createDataKey();
  return { key: await toNonExtractable(key), wrapped: await wrapDataKey(key, password, 1000), by: 'password' };
}
