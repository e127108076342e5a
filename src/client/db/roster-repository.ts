/**
 * Who is in a team, the commune's agencies and what the commune has set, as far as this device
 * knows.
 *
 * The synced `team` (members and their names) and `orgUnit` (the commune's duty phone and
 * promptMinutes) collections come with the organisation work; until a device holds them this
 * reads what it can: the table when it exists, otherwise only the signed-in user and no
 * settings. Both are read by primary key: one row each.
 */
import { DEFAULT_PROMPT_MINUTES } from '#src/shared/domain/response-time.ts';
import type { AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';

export interface RosterMember {
  userId: string;
  displayName: string;
}

export interface CommuneSettings {
  /** The commune police duty number (số trực ban), or null when not set. */
  dutyPhone: string | null;
  promptMinutes: number;
}

function optionalTable(db: AnttDatabase, name: string) {
  return db.tables.find((table) => table.name === name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The members of `teamId`: the team record's members when the device holds it, and always
 * `self` (a new member may be missing from an older roster).
 */
export async function readRoster(db: AnttDatabase, teamId: string | null, self: RosterMember): Promise<RosterMember[]> {
  const table = teamId === null ? undefined : optionalTable(db, 'team');
  const team: unknown = table && teamId !== null ? await table.get(teamId) : undefined;
  const members: RosterMember[] = [];
  if (isRecord(team) && Array.isArray(team.members)) {
    for (const member of team.members) {
      if (isRecord(member) && typeof member.userId === 'string' && typeof member.displayName === 'string') {
        members.push({ userId: member.userId, displayName: member.displayName });
      }
    }
  }
  if (!members.some((member) => member.userId === self.userId)) members.unshift(self);
  return members;
}

/**
 * Display names of every member of every team the device holds (a commune has about 25 teams),
 * and `self`: the logbook names authors with it.
 */
export async function readMemberNames(db: AnttDatabase, self: RosterMember): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const table = optionalTable(db, 'team');
  const teams: unknown[] = table ? await table.toArray() : [];
  for (const team of teams) {
    if (!isRecord(team) || !Array.isArray(team.members)) continue;
    for (const member of team.members) {
      if (isRecord(member) && typeof member.userId === 'string' && typeof member.displayName === 'string') names.set(member.userId, member.displayName);
    }
  }
  names.set(self.userId, self.displayName);
  return names;
}

/** Agencies, enterprises and schools of the commune the device knows (outreach may reach one). */
export async function readAgencies(db: AnttDatabase, communeId: string | null): Promise<Array<{ id: string; name: string }>> {
  const table = communeId === null ? undefined : optionalTable(db, 'orgUnit');
  const units: unknown[] = table ? await table.toArray() : [];
  return units
    .filter((unit): unit is Record<string, unknown> => isRecord(unit) && unit.kind === 'agency' && unit.parentId === communeId)
    .map((unit) => ({ id: String(unit.id), name: String(unit.name ?? '') }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The commune's settings, or the defaults when the device holds no orgUnit record for it. */
export async function readCommuneSettings(db: AnttDatabase, communeId: string | null): Promise<CommuneSettings> {
  const table = communeId === null ? undefined : optionalTable(db, 'orgUnit');
  const unit: unknown = table && communeId !== null ? await table.get(communeId) : undefined;
  const settings = isRecord(unit) && isRecord(unit.settings) ? unit.settings : {};
  const phone = typeof settings.dutyPhone === 'string' && settings.dutyPhone.trim() !== '' ? settings.dutyPhone.trim() : null;
  const minutes = typeof settings.promptMinutes === 'number' && settings.promptMinutes > 0 ? settings.promptMinutes : DEFAULT_PROMPT_MINUTES;
  return { dutyPhone: phone, promptMinutes: minutes };
}

export function useRoster(teamId: string | null, self: RosterMember): RosterMember[] | undefined {
  return useDbQuery((db) => readRoster(db, teamId, self), [teamId, self.userId, self.displayName]);
}

export function useMemberNames(self: RosterMember): Map<string, string> | undefined {
  return useDbQuery((db) => readMemberNames(db, self), [self.userId, self.displayName]);
}

export function useAgencies(communeId: string | null): Array<{ id: string; name: string }> | undefined {
  return useDbQuery((db) => readAgencies(db, communeId), [communeId]);
}

export function useCommuneSettings(communeId: string | null): CommuneSettings | undefined {
  return useDbQuery((db) => readCommuneSettings(db, communeId), [communeId]);
}
