/**
 * Privacy by default: who may read an entry, the same rule the server's sync scopes enforce
 * (src/server/sync/access.ts), for exports and reports built from entries already at hand.
 * Tips and reintegration visits (restricted kinds) are read by their author, the team leader and
 * commune police only; every other entry by anyone whose reach covers the entry's team.
 */
import type { Role } from './account.ts';
import { isRestrictedKind } from './field-log.ts';

/** The reader: their account, role, and the teams their reach covers (own team; commune's or province's teams). */
export interface Reader {
  userId: string;
  role: Role;
  teamIds: readonly string[];
}

/** The fields of an entry the rule looks at. */
export interface ReadableEntry {
  teamId: string;
  memberId: string;
  kind: string;
}

/** Whether `reader` may read `entry` (show it, export it, count it in a report naming people). */
export function isReadableBy(reader: Reader, entry: ReadableEntry): boolean {
  if (!reader.teamIds.includes(entry.teamId)) return false;
  if (!isRestrictedKind(entry.kind)) return true;
  if (entry.memberId === reader.userId) return true;
  return reader.role === 'leader' || reader.role === 'commune-police';
}
