/**
 * Checks of an entry (fieldLog) against the world beyond its own fields. Pure: push.ts reads the
 * facts (db/reference-repository.ts) once per batch inside its transaction.
 *
 * - References: an entry may refer only to what its writer may reach: households that exist in
 *   the team's hamlets, members of the team, the commune's checklist templates. Only references
 *   the edit adds are checked, so a leader can still approve an entry whose household was later
 *   removed.
 * - Dates: the day of the work, and every instant of it, lie between the day the team started
 *   and one day after the server's clock (a phone's clock may be a day off; a year 0001, 1900 or
 *   2999 is a typing or clock error, never a real entry).
 */
import type { TeamFacts } from '#src/server/db/reference-repository.ts';
import { dayInVietnam, formatDay } from '#src/shared/domain/dates.ts';
import { isDefaultChecklistId } from '#src/shared/domain/default-checklists.ts';
import { entryReferences, type FieldLog } from '#src/shared/domain/field-log.ts';
import type { RejectReason } from '#src/shared/sync/protocol.ts';

export interface EntryFacts {
  teams: ReadonlyMap<string, TeamFacts>;
  /** Live households by id, with their scope. */
  households: ReadonlyMap<string, string>;
  /** Live checklist templates by id, with their scope. */
  templates: ReadonlyMap<string, string>;
  now: Date;
}


/** The earliest day an entry may carry when its team's start is not known. */
export const EARLIEST_DAY = '2000-01-01';
/** Instants that are bookkeeping of the device or the review, not of the work itself. */
const BOOKKEEPING_INSTANTS = new Set(['createdAt', 'updatedAt', 'reviewedAt']);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * What an entry refers to, whatever its kind. Push gathers the ids of a whole batch before each
 * record is validated (to read the facts once): a record of the wrong shape refers to nothing
 * here and is refused by its schema afterwards.
 */
export function referencesOf(entry: Record<string, unknown>): { householdIds: string[]; memberIds: string[]; templateIds: string[] } {
  try {
    const references = entryReferences(entry as unknown as FieldLog);
    const strings = (ids: Iterable<unknown>) => [...ids].filter((id): id is string => typeof id === 'string');
    return { householdIds: strings(references.householdIds), memberIds: strings(references.memberIds), templateIds: strings(references.checklistTemplateIds) };
  } catch {
    return { householdIds: [], memberIds: [], templateIds: [] };
  }
}

type Refusal = { reason: RejectReason; message: string };

export function checkEntryFacts(entry: Record<string, unknown>, stored: Record<string, unknown> | null, facts: EntryFacts): Refusal | null {
  const team = facts.teams.get(String(entry.teamId));
  if (!team) return { reason: 'forbidden', message: 'Tổ của nhật ký không tồn tại.' };
  return checkDates(entry, team, facts.now) ?? checkReferences(entry, stored, team, facts);
}

function checkDates(entry: Record<string, unknown>, team: TeamFacts, now: Date): Refusal | null {
  const earliest = team.establishedOn ?? EARLIEST_DAY;
  const latest = dayInVietnam(new Date(now.getTime() + 24 * 3600_000));
  const window = `từ ${formatDay(earliest)} đến ${formatDay(latest)}`;
  const day = typeof entry.date === 'string' ? entry.date : null;
  if (day !== null && (day < earliest || day > latest)) {
    return { reason: 'date-out-of-range', message: `Ngày ${formatDay(day)} không hợp lệ: ngày làm việc phải ${window}.` };
  }
  for (const [field, value] of Object.entries(entry)) {
    if (!field.endsWith('At') || BOOKKEEPING_INSTANTS.has(field) || typeof value !== 'string' || !ISO_INSTANT.test(value)) continue;
    const at = Date.parse(value);
    if (Number.isNaN(at)) continue;
    const dayOf = dayInVietnam(new Date(at));
    if (dayOf < earliest || at > now.getTime() + 24 * 3600_000) {
      return { reason: 'date-out-of-range', message: `Thời gian ${formatDay(dayOf)} không hợp lệ: phải ${window}.` };
    }
  }
  return null;
}

function added(next: string[], before: string[]): string[] {
  const old = new Set(before);
  return [...new Set(next)].filter((id) => !old.has(id));
}

function checkReferences(entry: Record<string, unknown>, stored: Record<string, unknown> | null, team: TeamFacts, facts: EntryFacts): Refusal | null {
  const next = referencesOf(entry);
  const before = stored ? referencesOf(stored) : { householdIds: [], memberIds: [], templateIds: [] };
  const hamletScopes = new Set(team.hamletIds.map((id) => `unit:${id}`));
  for (const id of added(next.householdIds, before.householdIds)) {
    const scope = facts.households.get(id);
    if (scope === undefined || !hamletScopes.has(scope)) {
      return { reason: 'bad-reference', message: 'Hộ gia đình đã chọn không thuộc các thôn, ấp của tổ (hoặc không còn tồn tại).' };
    }
  }
  const members = new Set(team.memberIds);
  if (added(next.memberIds, before.memberIds).some((id) => !members.has(id))) {
    return { reason: 'bad-reference', message: 'Người tham gia phải là thành viên của tổ.' };
  }
  for (const id of added(next.templateIds, before.templateIds)) {
    // The checklists shipped with the app (seed 001 §II.4) are every commune's until it writes its own.
    if (!isDefaultChecklistId(id) && facts.templates.get(id) !== `unit:${team.communeId}`) {
      return { reason: 'bad-reference', message: 'Danh mục kiểm tra không thuộc xã của tổ.' };
    }
  }
  return null;
}
