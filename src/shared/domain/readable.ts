/**
 * Who may read an entry, for what a device shows beyond sync (reports, exports). Restricted
 * kinds (tips, reintegration visits: field-log.ts `restrictedKinds`) are read by their author,
 * the leader of their team and the commune police supervising the team, never by other members
 * or province staff; other entries by the team and everyone supervising it.
 */
import type { Role } from './account.ts';
import { isRestrictedKind } from './field-log.ts';

/** The person a report or export is made for. */
export interface Reader {
  userId: string;
  role: Role;
  /** The reader's own team (members, leaders); null for commune police and province staff. */
  teamId: string | null;
  /** Teams the reader supervises (commune police, province staff). */
  supervisedTeamIds: readonly string[];
}

/** The fields of an entry that decide who reads it. */
export interface ReadableEntry {
  kind: string;
  teamId: string;
  memberId: string;
}

/** True when `reader` may read `entry` (this file's header states the rule). */
export function isReadableBy(reader: Reader, entry: ReadableEntry): boolean {
  const isOwnTeam = reader.teamId === entry.teamId;
  const isSupervised = reader.supervisedTeamIds.includes(entry.teamId);
  if (!isRestrictedKind(entry.kind)) return isOwnTeam || isSupervised;
  if (entry.memberId === reader.userId) return true;
  if (reader.role === 'leader') return isOwnTeam;
  return reader.role === 'commune-police' && isSupervised;
}
