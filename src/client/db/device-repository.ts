/**
 * What the device tells the server about itself at login, for "Thiết bị đã đăng nhập": its sync
 * client id when it already has one (the server names the device from its User-Agent). Reads
 * only; the id is created by the sync code (session-repository.ts getClientId), never here.
 */
import type { AnttDatabase } from './database.ts';

/** The device's sync client id, or undefined when it never synced. */
export async function peekClientId(db: AnttDatabase): Promise<string | undefined> {
  const value = (await db.meta.get('clientId'))?.value;
  return typeof value === 'string' ? value : undefined;
}
